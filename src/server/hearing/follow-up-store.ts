import type { SqlEngine, SqlRunner } from '../db/engine';
import { appendAudit } from '../office/audit';
import { moveBySystem } from '../office/reviews';

/**
 * Follow-ups at rest: the device's sealed envelope as received, its files
 * sealed as uploaded, and only non-personal metadata in clear (which
 * request, when, the app language, how many files).
 */

export interface NewFollowUp {
  id: string;
  requestId: string;
  receivedAt: string;
  locale: string;
  kid: string;
  sealed: Uint8Array;
  envelopeSha256: string;
  bodySha256: string;
  /** Pending files this follow-up takes, by id and sealed hash. */
  files: readonly { attachmentId: string; sealedSha256: string }[];
}

export interface FollowUpRow {
  requestId: string;
  receivedAt: string;
  bodySha256: string;
  envelopeSha256: string;
}

export type FollowUpCommit =
  | { kind: 'created' | 'same'; receivedAt: string }
  | { kind: 'conflict' }
  | { kind: 'missing'; attachmentIds: string[] };

class MissingFiles extends Error {
  constructor(readonly attachmentIds: string[]) {
    super('pending files gone');
  }
}

export async function findFollowUp(db: SqlRunner, id: string): Promise<FollowUpRow | undefined> {
  const [row] = await db.query<{ request_id: string; received_at: string; body_sha256: string; envelope_sha256: string }>(
    'SELECT request_id, received_at, body_sha256, envelope_sha256 FROM follow_ups WHERE id = $1',
    [id],
  );
  return row && { requestId: row.request_id, receivedAt: row.received_at, bodySha256: row.body_sha256, envelopeSha256: row.envelope_sha256 };
}

export async function hasFollowUpFile(db: SqlEngine, followUpId: string, attachmentId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 AS one FROM follow_up_files WHERE follow_up_id = $1 AND attachment_id = $2', [followUpId, attachmentId]);
  return rows.length > 0;
}

/**
 * Receives a follow-up exactly once (the id decides a race between
 * processes), takes its pending files, and — in the same transaction —
 * moves a request that needed information back to review, recorded as the
 * system's move in the history and the audit log.
 */
export async function commitFollowUp(db: SqlEngine, f: NewFollowUp): Promise<FollowUpCommit> {
  try {
    return await db.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO follow_ups (id, request_id, received_at, locale, attachment_count, kid, body_sha256, envelope_sha256, sealed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
        [f.id, f.requestId, f.receivedAt, f.locale, f.files.length, f.kid, f.bodySha256, f.envelopeSha256, f.sealed],
      );
      if (!inserted.length) {
        const twin = await findFollowUp(tx, f.id);
        return twin && twin.requestId === f.requestId && twin.bodySha256 === f.bodySha256
          ? { kind: 'same' as const, receivedAt: twin.receivedAt }
          : { kind: 'conflict' as const };
      }
      const missing: string[] = [];
      for (const file of f.files) {
        const moved = await tx.exec(
          `INSERT INTO follow_up_files (follow_up_id, attachment_id, sealed)
           SELECT request_id, attachment_id, sealed FROM pending_files
           WHERE request_id = $1 AND attachment_id = $2 AND sealed_sha256 = $3`,
          [f.id, file.attachmentId, file.sealedSha256],
        );
        if (moved !== 1) missing.push(file.attachmentId);
      }
      if (missing.length) throw new MissingFiles(missing);
      await tx.exec('DELETE FROM pending_files WHERE request_id = $1', [f.id]);
      if (await moveBySystem(tx, f.requestId, 'needs_information', 'in_review', f.receivedAt)) {
        // The system's own line: no actor, no address (the device's address is not the office's business).
        await appendAudit(tx, f.receivedAt, { actorId: null, action: 'follow_up', target: f.requestId, detail: 'needs_information->in_review', ip: '' });
      }
      return { kind: 'created' as const, receivedAt: f.receivedAt };
    });
  } catch (err) {
    if (err instanceof MissingFiles) return { kind: 'missing', attachmentIds: err.attachmentIds };
    throw err;
  }
}

export interface StoredFollowUp {
  id: string;
  receivedAt: string;
  locale: string;
  sealed: Buffer;
}

export async function listFollowUps(db: SqlEngine, requestId: string): Promise<StoredFollowUp[]> {
  const rows = await db.query<{ id: string; received_at: string; locale: string; sealed: Buffer }>(
    'SELECT id, received_at, locale, sealed FROM follow_ups WHERE request_id = $1 ORDER BY received_at, id',
    [requestId],
  );
  return rows.map((r) => ({ id: r.id, receivedAt: r.received_at, locale: r.locale, sealed: r.sealed }));
}

export async function followUpFile(db: SqlEngine, requestId: string, followUpId: string, attachmentId: string): Promise<Buffer | undefined> {
  const [row] = await db.query<{ sealed: Buffer }>(
    `SELECT f.sealed FROM follow_up_files f JOIN follow_ups u ON u.id = f.follow_up_id
     WHERE u.request_id = $1 AND f.follow_up_id = $2 AND f.attachment_id = $3`,
    [requestId, followUpId, attachmentId],
  );
  return row?.sealed;
}
