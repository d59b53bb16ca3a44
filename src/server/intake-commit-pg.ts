import type { SqlRunner } from './db/engine';
import type { LookupKind } from './index-keys';
import type { NewRequest } from './intake-store';

/**
 * A request without files stored in one PostgreSQL statement: the row, its
 * form types, its blind indexes and the removal of junk pending under its
 * id, as data-modifying CTEs. One statement is one round trip and commits
 * on its own (one WAL flush, acknowledged only after it), where BEGIN, four
 * writes and COMMIT were six round trips, each a wake-up of the server
 * process and back; on a busy machine those waits were most of a request.
 *
 * Every part hangs on the row's insert: when the id or the confirmation is
 * taken (ON CONFLICT DO NOTHING), nothing is written and the caller takes
 * the transactional path, which decides the race exactly as before.
 */
const ONE_STATEMENT = `
  WITH ins AS (
    INSERT INTO requests (id, confirmation, received_at, form_types, urgent, language, event_id,
      attachment_count, kid, body_sha256, envelope_sha256, sealed, status_sha256)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
    ON CONFLICT DO NOTHING RETURNING id
  ), types AS (
    INSERT INTO request_form_types (form_type, request_id)
    SELECT t.form_type, ins.id FROM ins CROSS JOIN jsonb_array_elements_text($14::jsonb) AS t(form_type)
  ), lookups AS (
    INSERT INTO request_lookup (kind, digest, request_id)
    SELECT l.kind, l.digest, ins.id FROM ins CROSS JOIN jsonb_to_recordset($15::jsonb) AS l(kind text, digest text)
  ), junk AS (
    DELETE FROM pending_files WHERE request_id = $1 AND EXISTS (SELECT 1 FROM ins)
  )
  SELECT id FROM ins`;

/** True when stored; false when nothing was written (id or confirmation taken). */
export async function insertWithoutFiles(
  db: SqlRunner,
  r: NewRequest,
  confirmation: string,
  formTypes: readonly string[],
  lookups: readonly (readonly [LookupKind, string])[],
): Promise<boolean> {
  const rows = await db.query(ONE_STATEMENT, [
    r.id, confirmation, r.receivedAt, JSON.stringify(r.formTypes), r.urgent ? 1 : 0, r.language, r.eventId,
    r.files.length, r.kid, r.bodySha256, r.envelopeSha256, r.sealed, r.statusSha256 ?? null,
    JSON.stringify(formTypes), JSON.stringify(lookups.map(([kind, digest]) => ({ kind, digest }))),
  ]);
  return rows.length === 1;
}
