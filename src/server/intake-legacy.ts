import { createHash } from 'node:crypto';
import type { SqlEngine } from './db/engine';
import type { IntakeStore } from './intake-store';
import { requestMetadata } from './intake-metadata';
import type { KeyRing } from './keys';
import { log } from './log';
import type { CaseRequest } from '../shared/request-schema';
import { importServerPublicKey, sealBytes, sealJson, type SealingKey } from '../shared/seal';

/**
 * Requests stored in plaintext by the SQLite-only versions (set aside as
 * legacy_* by migration 4) are sealed to the current key, one at a time,
 * keeping their confirmation numbers, then the plaintext tables are
 * dropped and the file is vacuumed (secure_delete zeroes the freed pages,
 * the WAL is truncated), so no plaintext stays in the file.
 * Safe to interrupt: a request already moved answers "same" and its
 * plaintext row is then deleted.
 */

interface LegacyRow {
  id: string;
  confirmation: string;
  body_sha256: string;
  body: string;
  received_at: string;
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function sealLegacyRequests(db: SqlEngine, store: IntakeStore, ring: KeyRing): Promise<number> {
  if (db.kind !== 'sqlite') return 0;
  const tables = await db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'legacy_requests'");
  if (tables.length === 0) return 0;
  const key: SealingKey = { kid: ring.current.kid, publicKey: await importServerPublicKey(ring.current.publicJwk) };
  let moved = 0;
  for (;;) {
    const [row] = await db.query<LegacyRow & Record<string, unknown>>(
      'SELECT id, confirmation, body_sha256, body, received_at FROM legacy_requests ORDER BY received_at, id LIMIT 1',
    );
    if (!row) break;
    await moveOne(db, store, key, row);
    moved++;
  }
  await db.script('DROP TABLE legacy_request_attachments; DROP TABLE legacy_requests;');
  await db.script('VACUUM');
  await db.query('PRAGMA wal_checkpoint(TRUNCATE)');
  log.info('legacy_requests_sealed', { count: moved });
  return moved;
}

async function moveOne(db: SqlEngine, store: IntakeStore, key: SealingKey, row: LegacyRow): Promise<void> {
  const request = JSON.parse(row.body) as CaseRequest;
  const envelope = new TextEncoder().encode(JSON.stringify(await sealJson(request, key, { requestId: row.id, purpose: 'request' })));
  const files = await db.query<{ attachment_id: string; data: Buffer }>(
    'SELECT attachment_id, data FROM legacy_request_attachments WHERE request_id = $1',
    [row.id],
  );
  const named: { attachmentId: string; sealedSha256: string }[] = [];
  for (const f of files) {
    const sealed = await sealBytes(f.data, key, { requestId: row.id, purpose: `attachment:${f.attachment_id}` });
    const sealedSha256 = sha256Hex(sealed);
    await db.exec(
      `INSERT INTO pending_files (request_id, attachment_id, sealed_sha256, sealed, size, client, received_at)
       VALUES ($1, $2, $3, $4, $5, 'legacy', $6) ON CONFLICT DO NOTHING`,
      [row.id, f.attachment_id, sealedSha256, sealed, sealed.byteLength, row.received_at],
    );
    named.push({ attachmentId: f.attachment_id, sealedSha256 });
  }
  const meta = requestMetadata(request);
  const result = await store.commit({
    id: row.id,
    receivedAt: row.received_at,
    kid: key.kid,
    sealed: envelope,
    envelopeSha256: sha256Hex(envelope),
    bodySha256: row.body_sha256,
    formTypes: meta.formTypes,
    urgent: meta.urgent,
    language: meta.language,
    eventId: null,
    lookups: meta.lookups,
    files: named,
    confirmation: row.confirmation,
  });
  if (result.kind !== 'created' && result.kind !== 'same') throw new Error(`legacy request could not be moved (${result.kind})`);
  await db.transaction(async (tx) => {
    await tx.exec('DELETE FROM legacy_request_attachments WHERE request_id = $1', [row.id]);
    await tx.exec('DELETE FROM legacy_requests WHERE id = $1', [row.id]);
  });
}
