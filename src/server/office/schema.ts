/**
 * The office console's tables (issue 14), appended to the schema steps in
 * db/migrations.ts. Personal data of applicants never sits here in clear:
 * notes, the "referred to" text and the note shown to the person are
 * sealed to the server's sealing keys (sealed-text.ts); staff TOTP secrets
 * too. Secrets that only need comparing (enrolment tokens, session cookies)
 * are stored as SHA-256 hashes.
 */

function officeTables(blob: string, strict: string): string {
  return `
  CREATE TABLE office_staff (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
    status TEXT NOT NULL CHECK (status IN ('invited', 'active', 'disabled')),
    password_hash TEXT,
    totp_sealed ${blob},
    -- The last TOTP time step accepted: a code is never taken twice.
    totp_last_step INTEGER NOT NULL DEFAULT 0,
    failed_count INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL,
    last_signin_at TEXT
  )${strict};
  CREATE TABLE office_enrolments (
    token_hash TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL REFERENCES office_staff (id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL,
    used_at TEXT
  )${strict};
  CREATE INDEX office_enrolments_by_staff ON office_enrolments (staff_id);
  CREATE TABLE office_sessions (
    id_hash TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL REFERENCES office_staff (id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  )${strict};
  CREATE INDEX office_sessions_by_staff ON office_sessions (staff_id);
  -- No row: the request is still "received".
  CREATE TABLE office_reviews (
    request_id TEXT PRIMARY KEY REFERENCES requests (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    case_number TEXT,
    close_reason TEXT,
    info_reasons TEXT,
    -- {referredTo, infoNote}: free text that may name the person.
    sealed_text ${blob},
    assignee_id TEXT REFERENCES office_staff (id),
    updated_at TEXT NOT NULL
  )${strict};
  CREATE INDEX office_reviews_by_state ON office_reviews (state);
  CREATE INDEX office_reviews_by_assignee ON office_reviews (assignee_id);
  CREATE TABLE office_notes (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    staff_id TEXT NOT NULL REFERENCES office_staff (id),
    at TEXT NOT NULL,
    sealed ${blob} NOT NULL
  )${strict};
  CREATE INDEX office_notes_by_request ON office_notes (request_id, at);
  CREATE TABLE office_history (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    staff_id TEXT NOT NULL REFERENCES office_staff (id),
    at TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL
  )${strict};
  CREATE INDEX office_history_by_request ON office_history (request_id, at);`;
}

// The audit log keeps no foreign keys: it outlives anything it names.
const AUDIT_COLUMNS = `
    at TEXT NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT,
    ip TEXT NOT NULL`;
const AUDIT_INDEXES = `
  CREATE INDEX office_audit_by_actor ON office_audit (actor_id, id);
  CREATE INDEX office_audit_by_action ON office_audit (action, id);`;

/** One schema step per engine, as db/migrations.ts takes them (not imported: that list imports this one). */
type EngineStep = { name: string; sqlite: string; postgres: string };

export const OFFICE_MIGRATIONS: readonly EngineStep[] = [
  {
    name: 'office console',
    sqlite: `${officeTables('BLOB', ' STRICT')}
      CREATE TABLE office_audit (id INTEGER PRIMARY KEY AUTOINCREMENT, ${AUDIT_COLUMNS}) STRICT;
      ${AUDIT_INDEXES}
      CREATE TRIGGER office_audit_no_update BEFORE UPDATE ON office_audit
        BEGIN SELECT RAISE(ABORT, 'office_audit is append-only'); END;
      CREATE TRIGGER office_audit_no_delete BEFORE DELETE ON office_audit
        BEGIN SELECT RAISE(ABORT, 'office_audit is append-only'); END;`,
    postgres: `${officeTables('BYTEA', '')}
      CREATE TABLE office_audit (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ${AUDIT_COLUMNS});
      ${AUDIT_INDEXES}
      CREATE FUNCTION office_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN RAISE EXCEPTION 'office_audit is append-only'; END $fn$;
      CREATE TRIGGER office_audit_no_change BEFORE UPDATE OR DELETE ON office_audit
        FOR EACH ROW EXECUTE FUNCTION office_audit_append_only();
      CREATE TRIGGER office_audit_no_truncate BEFORE TRUNCATE ON office_audit
        FOR EACH STATEMENT EXECUTE FUNCTION office_audit_append_only();`,
  },
];
