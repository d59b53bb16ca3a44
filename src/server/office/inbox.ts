import type { SqlValue } from '../db/engine';
import { normalizeConfirmation } from '../confirmation';
import type { LookupKind } from '../index-keys';
import type { ListFilter, RequestSummary } from '../intake-store';
import { decodeCursor, encodeCursor, summary, SUMMARY_COLUMNS, where, type RequestRow } from '../intake-store-sql';
import { checkANumber, checkEmail, checkFormType, checkLanguageTag, checkReceiptNumber, checkUuid } from '../../shared/fields';
import type { Office } from './context';
import type { StaffRef } from './model';
import { REVIEW_STATES as STATES, type ReviewState } from '../../shared/review';

/**
 * The name readInboxQuery asks its getter for the search text: the routes
 * answer it from the `X-Office-Search` header (URI-encoded), never from the
 * URL, so what staff search for stays out of proxies' logs and history.
 */
export const SEARCH = 'search';
export const SEARCH_HEADER = 'X-Office-Search';

/** The search header's text, or undefined when absent or not valid URI encoding. */
export function searchHeader(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return '\u0000';
  }
}

/**
 * The inbox: the store's requests with the office's review state and
 * assignee, newest first, keyset paging, counts per state. Filters on
 * metadata use the store's own WHERE clauses; `q` goes through the store's
 * blind indexes (nothing searched is stored or compared in clear).
 */

export interface InboxQuery {
  filter: ListFilter;
  state?: ReviewState;
  assignedTo?: string;
  /** The text searched, as typed. */
  q?: string;
  cursor?: string;
  limit: number;
}

