import { markEventSent, type OutboxCounts } from './events';
import type { EventRecord } from '../storage/event-record';
import { OUTCOME_KINDS, eventStatsUrl, type EventStats } from '../shared/event-stats';

/** Pure: the counts as the server takes them (no ids of requests, no names). */
export function statsBody(event: EventRecord, outbox: OutboxCounts): EventStats {
  const outcomes: EventStats['outcomes'] = {};
  for (const kind of OUTCOME_KINDS) {
    const n = event.outcomes[kind];
    if (n) outcomes[kind] = n;
  }
  return {
    name: event.name,
    place: event.place,
    date: event.date,
    defaultLocale: event.defaultLocale,
    served: event.served,
    submitted: event.submitted,
    outcomes,
    languages: { ...event.languages },
    outbox: { ...outbox },
  };
}

export type SendResult = 'sent' | 'offline' | 'refused' | 'later';

/** POSTs the counts; the same event id replaces the server's copy, so sending again is safe. */
export async function sendEventStats(
  apiBase: string,
  event: EventRecord,
  outbox: OutboxCounts,
  fetchFn: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<SendResult> {
  let res: Response;
  try {
    res = await fetchFn(eventStatsUrl(apiBase, event.id), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(statsBody(event, outbox)),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return 'offline';
  }
  if (res.ok) {
    const body = (await res.json().catch(() => null)) as { id?: unknown } | null;
    if (body?.id !== event.id) return 'later';
    await markEventSent(event.id, Date.now());
    return 'sent';
  }
  if (res.status === 429 || res.status >= 500) return 'later';
  return 'refused';
}
