/**
 * Passkeys (WebAuthn) of staff members, appended to the schema steps in
 * db/migrations.ts. A passkey's public key is not a secret, so it is
 * stored as it came; the signature counter is 32-bit unsigned (BIGINT on
 * PostgreSQL). Challenges live in a table, not in one process's memory:
 * a challenge is spent by the DELETE that finds it, once, whichever
 * process answers, and a restart does not revive a spent one.
 */

function tables(blob: string, strict: string, counter: string, serial: string): string {
  return `
  CREATE TABLE office_passkeys (
    id TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL REFERENCES office_staff (id) ON DELETE CASCADE,
    credential_id TEXT NOT NULL UNIQUE,
    public_key ${blob} NOT NULL,
    counter ${counter} NOT NULL,
    -- Comma-separated hints from the authenticator (internal, usb, hybrid…).
    transports TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT
  )${strict};
  CREATE INDEX office_passkeys_by_staff ON office_passkeys (staff_id);
  CREATE TABLE office_passkey_challenges (
    -- Issue order, to push out a client's oldest even within one millisecond.
    seq ${serial},
    challenge TEXT NOT NULL UNIQUE,
    purpose TEXT NOT NULL CHECK (purpose IN ('signin', 'register')),
    -- Registration challenges belong to the signed-in member; sign-in ones to nobody yet.
    staff_id TEXT REFERENCES office_staff (id) ON DELETE CASCADE,
    client TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  )${strict};
  CREATE INDEX office_passkey_challenges_by_client ON office_passkey_challenges (client, seq);
  CREATE INDEX office_passkey_challenges_by_staff ON office_passkey_challenges (staff_id, seq);
  CREATE INDEX office_passkey_challenges_by_expiry ON office_passkey_challenges (expires_at);`;
}

/** One schema step per engine, as db/migrations.ts takes them. */
export const PASSKEY_MIGRATIONS: readonly { name: string; sqlite: string; postgres: string }[] = [
  {
    name: 'office passkeys',
    sqlite: tables('BLOB', ' STRICT', 'INTEGER', 'INTEGER PRIMARY KEY AUTOINCREMENT'),
    postgres: tables('BYTEA', '', 'BIGINT', 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
  },
];
