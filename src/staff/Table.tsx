import type { ComponentChildren } from 'preact';

/** A data table with column headers, scrolling sideways on narrow screens instead of squeezing. */
export function Table(props: { caption: string; hideCaption?: boolean; columns: readonly string[]; children: ComponentChildren }) {
  return (
    <div class="staff-table-wrap">
      <table class="staff-table">
        <caption class={props.hideCaption ? 'visually-hidden' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
