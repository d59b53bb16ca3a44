/**
 * SQLite schema steps, applied in order, each in its own transaction; the
 * step's index + 1 becomes `PRAGMA user_version`. Append new steps at the
 * end; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Intake (src/server/intake-store.ts): files wait in pending_attachments
  // until their request arrives; then one transaction moves them.
  `CREATE TABLE requests (
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
  // Event mode (src/server/events.ts): one row of anonymous counts per outreach event.
  `CREATE TABLE event_stats (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     place TEXT NOT NULL,
     date TEXT NOT NULL,
     body TEXT NOT NULL,
     received_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) STRICT;`,
];
