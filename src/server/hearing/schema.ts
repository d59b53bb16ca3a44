/**
 * Tables for the person hearing back (issue 15), appended to the schema
 * steps in db/migrations.ts:
 * - requests.status_sha256: SHA-256 of the status secret the device was
 *   given (the secret itself is never stored);
 * - office_reviews.referral (a code the person is told) and state_at (when
 *   the state last changed: assigning someone is no news to the person);
 * - office_history.staff_id may be empty: a move the system made (a
 *   follow-up arrived) rather than a person;
 * - follow-ups and their files, sealed like requests;
 * - feedback from listening sessions: sealed, with the countable,
 *   non-personal answers (rating, fixed choices, event, day, language) in
 *   clear columns.
 */

function tables(blob: string, strict: string): string {
  return `
  CREATE TABLE follow_ups (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    received_at TEXT NOT NULL,
    locale TEXT NOT NULL,
    attachment_count INTEGER NOT NULL,
    kid TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    envelope_sha256 TEXT NOT NULL,
    sealed ${blob} NOT NULL
  )${strict};
  CREATE INDEX follow_ups_by_request ON follow_ups (request_id, received_at);
  CREATE TABLE follow_up_files (
    follow_up_id TEXT NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
    attachment_id TEXT NOT NULL,
    sealed ${blob} NOT NULL,
    PRIMARY KEY (follow_up_id, attachment_id)
  )${strict};
  CREATE TABLE feedback (
    id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    day TEXT NOT NULL,
    locale TEXT NOT NULL,
    event_id TEXT,
    satisfaction INTEGER,
    answers TEXT NOT NULL,
    has_text INTEGER NOT NULL,
    has_contact INTEGER NOT NULL,
    kid TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    envelope_sha256 TEXT NOT NULL,
    sealed ${blob} NOT NULL
  )${strict};
  CREATE INDEX feedback_by_event ON feedback (event_id, day);
  CREATE INDEX feedback_newest ON feedback (received_at, id);
  ALTER TABLE requests ADD COLUMN status_sha256 TEXT;
  ALTER TABLE office_reviews ADD COLUMN referral TEXT;
  ALTER TABLE office_reviews ADD COLUMN state_at TEXT;
  UPDATE office_reviews SET state_at = updated_at WHERE state <> 'received';`;
}

/** One schema step per engine, as db/migrations.ts takes them (not imported: that list imports this one). */
type EngineStep = { name: string; sqlite: string; postgres: string };

export const HEARING_MIGRATIONS: readonly EngineStep[] = [
  {
    name: 'status, follow-ups and feedback',
    // SQLite cannot drop a NOT NULL: the history table is copied once.
    sqlite: `${tables('BLOB', ' STRICT')}
      CREATE TABLE office_history_next (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        staff_id TEXT REFERENCES office_staff (id),
        at TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL
      ) STRICT;
      INSERT INTO office_history_next SELECT id, request_id, staff_id, at, from_state, to_state FROM office_history;
      DROP TABLE office_history;
      ALTER TABLE office_history_next RENAME TO office_history;
      CREATE INDEX office_history_by_request ON office_history (request_id, at);`,
    postgres: `${tables('BYTEA', '')}
      ALTER TABLE office_history ALTER COLUMN staff_id DROP NOT NULL;`,
  },
];
