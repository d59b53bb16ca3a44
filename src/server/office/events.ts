import type { SqlEngine } from '../db/engine';
import type { EventStats } from '../../shared/event-stats';

/**
 * The tablets' anonymous event counts (POST /api/v1/events/:id/stats) per
 * event and day, as flat metrics for a chart: served, submitted, each
 * outcome (`outcome.<kind>`) and each language (`language.<tag>`).
 */

export interface EventCounts {
  eventId: string;
  name: string;
  days: { date: string; counts: Record<string, number> }[];
}

const MAX_EVENTS = 1000;

export function eventMetrics(stats: EventStats): Record<string, number> {
  const counts: Record<string, number> = { served: stats.served, submitted: stats.submitted };
  for (const [kind, n] of Object.entries(stats.outcomes)) counts[`outcome.${kind}`] = n ?? 0;
  for (const [tag, n] of Object.entries(stats.languages)) counts[`language.${tag}`] = n;
  return counts;
}

export async function listEvents(db: SqlEngine): Promise<EventCounts[]> {
  const rows = await db.query<{ id: string; body: string }>(`SELECT id, body FROM event_stats ORDER BY date DESC, id LIMIT ${MAX_EVENTS}`);
  return rows.map((r) => {
    const stats = JSON.parse(r.body) as EventStats;
    return { eventId: r.id, name: stats.name, days: [{ date: stats.date, counts: eventMetrics(stats) }] };
  });
}
