import { useI18n } from '../i18n/context';

export interface BarRow {
  key: string;
  label: string;
  value: number;
}

const ROW = 28;
const LABEL = 210;
const WIDTH = 480;
const NUMBER = 40;

/**
 * A small horizontal bar chart in SVG, read out as one summary, with the
 * same numbers in a table for anyone who prefers it. Bars grow from the
 * inline start, so the chart reads right to left in Arabic.
 */
export function BarChart(props: { id: string; title: string; rows: readonly BarRow[] }) {
  const { t, intl, dir } = useI18n();
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  const barSpace = WIDTH - LABEL - NUMBER;
  const rtl = dir === 'rtl';
  const x = (start: number, width: number) => (rtl ? WIDTH - start - width : start);
  const summary = props.rows.map((r) => `${r.label}: ${intl.formatNumber(r.value)}`).join('; ');
  const height = Math.max(1, props.rows.length) * ROW;

  return (
    <figure class="bar-chart">
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      {props.rows.length === 0 ? (
        <p>{t('event.stats.none')}</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`} class="bar-chart__svg">
            <desc id={`${props.id}-desc`}>{summary}</desc>
            {props.rows.map((r, i) => {
              const w = Math.round((r.value / max) * barSpace);
              const y = i * ROW;
              return (
                <g key={r.key}>
                  <text x={rtl ? WIDTH - 4 : 4} y={y + ROW / 2} dominant-baseline="middle" text-anchor="start" class="bar-chart__label">
                    {r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label}
                  </text>
                  <rect x={x(LABEL, Math.max(w, 2))} y={y + 5} width={Math.max(w, 2)} height={ROW - 10} class="bar-chart__bar" />
                  <text x={x(LABEL + w + 6, 0)} y={y + ROW / 2} dominant-baseline="middle" text-anchor="start" class="bar-chart__value">
                    {intl.formatNumber(r.value)}
                  </text>
                </g>
              );
            })}
          </svg>
          <details class="bar-chart__table">
            <summary>{t('event.stats.showTable')}</summary>
            <table>
              <caption class="visually-hidden">{props.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('event.stats.tableItem')}</th>
                  <th scope="col">{t('event.stats.tableCount')}</th>
                </tr>
              </thead>
              <tbody>
                {props.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td>{intl.formatNumber(r.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
