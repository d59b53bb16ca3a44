import type { SqlEngine, SqlRunner, SqlValue } from '../db/engine';
import { formatConfirmation } from '../confirmation';
import type { AuditAction, StaffRef } from './model';

/**
 * The append-only audit log: who, when, what, on which target, from which
 * address. There is no update or delete path in the code, and the database
 * refuses both (triggers, schema.ts). `detail` is a short fixed-vocabulary
 * text (a state name, a format, a role), never personal data or a secret.
 */

export interface AuditEvent {
  actorId: string | null;
  action: AuditAction;
  target?: string | null;
  detail?: string | null;
  ip: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: StaffRef | null;
  action: string;
  target: string | null;
  detail: string | null;
  ip: string;
  /**
   * What the stored ids name, looked up as the log is read (the entry
   * itself is never rewritten): the request a target is or holds a file of,
   * with its confirmation number (never a name); the staff account a target
   * is; whom an assignment went to. Null when nothing by that id exists.
   */
  request: { id: string; confirmation: string } | null;
  account: StaffRef | null;
  assignedTo: StaffRef | null;
}

/** A request's id is a UUID: a target naming one of its files starts with it (`<id>/<fileId>`). */
const UUID_LENGTH = 36;
const ASSIGNED_TO = 'to=';

/** An assignment's detail: whom it went to, or `none` when it was given back; read back by listAudit. */
export function assignDetail(staffId: string | null): string {
  return staffId ? `${ASSIGNED_TO}${staffId}` : 'none';
}

export async function appendAudit(db: SqlRunner, at: string, e: AuditEvent): Promise<void> {
  await db.exec('INSERT INTO office_audit (at, actor_id, action, target, detail, ip) VALUES ($1, $2, $3, $4, $5, $6)', [
    at,
    e.actorId,
    e.action,
    e.target ?? null,
    e.detail ?? null,
    e.ip,
  ]);
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  cursor?: string | null;
  limit: number;
}

export function decodeAuditCursor(cursor: string): number | null {
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Newest first; the cursor is the last id shown. */
export async function listAudit(db: SqlEngine, q: AuditQuery): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const add = (clause: string, value: SqlValue) => {
    params.push(value);
    clauses.push(clause.replace('?', `$${params.length}`));
  };
  if (q.actor) add('a.actor_id = ?', q.actor);
  if (q.action) add('a.action = ?', q.action);
  const before = q.cursor ? decodeAuditCursor(q.cursor) : null;
  if (before !== null) add('a.id < ?', before);
  const rows = await db.query<{
    id: number | string;
    at: string;
    actor_id: string | null;
    email: string | null;
    action: string;
    target: string | null;
    detail: string | null;
    ip: string;
    request_id: string | null;
    confirmation: string | null;
    account_id: string | null;
    account_email: string | null;
    assignee_id: string | null;
    assignee_email: string | null;
  }>(
    // One query for the page: every lookup is by primary key, on both engines (substr and || are in both).
    `SELECT a.id, a.at, a.actor_id, s.email, a.action, a.target, a.detail, a.ip,
            r.id AS request_id, r.confirmation, t.id AS account_id, t.email AS account_email,
            g.id AS assignee_id, g.email AS assignee_email
     FROM office_audit a
     LEFT JOIN office_staff s ON s.id = a.actor_id
     LEFT JOIN requests r ON r.id = substr(a.target, 1, ${UUID_LENGTH})
     LEFT JOIN office_staff t ON t.id = a.target
     LEFT JOIN office_staff g ON a.action = 'assign' AND g.id = substr(a.detail, ${ASSIGNED_TO.length + 1})
     ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
     ORDER BY a.id DESC LIMIT $${params.length + 1}`,
    [...params, q.limit + 1],
  );
  const entries = rows.slice(0, q.limit).map(
    (r): AuditEntry => ({
      id: String(r.id),
      at: r.at,
      actor: r.actor_id ? { id: r.actor_id, email: r.email ?? '' } : null,
      action: r.action,
      target: r.target,
      detail: r.detail,
      ip: r.ip,
      request: r.request_id && r.confirmation ? { id: r.request_id, confirmation: formatConfirmation(r.confirmation) } : null,
      account: r.account_id && r.account_email ? { id: r.account_id, email: r.account_email } : null,
      assignedTo: r.assignee_id && r.assignee_email ? { id: r.assignee_id, email: r.assignee_email } : null,
    }),
  );
  const last = entries[entries.length - 1];
  return { entries, nextCursor: rows.length > q.limit && last ? Buffer.from(last.id).toString('base64url') : null };
}
