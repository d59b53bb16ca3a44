import type { SqlEngine, SqlValue } from '../db/engine';
import { FEEDBACK_QUESTION_IDS, FEEDBACK_QUESTIONS, type FeedbackQuestion } from '../../shared/feedback-schema';

/**
 * Feedback at rest: the sealed envelope, and in clear only what is counted
 * and names no one — the rating, the fixed answers' codes, the event, the
 * day, the language, whether there is text or contact to read.
 */

export interface NewFeedback {
  id: string;
  receivedAt: string;
  day: string;
  locale: string;
  eventId: string | null;
  satisfaction: number | null;
  answers: Partial<Record<FeedbackQuestion, string>>;
  hasText: boolean;
  hasContact: boolean;
  kid: string;
  sealed: Uint8Array;
  envelopeSha256: string;
  bodySha256: string;
}

export interface FeedbackRow {
  id: string;
  receivedAt: string;
  bodySha256: string;
  envelopeSha256: string;
}

export async function findFeedback(db: SqlEngine, id: string): Promise<FeedbackRow | undefined> {
  const [row] = await db.query<{ id: string; received_at: string; body_sha256: string; envelope_sha256: string }>(
    'SELECT id, received_at, body_sha256, envelope_sha256 FROM feedback WHERE id = $1',
    [id],
  );
  return row && { id: row.id, receivedAt: row.received_at, bodySha256: row.body_sha256, envelopeSha256: row.envelope_sha256 };
}

/** Exactly once by id, across processes: the insert decides, a twin compares. */
export async function saveFeedback(db: SqlEngine, f: NewFeedback): Promise<{ kind: 'created' | 'same'; receivedAt: string } | { kind: 'conflict' }> {
  const inserted = await db.query(
    `INSERT INTO feedback (id, received_at, day, locale, event_id, satisfaction, answers, has_text, has_contact, kid, body_sha256, envelope_sha256, sealed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING RETURNING id`,
    [f.id, f.receivedAt, f.day, f.locale, f.eventId, f.satisfaction, JSON.stringify(f.answers), f.hasText ? 1 : 0, f.hasContact ? 1 : 0,
      f.kid, f.bodySha256, f.envelopeSha256, f.sealed],
  );
  if (inserted.length) return { kind: 'created', receivedAt: f.receivedAt };
  const twin = await findFeedback(db, f.id);
  return twin && twin.bodySha256 === f.bodySha256 ? { kind: 'same', receivedAt: twin.receivedAt } : { kind: 'conflict' };
}

export interface FeedbackFilter {
  eventId?: string;
  /** Days, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

function whereOf(f: FeedbackFilter): { sql: string; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const add = (clause: string, value: SqlValue) => {
    params.push(value);
    clauses.push(clause.replace('?', `$${params.length}`));
  };
  if (f.eventId) add('event_id = ?', f.eventId);
  if (f.from) add('day >= ?', f.from);
  if (f.to) add('day <= ?', f.to);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export interface FeedbackGroup {
  eventId: string | null;
  day: string;
  count: number;
  satisfaction: Record<'1' | '2' | '3' | '4' | '5', number>;
  answers: Record<FeedbackQuestion, Record<string, number>>;
  withText: number;
  withContact: number;
}

const emptyGroup = (eventId: string | null, day: string): FeedbackGroup => ({
  eventId,
  day,
  count: 0,
  satisfaction: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
  answers: Object.fromEntries(FEEDBACK_QUESTION_IDS.map((q) => [q, Object.fromEntries(FEEDBACK_QUESTIONS[q].map((a) => [a, 0]))])) as FeedbackGroup['answers'],
  withText: 0,
  withContact: 0,
});

/** Counts per event and day, newest day first, from the clear columns alone (nothing is opened). */
export async function countFeedback(db: SqlEngine, filter: FeedbackFilter): Promise<FeedbackGroup[]> {
  const { sql, params } = whereOf(filter);
  const rows = await db.query<{ event_id: string | null; day: string; satisfaction: number | null; answers: string; has_text: number; has_contact: number }>(
    `SELECT event_id, day, satisfaction, answers, has_text, has_contact FROM feedback ${sql}`,
    params,
  );
  const groups = new Map<string, FeedbackGroup>();
  for (const r of rows) {
    const key = `${r.event_id ?? ''}|${r.day}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = emptyGroup(r.event_id, r.day)));
    g.count++;
    const rating = String(r.satisfaction) as keyof FeedbackGroup['satisfaction'];
    if (rating in g.satisfaction) g.satisfaction[rating]++;
    const answers = JSON.parse(r.answers) as Partial<Record<FeedbackQuestion, string>>;
    for (const q of FEEDBACK_QUESTION_IDS) {
      const a = answers[q];
      if (a !== undefined && a in g.answers[q]) g.answers[q][a]!++;
    }
    g.withText += Number(r.has_text);
    g.withContact += Number(r.has_contact);
  }
  return [...groups.values()].sort((a, b) => b.day.localeCompare(a.day) || (a.eventId ?? '').localeCompare(b.eventId ?? ''));
}

export interface StoredFeedback {
  id: string;
  receivedAt: string;
  locale: string;
  eventId: string | null;
  sealed: Buffer;
}

/** The entries that have something to read (text or contact), newest first. */
export async function feedbackWithText(db: SqlEngine, filter: FeedbackFilter, limit: number): Promise<StoredFeedback[]> {
  const { sql, params } = whereOf(filter);
  const rows = await db.query<{ id: string; received_at: string; locale: string; event_id: string | null; sealed: Buffer }>(
    `SELECT id, received_at, locale, event_id, sealed FROM feedback ${sql ? `${sql} AND` : 'WHERE'} (has_text = 1 OR has_contact = 1)
     ORDER BY received_at DESC, id DESC LIMIT $${params.length + 1}`,
    [...params, limit],
  );
  return rows.map((r) => ({ id: r.id, receivedAt: r.received_at, locale: r.locale, eventId: r.event_id, sealed: r.sealed }));
}
