import type { SqlEngine, SqlRunner, SqlValue } from '../db/engine';
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
  }>(
    `SELECT a.id, a.at, a.actor_id, s.email, a.action, a.target, a.detail, a.ip
     FROM office_audit a LEFT JOIN office_staff s ON s.id = a.actor_id
     ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
     ORDER BY a.id DESC LIMIT $${params.length + 1}`,
    [...params, q.limit + 1],
  );
  const entries = rows.slice(0, q.limit).map((r) => ({
    id: String(r.id),
    at: r.at,
    actor: r.actor_id ? { id: r.actor_id, email: r.email ?? '' } : null,
    action: r.action,
    target: r.target,
    detail: r.detail,
    ip: r.ip,
  }));
  const last = entries[entries.length - 1];
  return { entries, nextCursor: rows.length > q.limit && last ? Buffer.from(last.id).toString('base64url') : null };
}