export interface InboxRow extends RequestSummary {
  state: ReviewState;
  assignee: StaffRef | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_LIMIT = 100;

function dayStart(day: string): string | null {
  if (!DAY.test(day)) return null;
  const t = Date.parse(`${day}T00:00:00.000Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(day) ? new Date(t).toISOString() : null;
}

/** The query string as an inbox query, or the name of the first parameter that is wrong. */
export function readInboxQuery(q: (name: string) => string | undefined, me: string): InboxQuery | { invalid: string } {
  const filter: ListFilter = {};
  const out: InboxQuery = { filter, limit: 50 };
  const state = q('state');
  if (state) {
    if (!(STATES as readonly string[]).includes(state)) return { invalid: 'state' };
    out.state = state as ReviewState;
  }
  const from = q('from');
  if (from) {
    const t = dayStart(from);
    if (!t) return { invalid: 'from' };
    filter.from = t;
  }
  const to = q('to');
  if (to) {
    const t = dayStart(to);
    if (!t) return { invalid: 'to' };
    // Inclusive day: up to the start of the next.
    filter.to = new Date(Date.parse(t) + 86_400_000).toISOString();
  }
  const form = q('form');
  if (form) {
    const f = checkFormType(form);
    if (!f.ok) return { invalid: 'form' };
    filter.formType = f.value;
  }
  const urgent = q('urgent');
  if (urgent) {
    if (urgent !== '1' && urgent !== '0') return { invalid: 'urgent' };
    filter.urgent = urgent === '1';
  }
  const lang = q('lang');
  if (lang) {
    const l = checkLanguageTag(lang);
    if (!l.ok) return { invalid: 'lang' };
    filter.language = l.value;
  }
  const event = q('event');
  if (event) {
    if (!checkUuid(event).ok) return { invalid: 'event' };
    filter.eventId = event;
  }
  const assigned = q('assigned');
  if (assigned) {
    if (assigned !== 'me') return { invalid: 'assigned' };
    out.assignedTo = me;
  }
  const text = q(SEARCH)?.trim();
  if (text) {
    if (text.length > 320 || text.includes('\u0000')) return { invalid: 'q' };
    out.q = text;
  }
  const cursor = q('cursor');
  if (cursor) {
    if (!decodeCursor(cursor)) return { invalid: 'cursor' };
    out.cursor = cursor;
  }
  const limit = q('limit');
  if (limit) {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) return { invalid: 'limit' };
    out.limit = n;
  }
  return out;
}

/** What `q` may be, each kind tried through its own blind index. */
function searchKinds(text: string): LookupKind[] {
  const kinds: LookupKind[] = [];
  if (checkANumber(text).ok) kinds.push('a_number');
  if (checkReceiptNumber(text).ok) kinds.push('receipt');
  if (checkEmail(text).ok) kinds.push('email');
  if (kinds.length === 0) kinds.push('name');
  return kinds;
}

/** Ids `q` finds (a confirmation number is a plain column, not personal). Null: no search. */
async function searchIds(office: Office, query: InboxQuery): Promise<{ ids: string[] } | { confirmation: string } | null> {
  if (!query.q) return null;
  const confirmation = normalizeConfirmation(query.q);
  if (confirmation) return { confirmation };
  const ids = new Set<string>();
  for (const kind of searchKinds(query.q)) for (const r of await office.store.findBy(kind, query.q)) ids.add(r.id);
  return { ids: [...ids] };
}

interface Where {
  clauses: string[];
  params: SqlValue[];
}

/** The WHERE of everything but the state: the store's metadata filters, search, assignment. */
async function baseWhere(office: Office, query: InboxQuery): Promise<Where | null> {
  const search = await searchIds(office, query);
  const filter = search && 'confirmation' in search ? { ...query.filter, confirmation: search.confirmation } : query.filter;
  const w = where(filter);
  const add = (clause: (p: string) => string, value: SqlValue) => {
    w.params.push(value);
    w.clauses.push(clause(`$${w.params.length}`));
  };
  if (search && 'ids' in search) {
    if (search.ids.length === 0) return null;
    const marks = search.ids.map((id) => {
      w.params.push(id);
      return `$${w.params.length}`;
    });
    w.clauses.push(`r.id IN (${marks.join(', ')})`);
  }
  if (query.assignedTo) add((p) => `o.assignee_id = ${p}`, query.assignedTo);
  return w;
}

function stateClause(w: Where, state: ReviewState): Where {
  const params = [...w.params, state];
  const p = `$${params.length}`;
  const clause = state === 'received' ? `(o.state IS NULL OR o.state = ${p})` : `o.state = ${p}`;
  return { clauses: [...w.clauses, clause], params };
}

const FROM = 'FROM requests r LEFT JOIN office_reviews o ON o.request_id = r.id';
const whereSql = (w: Where) => (w.clauses.length ? `WHERE ${w.clauses.join(' AND ')}` : '');

export type StateCounts = Record<ReviewState, number>;

async function counts(office: Office, w: Where, unfiltered: boolean): Promise<StateCounts> {
  const out = Object.fromEntries(STATES.map((s) => [s, 0])) as StateCounts;
  if (unfiltered) {
    // The common first screen: the review table is small, the requests are counted by the index.
    const rows = await office.db.query<{ state: ReviewState; n: number }>('SELECT state, COUNT(*) AS n FROM office_reviews GROUP BY state');
    const total = await office.store.count();
    let reviewed = 0;
    for (const r of rows) {
      if (r.state === 'received') continue;
      out[r.state] = Number(r.n);
      reviewed += Number(r.n);
    }
    out.received = total - reviewed;
    return out;
  }
  const rows = await office.db.query<{ state: ReviewState; n: number }>(
    `SELECT COALESCE(o.state, 'received') AS state, COUNT(*) AS n ${FROM} ${whereSql(w)} GROUP BY COALESCE(o.state, 'received')`,
    w.params,
  );
  for (const r of rows) out[r.state] = Number(r.n);
  return out;
}

type Joined = RequestRow & { state: ReviewState | null; assignee_id: string | null; assignee_email: string | null };

/** One page of the inbox (no names: the caller opens those it shows). */
export async function inboxPage(
  office: Office,
  query: InboxQuery,
  withCounts = true,
): Promise<{ rows: InboxRow[]; nextCursor: string | null; counts: StateCounts | null }> {
  const base = await baseWhere(office, query);
  if (!base) {
    return { rows: [], nextCursor: null, counts: withCounts ? (Object.fromEntries(STATES.map((s) => [s, 0])) as StateCounts) : null };
  }
  const w = query.state ? stateClause(base, query.state) : { clauses: [...base.clauses], params: [...base.params] };
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (after) {
    w.params.push(after[0], after[1]);
    const a = `$${w.params.length - 1}`;
    const b = `$${w.params.length}`;
    w.clauses.push(`(r.received_at < ${a} OR (r.received_at = ${a} AND r.id < ${b}))`);
  }
  const rows = await office.db.query<Joined & Record<string, unknown>>(
    `SELECT ${SUMMARY_COLUMNS}, o.state, o.assignee_id, s.email AS assignee_email
     ${FROM} LEFT JOIN office_staff s ON s.id = o.assignee_id ${whereSql(w)}
     ORDER BY r.received_at DESC, r.id DESC LIMIT $${w.params.length + 1}`,
    [...w.params, query.limit + 1],
  );
  const page = rows.slice(0, query.limit).map((r) => ({
    ...summary(r),
    state: r.state ?? 'received',
    assignee: r.assignee_id ? { id: r.assignee_id, email: r.assignee_email ?? '' } : null,
  }));
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    counts: withCounts ? await counts(office, base, base.clauses.length === 0) : null,
  };
}
