import { useI18n } from '../i18n/context';
import { useStaff, useStaffTitle } from './context';
import { Alert } from './Field';
import { RoleGate } from './RoleGate';
import { useLoad } from './use-load';
import type { EventCounts } from './types';

export function EventCountsView() {
  useStaffTitle('Event counts');
  return (
    <RoleGate role="supervisor" title="Event counts">
      <Events />
    </RoleGate>
  );
}

function Events() {
  const { api } = useStaff();
  const { data, failure } = useLoad(() => api.get<{ events: EventCounts[] }>('events'), []);
  const events = data?.events;
  return (
    <>
      <h1 tabIndex={-1}>Event counts</h1>
      <p>Anonymous counts that officers send from the tablets at outreach events, per event and day.</p>
      {failure && <Alert>{failure}</Alert>}
      {events && events.length === 0 && <p>No event has sent counts yet.</p>}
      {events?.map((e) => <EventChart key={e.eventId} event={e} />)}
    </>
  );
}

/** The metric's name as the officer's tablet shows it (the applicant side's English words), else its key. */
function useMetricLabel() {
  const { t } = useI18n();
  return (metric: string) => {
    const id = `event.stats.${metric}`;
    const label = t(id);
    return label && label !== id ? label : metric;
  };
}

const BAR = 22;
const LABEL = 260;
const WIDTH = 640;

/** One event: bars per day and metric, with the same numbers in a table beside them. */
export function EventChart(props: { event: EventCounts }) {
  const label = useMetricLabel();
  const { event } = props;
  const metrics = [...new Set(event.days.flatMap((d) => Object.keys(d.counts)))].sort();
  const bars = event.days.flatMap((d) => metrics.map((m) => ({ key: `${d.date}-${m}`, text: `${d.date} · ${label(m)}`, value: d.counts[m] ?? 0 })));
  const max = Math.max(1, ...bars.map((b) => b.value));
  const id = `event-${event.eventId.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const height = Math.max(1, bars.length) * BAR;
  return (
    <section class="staff-section staff-event" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Event {event.eventId}</h2>
      <div class="staff-event__body">
        <svg class="staff-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
          <desc id={`${id}-desc`}>{bars.map((b) => `${b.text}: ${b.value}`).join('; ')}</desc>
          {bars.map((b, i) => {
            const w = Math.max(2, Math.round((b.value / max) * (WIDTH - LABEL - 50)));
            return (
              <g key={b.key} aria-hidden="true">
                <text x="4" y={i * BAR + BAR / 2} dominant-baseline="middle" class="staff-chart__label">
                  {b.text.length > 38 ? `${b.text.slice(0, 37)}…` : b.text}
                </text>
                <rect x={LABEL} y={i * BAR + 4} width={w} height={BAR - 8} class="staff-chart__bar" />
                <text x={LABEL + w + 6} y={i * BAR + BAR / 2} dominant-baseline="middle" class="staff-chart__value">
                  {b.value}
                </text>
              </g>
            );
          })}
        </svg>
        <div class="staff-table-wrap">
          <table class="staff-table">
            <caption>Counts of event {event.eventId} by day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                {metrics.map((m) => (
                  <th scope="col" key={m}>
                    {label(m)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {event.days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{d.date}</th>
                  {metrics.map((m) => (
                    <td key={m}>{d.counts[m] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
