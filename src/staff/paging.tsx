import { useState } from 'preact/hooks';

/**
 * Keyset paging: the server hands an opaque cursor for the next page; the
 * cursors of the pages seen are kept for "Previous page". A new `scope`
 * (other filters, another search) starts at the first page at once, so no
 * request mixes a new filter with an old cursor.
 */
export function useCursorPages(scope: string) {
  const [state, setState] = useState({ scope, cursors: [''] });
  const cursors = state.scope === scope ? state.cursors : [''];
  const update = (change: (c: string[]) => string[]) =>
    setState((s) => ({ scope, cursors: change(s.scope === scope ? s.cursors : ['']) }));
  return {
    cursor: cursors[cursors.length - 1] ?? '',
    pageNumber: cursors.length,
    next: (cursor: string) => update((c) => [...c, cursor]),
    previous: () => update((c) => c.slice(0, -1)),
  };
}

export function Pager(props: { pages: ReturnType<typeof useCursorPages>; nextCursor: string | null | undefined }) {
  const { pages, nextCursor } = props;
  return (
    <div class="staff-row staff-paging">
      {pages.pageNumber > 1 && (
        <button type="button" class="staff-button staff-button--quiet" onClick={pages.previous}>
          Previous page
        </button>
      )}
      {nextCursor && (
        <button type="button" class="staff-button" onClick={() => pages.next(nextCursor)}>
          Next page
        </button>
      )}
    </div>
  );
}
