/**
 * Schema steps for both engines, applied in order, each in its own
 * transaction. Step N (1-based) brings the schema to version N. Append new
 * steps at the end (one entry: `sql` when both engines take the same text,
 * else `sqlite` and `postgres`); never edit a step that has shipped.
 *
 * SQLite databases made before PostgreSQL support are at version 3 with
 * the plaintext intake tables; step 4 sets them aside as legacy_* for
 * sealLegacyRequests (intake-legacy.ts) to seal and drop. PostgreSQL
 * never had the plaintext tables, so its steps 2 and 4 differ.
 */
import { HEARING_MIGRATIONS } from '../hearing/schema';
import { OFFICE_MIGRATIONS } from '../office/schema';
import { PASSKEY_MIGRATIONS } from '../office/passkey-schema';

export type Migration = { name: string } & ({ sql: string } | { sqlite: string; postgres: string });

export function migrationSql(m: Migration, kind: 'sqlite' | 'postgres'): string {
  return 'sql' in m ? m.sql : m[kind];
}

/** The sealed intake tables, with one column-type spelling per engine. */
function sealedIntake(blob: string, strict: string): string {
  return `
  -- Clear columns are the non-personal metadata the staff list filters on.
  -- Everything personal is in \`sealed\` (the device's own envelope, as received).
  CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    confirmation TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    form_types TEXT NOT NULL,
    urgent INTEGER NOT NULL,
    language TEXT NOT NULL,
    event_id TEXT,
    attachment_count INTEGER NOT NULL,
    kid TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    envelope_sha256 TEXT,
    sealed ${blob} NOT NULL
  )${strict};
  CREATE INDEX requests_newest ON requests (received_at, id);
  CREATE INDEX requests_by_event ON requests (event_id, received_at, id);
  CREATE TABLE request_form_types (
    form_type TEXT NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    PRIMARY KEY (form_type, request_id)
  )${strict};
  -- Blind indexes: HMAC of a normalized A-number, receipt number or e-mail.
  CREATE TABLE request_lookup (
    kind TEXT NOT NULL,
    digest TEXT NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    PRIMARY KEY (kind, digest, request_id)
  )${strict};
  CREATE INDEX request_lookup_by_request ON request_lookup (request_id);
  CREATE TABLE request_files (
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    attachment_id TEXT NOT NULL,
    sealed ${blob} NOT NULL,
    PRIMARY KEY (request_id, attachment_id)
  )${strict};
  -- Uploaded files whose request has not arrived. Keyed by the sealed bytes'
  -- hash too, so junk sent under someone's ids never replaces their file.
  CREATE TABLE pending_files (
    request_id TEXT NOT NULL,
    attachment_id TEXT NOT NULL,
    sealed_sha256 TEXT NOT NULL,
    sealed ${blob} NOT NULL,
    size INTEGER NOT NULL,
    client TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (request_id, attachment_id, sealed_sha256)
  )${strict};
  CREATE INDEX pending_files_by_received ON pending_files (received_at);
  CREATE INDEX pending_files_by_client ON pending_files (client);`;
}

export const MIGRATIONS: readonly Migration[] = [
  { name: 'meta', sql: `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);` },
  {
    name: 'plaintext intake (SQLite only, superseded by step 4)',
    sqlite: `CREATE TABLE requests (
       id TEXT PRIMARY KEY,
       confirmation TEXT NOT NULL UNIQUE,
       body_sha256 TEXT NOT NULL,
       body TEXT NOT NULL,
       form_types TEXT NOT NULL,
       kid TEXT NOT NULL,
       received_at TEXT NOT NULL
     ) STRICT;
     CREATE INDEX requests_by_received ON requests (received_at, id);
     CREATE TABLE pending_attachments (
       request_id TEXT NOT NULL,
       attachment_id TEXT NOT NULL,
       sealed BLOB NOT NULL,
       sealed_sha256 TEXT NOT NULL,
       received_at TEXT NOT NULL,
       PRIMARY KEY (request_id, attachment_id)
     ) STRICT;
     CREATE INDEX pending_by_received ON pending_attachments (received_at);
     CREATE TABLE request_attachments (
       request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
       attachment_id TEXT NOT NULL,
       name TEXT NOT NULL,
       type TEXT NOT NULL,
       size INTEGER NOT NULL,
       sha256 TEXT NOT NULL,
       data BLOB NOT NULL,
       PRIMARY KEY (request_id, attachment_id)
     ) STRICT;`,
    postgres: `SELECT 1;`,
  },
  {
    // Event mode (src/server/events.ts): one row of anonymous counts per outreach event.
    name: 'event stats',
    sql: `CREATE TABLE event_stats (
       id TEXT PRIMARY KEY,
       name TEXT NOT NULL,
       place TEXT NOT NULL,
       date TEXT NOT NULL,
       body TEXT NOT NULL,
       received_at TEXT NOT NULL,
       updated_at TEXT NOT NULL
     );`,
  },
  {
    name: 'sealed intake',
    sqlite: `ALTER TABLE requests RENAME TO legacy_requests;
      ALTER TABLE request_attachments RENAME TO legacy_request_attachments;
      ${sealedIntake('BLOB', ' STRICT')}
      INSERT INTO pending_files (request_id, attachment_id, sealed_sha256, sealed, size, client, received_at)
        SELECT request_id, attachment_id, sealed_sha256, sealed, LENGTH(sealed), '', received_at FROM pending_attachments;
      DROP TABLE pending_attachments;`,
    postgres: sealedIntake('BYTEA', ''),
  },
  // The office console (src/server/office/schema.ts).
  ...OFFICE_MIGRATIONS,
  // The person hears back: status, follow-ups, feedback (src/server/hearing/schema.ts).
  ...HEARING_MIGRATIONS,
  // Staff passkeys (src/server/office/passkey-schema.ts).
  ...PASSKEY_MIGRATIONS,
];
