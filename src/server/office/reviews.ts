import { randomUUID } from 'node:crypto';
import type { SqlEngine, SqlRunner } from '../db/engine';
import type { StaffRef } from './model';
import type { CloseReason, InfoReason, ReferralReason, ReviewState } from '../../shared/review';
import type { SealedText } from './sealed-text';

/**
 * The office's review of each request: its state and what that state
 * needs, the assignee, the state history and internal notes. A request
 * without a review row is "received". Free text is sealed at rest.
 */

export interface ReviewChange {
  state: ReviewState;
  caseNumber?: string;
  referral?: ReferralReason;
  referredTo?: string;
  closeReason?: CloseReason;
  infoReasons?: InfoReason[];
  infoNote?: string;
}

export interface Review {
  state: ReviewState;
  caseNumber: string | null;
  referral: ReferralReason | null;
  referredTo: string | null;
  closeReason: CloseReason | null;
  infoReasons: InfoReason[] | null;
  infoNote: string | null;
  assignee: StaffRef | null;
  /** When the state last changed; null while "received" (the request's own receipt time then). */
  stateAt: string | null;
}

const TEXT_KIND = 'review';

interface ReviewRow {
  state: ReviewState;
  case_number: string | null;
  referral: ReferralReason | null;
  state_at: string | null;
  close_reason: CloseReason | null;
  info_reasons: string | null;
  sealed_text: Buffer | null;
  assignee_id: string | null;
  assignee_email: string | null;
}

export async function getReview(db: SqlEngine, sealer: SealedText, requestId: string): Promise<Review> {
  const [row] = await db.query<ReviewRow & Record<string, unknown>>(
    `SELECT o.state, o.case_number, o.referral, o.state_at, o.close_reason, o.info_reasons, o.sealed_text, o.assignee_id, s.email AS assignee_email
     FROM office_reviews o LEFT JOIN office_staff s ON s.id = o.assignee_id WHERE o.request_id = $1`,
    [requestId],
  );
  if (!row) {
    return { state: 'received', caseNumber: null, referral: null, referredTo: null, closeReason: null, infoReasons: null, infoNote: null, assignee: null, stateAt: null };
  }
  const text = row.sealed_text ? ((await sealer.open(row.sealed_text, requestId, TEXT_KIND)) as { referredTo?: string; infoNote?: string }) : {};
  return {
    state: row.state,
    caseNumber: row.case_number,
    referral: row.referral,
    referredTo: text.referredTo ?? null,
    closeReason: row.close_reason,
    infoReasons: row.info_reasons ? (JSON.parse(row.info_reasons) as InfoReason[]) : null,
    infoNote: text.infoNote ?? null,
    assignee: row.assignee_id ? { id: row.assignee_id, email: row.assignee_email ?? '' } : null,
    stateAt: row.state_at,
  };
}

/**
 * Moves the request from `from` to the change's state, only if it is still
 * in `from` (another reviewer may have moved it meanwhile: false then), and
 * writes the history line in the same transaction.
 */
export async function applyReview(
  db: SqlEngine,
  sealer: SealedText,
  requestId: string,
  from: ReviewState,
  change: ReviewChange,
  /** Null: the system moved it (a follow-up arrived). */
  staffId: string | null,
  at: string,
): Promise<boolean> {
  const free = { referredTo: change.referredTo, infoNote: change.infoNote };
  const sealed = free.referredTo !== undefined || free.infoNote !== undefined ? await sealer.seal(free, requestId, TEXT_KIND) : null;
  const values = [
    requestId,
    change.state,
    change.caseNumber ?? null,
    change.referral ?? null,
    change.closeReason ?? null,
    change.infoReasons ? JSON.stringify(change.infoReasons) : null,
    sealed,
    at,
  ];
  return db.transaction(async (tx) => {
    let moved = await tx.exec(
      `UPDATE office_reviews SET state = $2, case_number = $3, referral = $4, close_reason = $5, info_reasons = $6, sealed_text = $7,
         updated_at = $8, state_at = $8
       WHERE request_id = $1 AND state = $9`,
      [...values, from],
    );
    if (moved === 0 && from === 'received') {
      moved = await tx.exec(
        `INSERT INTO office_reviews (request_id, state, case_number, referral, close_reason, info_reasons, sealed_text, updated_at, state_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (request_id) DO NOTHING`,
        values,
      );
    }
    if (moved !== 1) return false;
    await tx.exec('INSERT INTO office_history (id, request_id, staff_id, at, from_state, to_state) VALUES ($1, $2, $3, $4, $5, $6)', [
      randomUUID(),
      requestId,
      staffId,
      at,
      from,
      change.state,
    ]);
    return true;
  });
}

