import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { filterParams } from './api';
import { hasRole, useStaff, useStaffTitle } from './context';
import { Alert } from './Field';
import { Table } from './Table';
import { InboxFilterForm } from './InboxFilterForm';
import { ExportButtons } from './ExportButtons';
import { filtersFromQuery, filtersToQuery } from './inbox-filters';
import { STATE_LABEL, englishLanguage, formatDateTime } from './text';
import { Pager, useCursorPages } from './paging';
import { useLoad } from './use-load';
import type { RequestPage } from './types';
import { REVIEW_STATES as STATES } from '../shared/review';

export function Inbox() {
  useStaffTitle('Inbox');
  const { api, me } = useStaff();
  const { query, route } = useLocation();
  const filters = filtersFromQuery(query);
  const filterKey = filtersToQuery(filters);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const pages = useCursorPages(`${filterKey}\n${q}`);
  const { cursor } = pages;
  const { data: page, failure, loading } = useLoad(
    () => api.get<RequestPage>('requests', { ...filterParams({ ...filters, q }), cursor: cursor || undefined, limit: 50 }),
    [filterKey, q, cursor],
  );

  const go = (next: string) => route(`/staff${next}`);

  return (
    <>
      <h1 tabIndex={-1}>Inbox</h1>
      {page && (
        <nav aria-label="Requests by state">
          <ul class="staff-counts">
            {STATES.map((s) => (
              <li key={s}>
                <a href={`/staff${filtersToQuery({ ...filters, state: s })}`} aria-current={filters.state === s ? 'true' : undefined}>
                  {STATE_LABEL[s]} <span class="staff-count">{page.counts[s] ?? 0}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <form
        role="search"
        class="staff-search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(search.trim());
        }}
      >
        <label for="inbox-q">Find by A-number, receipt number, confirmation number, e-mail or full name</label>
        <div class="staff-row">
          <input id="inbox-q" type="search" value={search} autocomplete="off" onInput={(e) => setSearch(e.currentTarget.value)} />
          <button type="submit" class="staff-button">
            Find
          </button>
          {q && (
            <button
              type="button"
              class="staff-button staff-button--quiet"
              onClick={() => {
                setSearch('');
                setQ('');
              }}
            >
              Clear search
            </button>
          )}
        </div>
      </form>
      <InboxFilterForm filters={filters} onApply={(f) => go(filtersToQuery(f))} />
      {hasRole(me, 'supervisor') && <ExportButtons filters={{ ...filters, q }} />}
      {failure && <Alert>{failure}</Alert>}
      <p role="status" class="staff-status">
        {loading ? 'Loading requests…' : page ? resultLine(page.requests.length, pages.pageNumber, Boolean(q)) : ''}
      </p>
      {page && page.requests.length > 0 && (
        <Table caption="Requests, newest first" hideCaption columns={['Received', 'Confirmation', 'Name', 'Forms', 'Urgent', 'Language', 'State', 'Assigned to']}>
          {page.requests.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.receivedAt)}</td>
              <th scope="row">
                <a href={`/staff/requests/${encodeURIComponent(r.id)}`}>{r.confirmation}</a>
              </th>
              <td>{r.name}</td>
              <td>{r.formTypes.join(', ')}</td>
              <td>{r.urgent ? <strong class="staff-urgent">Urgent</strong> : 'No'}</td>
              <td>{englishLanguage(r.language)}</td>
              <td>{STATE_LABEL[r.state] ?? r.state}</td>
              <td>{r.assignee?.email ?? '—'}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager pages={pages} nextCursor={page?.nextCursor} />
    </>
  );
}

function resultLine(n: number, pageNumber: number, searching: boolean): string {
  if (n === 0) return searching ? 'No request matches this search.' : 'No requests match these filters.';
  return `Page ${pageNumber}: ${n} request${n === 1 ? '' : 's'}.`;
}
