import type { Db } from './db';
import { formatConfirmation, newConfirmation } from './confirmation';

/**
 * The intake tables (migration 2 in migrations.ts). Every write that makes
 * a request "received" happens in one SQLite transaction: the request row,
 * its files moved from pending to final, the pending rows deleted. A crash
 * at any point leaves either all of it or none of it.
 */

export interface PendingAttachment {
  requestId: string;
  attachmentId: string;
  sealed: Buffer;
  sealedSha256: string;
}

export interface FinalAttachment {
  attachmentId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  data: Uint8Array;
}

export interface NewRequest {
  id: string;
  bodyJson: string;
  bodySha256: string;
  formTypes: string[];
  kid: string;
  receivedAt: string;
  attachments: FinalAttachment[];
}

export type CommitResult =
  | { kind: 'created' | 'same'; confirmation: string; receivedAt: string }
  | { kind: 'conflict' };

export interface RequestSummary {
  id: string;
  confirmation: string;
  receivedAt: string;
  formTypes: string[];
}

export interface AttachmentSummary {
  id: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export interface StoredRequest extends RequestSummary {
  request: unknown;
  attachments: AttachmentSummary[];
}

interface RequestRow {
  id: string;
  confirmation: string;
  body_sha256: string;
  body: string;
  form_types: string;
  received_at: string;
}

const CONFIRMATION_TRIES = 8;

function isConfirmationClash(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && /requests\.confirmation/.test(e.message ?? '');
}

export function savePending(db: Db, p: PendingAttachment, receivedAt: string): void {
  // Idempotent: the same file again replaces itself (a re-sealed file has new bytes).
  db.prepare(
    `INSERT INTO pending_attachments (request_id, attachment_id, sealed, sealed_sha256, received_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (request_id, attachment_id) DO UPDATE SET
       sealed = excluded.sealed, sealed_sha256 = excluded.sealed_sha256, received_at = excluded.received_at`,
  ).run(p.requestId, p.attachmentId, p.sealed, p.sealedSha256, receivedAt);
}

/** Files waiting for this request, other than `except`: how many and how many bytes. */
export function pendingUsage(db: Db, requestId: string, except: string): { count: number; bytes: number } {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS count, COALESCE(SUM(LENGTH(sealed)), 0) AS bytes
       FROM pending_attachments WHERE request_id = ? AND attachment_id <> ?`,
    )
    .get(requestId, except) as { count: number; bytes: number };
  return row;
}

export function getPending(db: Db, requestId: string, attachmentId: string): PendingAttachment | undefined {
  const row = db
    .prepare(`SELECT sealed, sealed_sha256 FROM pending_attachments WHERE request_id = ? AND attachment_id = ?`)
    .get(requestId, attachmentId) as { sealed: Buffer; sealed_sha256: string } | undefined;
  return row && { requestId, attachmentId, sealed: row.sealed, sealedSha256: row.sealed_sha256 };
}

export function hasFinalAttachment(db: Db, requestId: string, attachmentId: string): boolean {
  return !!db.prepare(`SELECT 1 FROM request_attachments WHERE request_id = ? AND attachment_id = ?`).get(requestId, attachmentId);
}

/** Pending files older than `before` belong to requests that never came: drop them. */
export function dropStalePending(db: Db, before: string): number {
  return db.prepare(`DELETE FROM pending_attachments WHERE received_at < ?`).run(before).changes;
}

export function findRequest(db: Db, id: string): { bodySha256: string; confirmation: string; receivedAt: string } | undefined {
  const row = db.prepare(`SELECT body_sha256, confirmation, received_at FROM requests WHERE id = ?`).get(id) as
    | Pick<RequestRow, 'body_sha256' | 'confirmation' | 'received_at'>
    | undefined;
  return row && { bodySha256: row.body_sha256, confirmation: formatConfirmation(row.confirmation), receivedAt: row.received_at };
}

/**
 * The one transaction that receives a request. It checks the id again
 * inside (a twin PUT may have won the race since the caller looked), then
 * writes everything or nothing.
 */
export function commitRequest(db: Db, r: NewRequest, draw: () => string = newConfirmation): CommitResult {
  const run = db.transaction((): CommitResult => {
    const existing = findRequest(db, r.id);
    if (existing) {
      return existing.bodySha256 === r.bodySha256
        ? { kind: 'same', confirmation: existing.confirmation, receivedAt: existing.receivedAt }
        : { kind: 'conflict' };
    }
    const insert = db.prepare(
      `INSERT INTO requests (id, confirmation, body_sha256, body, form_types, kid, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    let confirmation: string | undefined;
    for (let i = 0; i < CONFIRMATION_TRIES && !confirmation; i++) {
      const candidate = draw();
      try {
        insert.run(r.id, candidate, r.bodySha256, r.bodyJson, JSON.stringify(r.formTypes), r.kid, r.receivedAt);
        confirmation = candidate;
      } catch (err) {
        if (!isConfirmationClash(err)) throw err;
      }
    }
    if (!confirmation) throw new Error('could not draw a unique confirmation number');
    const addFile = db.prepare(
      `INSERT INTO request_attachments (request_id, attachment_id, name, type, size, sha256, data)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const dropPending = db.prepare(`DELETE FROM pending_attachments WHERE request_id = ? AND attachment_id = ?`);
    for (const a of r.attachments) {
      addFile.run(r.id, a.attachmentId, a.name, a.type, a.size, a.sha256, Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength));
      dropPending.run(r.id, a.attachmentId);
    }
    return { kind: 'created', confirmation: formatConfirmation(confirmation), receivedAt: r.receivedAt };
  });
  // IMMEDIATE: take the write lock before the check, so the check holds until commit.
  return run.immediate();
}

function summary(row: Pick<RequestRow, 'id' | 'confirmation' | 'received_at' | 'form_types'>): RequestSummary {
  return {
    id: row.id,
    confirmation: formatConfirmation(row.confirmation),
    receivedAt: row.received_at,
    formTypes: JSON.parse(row.form_types) as string[],
  };
}

export interface ListOptions {
  /** ISO time: only requests received at or after it. */
  since?: string;
  confirmation?: string;
  limit?: number;
}

export function listRequests(db: Db, options: ListOptions = {}): RequestSummary[] {
  const limit = Math.min(Math.max(options.limit ?? 500, 1), 5000);
  const where: string[] = [];
  const args: unknown[] = [];
  if (options.since) {
    where.push('received_at >= ?');
    args.push(options.since);
  }
  if (options.confirmation) {
    where.push('confirmation = ?');
    args.push(options.confirmation);
  }
  const sql = `SELECT id, confirmation, received_at, form_types FROM requests
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at, id LIMIT ?`;
  return (db.prepare(sql).all(...args, limit) as RequestRow[]).map(summary);
}

export function getRequest(db: Db, id: string): StoredRequest | undefined {
  const row = db.prepare(`SELECT * FROM requests WHERE id = ?`).get(id) as RequestRow | undefined;
  if (!row) return undefined;
  const files = db
    .prepare(`SELECT attachment_id AS id, name, type, size, sha256 FROM request_attachments WHERE request_id = ? ORDER BY rowid`)
    .all(id) as AttachmentSummary[];
  return { ...summary(row), request: JSON.parse(row.body) as unknown, attachments: files };
}

export function getAttachmentData(db: Db, requestId: string, attachmentId: string): { type: string; data: Buffer } | undefined {
  return db
    .prepare(`SELECT type, data FROM request_attachments WHERE request_id = ? AND attachment_id = ?`)
    .get(requestId, attachmentId) as { type: string; data: Buffer } | undefined;
}

/** Every request in receipt order, one at a time (for the export command). */
export function* iterateRequests(db: Db, since?: string): Generator<StoredRequest> {
  const rows = db
    .prepare(`SELECT id FROM requests ${since ? 'WHERE received_at >= ?' : ''} ORDER BY received_at, id`)
    .pluck()
    .all(...(since ? [since] : [])) as string[];
  for (const id of rows) {
    const r = getRequest(db, id);
    if (r) yield r;
  }
}