export async function assign(db: SqlEngine, requestId: string, staffId: string | null, at: string): Promise<void> {
  await db.exec(
    `INSERT INTO office_reviews (request_id, state, assignee_id, updated_at) VALUES ($1, 'received', $2, $3)
     ON CONFLICT (request_id) DO UPDATE SET assignee_id = excluded.assignee_id, updated_at = excluded.updated_at`,
    [requestId, staffId, at],
  );
}

export interface Note {
  id: string;
  at: string;
  by: StaffRef;
  text: string;
}

export async function addNote(db: SqlEngine, sealer: SealedText, requestId: string, by: StaffRef, text: string, at: string): Promise<Note> {
  const id = randomUUID();
  await db.exec('INSERT INTO office_notes (id, request_id, staff_id, at, sealed) VALUES ($1, $2, $3, $4, $5)', [
    id,
    requestId,
    by.id,
    at,
    await sealer.seal(text, id, 'note'),
  ]);
  return { id, at, by, text };
}

export async function listNotes(db: SqlEngine, sealer: SealedText, requestId: string): Promise<Note[]> {
  const rows = await db.query<{ id: string; at: string; staff_id: string; email: string; sealed: Buffer }>(
    `SELECT n.id, n.at, n.staff_id, s.email, n.sealed FROM office_notes n JOIN office_staff s ON s.id = n.staff_id
     WHERE n.request_id = $1 ORDER BY n.at, n.id`,
    [requestId],
  );
  return Promise.all(
    rows.map(async (r) => ({ id: r.id, at: r.at, by: { id: r.staff_id, email: r.email }, text: String(await sealer.open(r.sealed, r.id, 'note')) })),
  );
}

export interface HistoryEntry {
  at: string;
  /** Null: the system (a follow-up arrived). */
  by: StaffRef | null;
  from: ReviewState;
  to: ReviewState;
}

export async function listHistory(db: SqlEngine, requestId: string): Promise<HistoryEntry[]> {
  const rows = await db.query<{ at: string; staff_id: string | null; email: string | null; from_state: ReviewState; to_state: ReviewState }>(
    `SELECT h.at, h.staff_id, s.email, h.from_state, h.to_state FROM office_history h LEFT JOIN office_staff s ON s.id = h.staff_id
     WHERE h.request_id = $1 ORDER BY h.at, h.id`,
    [requestId],
  );
  return rows.map((r) => ({ at: r.at, by: r.staff_id ? { id: r.staff_id, email: r.email ?? '' } : null, from: r.from_state, to: r.to_state }));
}

/**
 * A move the system makes (a follow-up arrived), inside the caller's
 * transaction: only from `from`, what the old state carried cleared, and a
 * history line without a person.
 */
export async function moveBySystem(tx: SqlRunner, requestId: string, from: ReviewState, to: ReviewState, at: string): Promise<boolean> {
  const moved = await tx.exec(
    `UPDATE office_reviews SET state = $2, case_number = NULL, referral = NULL, close_reason = NULL, info_reasons = NULL,
       sealed_text = NULL, updated_at = $3, state_at = $3
     WHERE request_id = $1 AND state = $4`,
    [requestId, to, at, from],
  );
  if (moved !== 1) return false;
  await tx.exec('INSERT INTO office_history (id, request_id, staff_id, at, from_state, to_state) VALUES ($1, $2, NULL, $3, $4, $5)', [
    randomUUID(),
    requestId,
    at,
    from,
    to,
  ]);
  return true;
}
