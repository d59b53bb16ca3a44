import * as v from 'valibot';

/**
 * The body of POST /api/v1/events/:id/stats: an outreach event's anonymous
 * counts, for the report an officer writes afterwards. Shared by the
 * officer's view (which builds it) and the server (which validates it).
 * Counts and the event's own description only: no names, no answers, no
 * request ids. Unknown fields are refused.
 */

/**
 * Kinds of screener answer, in the order views list them. "not-yet": too
 * early; wait until a date, then come back. Never shown as "cannot help".
 */
export const OUTCOME_KINDS = ['may-help', 'first-try-uscis', 'not-yet', 'cannot-help', 'go-elsewhere'] as const;

const MAX_COUNT = 1_000_000;
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_COUNT));
const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));
/** A BCP 47-shaped tag (en, zh-Hans, pt-BR): a language, never free text. */
const localeTag = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/));

export const EventStatsSchema = v.strictObject({
  name: v.pipe(text(120), v.minLength(1)),
  place: text(120),
  date: v.pipe(v.string(), v.isoDate()),
  defaultLocale: localeTag,
  served: count,
  submitted: count,
  outcomes: v.record(v.picklist(OUTCOME_KINDS), count),
  languages: v.pipe(v.record(localeTag, count), v.check((r) => Object.keys(r).length <= 50)),
  outbox: v.strictObject({ waiting: count, needsAttention: count, delivered: count }),
});

export type EventStats = v.InferOutput<typeof EventStatsSchema>;

export function eventStatsUrl(apiBase: string, eventId: string): string {
  return `${apiBase.replace(/\/+$/, '')}/events/${encodeURIComponent(eventId)}/stats`;
}
