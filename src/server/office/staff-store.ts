import { randomUUID } from 'node:crypto';
import type { SqlEngine, SqlRunner } from '../db/engine';
import type { Role, StaffStatus } from './model';
import { newToken, tokenHash } from './secrets';

/** Staff accounts and their enrolment links, as rows. */

export interface StaffRow {
  id: string;
  email: string;
  role: Role;
  status: StaffStatus;
  password_hash: string | null;
  totp_sealed: Buffer | null;
  totp_last_step: number;
  failed_count: number;
  locked_until: string | null;
  last_signin_at: string | null;
}

export interface StaffAccount {
  id: string;
  email: string;
  role: Role;
  status: StaffStatus;
  lastSignInAt: string | null;
}

export const account = (r: StaffRow): StaffAccount => ({
  id: r.id,
  email: r.email,
  role: r.role,
  status: r.status,
  lastSignInAt: r.last_signin_at,
});

/** The e-mail is taken (PostgreSQL 23505, SQLite's UNIQUE constraint). */
function uniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** E-mail as accounts are keyed: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const isStaffEmail = (email: string) => email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);

const COLUMNS =
  'id, email, role, status, password_hash, totp_sealed, totp_last_step, failed_count, locked_until, last_signin_at';

export async function staffByEmail(db: SqlRunner, email: string): Promise<StaffRow | undefined> {
  const [row] = await db.query<StaffRow & Record<string, unknown>>(`SELECT ${COLUMNS} FROM office_staff WHERE email = $1`, [
    normalizeEmail(email),
  ]);
  return row;
}

export async function staffById(db: SqlRunner, id: string): Promise<StaffRow | undefined> {
  const [row] = await db.query<StaffRow & Record<string, unknown>>(`SELECT ${COLUMNS} FROM office_staff WHERE id = $1`, [id]);
  return row;
}

export async function listStaff(db: SqlEngine): Promise<StaffAccount[]> {
  const rows = await db.query<StaffRow & Record<string, unknown>>(`SELECT ${COLUMNS} FROM office_staff ORDER BY email`);
  return rows.map(account);
}

/** Who a request can be given to: active accounts only, and nothing about their sign-in. */
export interface DirectoryEntry {
  id: string;
  email: string;
  role: Role;
}

export async function staffDirectory(db: SqlEngine): Promise<DirectoryEntry[]> {
  return db.query<DirectoryEntry & Record<string, unknown>>(`SELECT id, email, role FROM office_staff WHERE status = 'active' ORDER BY email`);
}

/**
 * A new invited account and its one-time enrolment token (returned once,
 * stored as a hash). Null when the e-mail already has an account.
 */
export async function inviteStaff(
  db: SqlEngine,
  email: string,
  role: Role,
  now: Date,
  validHours: number,
): Promise<{ id: string; token: string } | null> {
  const id = randomUUID();
  const token = newToken();
  try {
    await db.transaction(async (tx) => {
      await tx.exec(`INSERT INTO office_staff (id, email, role, status, created_at) VALUES ($1, $2, $3, 'invited', $4)`, [
        id,
        normalizeEmail(email),
        role,
        now.toISOString(),
      ]);
      await tx.exec('INSERT INTO office_enrolments (token_hash, staff_id, expires_at) VALUES ($1, $2, $3)', [
        tokenHash(token),
        id,
        new Date(now.getTime() + validHours * 3_600_000).toISOString(),
      ]);
    });
  } catch (err) {
    if (uniqueViolation(err)) return null;
    throw err;
  }
  return { id, token };
}

/** The invited account an unspent, unexpired enrolment token belongs to. */
export async function enrolmentFor(db: SqlRunner, token: string, now: Date): Promise<StaffRow | undefined> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 100) return undefined;
  const [row] = await db.query<{ staff_id: string }>(
    `SELECT e.staff_id FROM office_enrolments e JOIN office_staff s ON s.id = e.staff_id
     WHERE e.token_hash = $1 AND e.used_at IS NULL AND e.expires_at > $2 AND s.status = 'invited'`,
    [tokenHash(token), now.toISOString()],
  );
  return row ? staffById(db, row.staff_id) : undefined;
}

export async function setCredentials(db: SqlRunner, id: string, passwordHash: string, totpSealed: Uint8Array): Promise<void> {
  await db.exec(`UPDATE office_staff SET password_hash = $2, totp_sealed = $3, totp_last_step = 0 WHERE id = $1 AND status = 'invited'`, [
    id,
    passwordHash,
    totpSealed,
  ]);
}

/** Spends the token and activates the account, once: false when another call got there first. */
export async function completeEnrolment(db: SqlEngine, token: string, id: string, step: number, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const spent = await tx.exec('UPDATE office_enrolments SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL', [
      tokenHash(token),
      now.toISOString(),
    ]);
    if (spent !== 1) return false;
    await tx.exec(`UPDATE office_staff SET status = 'active', totp_last_step = $2 WHERE id = $1 AND status = 'invited'`, [id, step]);
    return true;
  });
}

/** Counts a failed sign-in; at `lockAfter` the account locks until `lockUntil` and the count starts again. */
export async function recordFailure(db: SqlRunner, id: string, lockAfter: number, lockUntil: string): Promise<void> {
  await db.exec(
    `UPDATE office_staff SET
       locked_until = CASE WHEN failed_count + 1 >= $2 THEN $3 ELSE locked_until END,
       failed_count = CASE WHEN failed_count + 1 >= $2 THEN 0 ELSE failed_count + 1 END
     WHERE id = $1`,
    [id, lockAfter, lockUntil],
  );
}

/**
 * A good sign-in: the count resets and the TOTP step is taken, only if no
 * other sign-in took that step first (a code works once).
 */
export async function recordSignIn(db: SqlRunner, id: string, step: number, at: string): Promise<boolean> {
  const changed = await db.exec(
    `UPDATE office_staff SET failed_count = 0, locked_until = NULL, totp_last_step = $2, last_signin_at = $3
     WHERE id = $1 AND totp_last_step < $2 AND status = 'active'`,
    [id, step, at],
  );
  return changed === 1;
}

/** A good sign-in with a passkey: the count resets (the passkey's own counter moved in passkey-store.ts). */
export async function recordPasskeySignIn(db: SqlRunner, id: string, at: string): Promise<boolean> {
  const changed = await db.exec(
    `UPDATE office_staff SET failed_count = 0, locked_until = NULL, last_signin_at = $2 WHERE id = $1 AND status = 'active'`,
    [id, at],
  );
  return changed === 1;
}

/**
 * Recovery when a member has lost their authenticator app and passkeys:
 * password, TOTP secret and passkeys go, their sessions end, and the
 * account is an invitation again with a new one-time enrolment link
 * (returned once). Undefined for an unknown or disabled account.
 */
export async function resetSecondFactor(db: SqlEngine, id: string, now: Date, validHours: number): Promise<{ token: string } | undefined> {
  const token = newToken();
  return db.transaction(async (tx) => {
    const changed = await tx.exec(
      `UPDATE office_staff SET status = 'invited', password_hash = NULL, totp_sealed = NULL, totp_last_step = 0,
         failed_count = 0, locked_until = NULL WHERE id = $1 AND status <> 'disabled'`,
      [id],
    );
    if (changed !== 1) return undefined;
    await tx.exec('DELETE FROM office_sessions WHERE staff_id = $1', [id]);
    await tx.exec('DELETE FROM office_passkeys WHERE staff_id = $1', [id]);
    await tx.exec('DELETE FROM office_passkey_challenges WHERE staff_id = $1', [id]);
    // Earlier links stop working: only the newest may enrol.
    await tx.exec('UPDATE office_enrolments SET used_at = $2 WHERE staff_id = $1 AND used_at IS NULL', [id, now.toISOString()]);
    await tx.exec('INSERT INTO office_enrolments (token_hash, staff_id, expires_at) VALUES ($1, $2, $3)', [
      tokenHash(token),
      id,
      new Date(now.getTime() + validHours * 3_600_000).toISOString(),
    ]);
    return { token };
  });
}

export async function updateStaff(db: SqlEngine, id: string, change: { role?: Role; disabled?: boolean }): Promise<StaffRow | undefined> {
  return db.transaction(async (tx) => {
    const row = await staffById(tx, id);
    if (!row) return undefined;
    if (change.role) await tx.exec('UPDATE office_staff SET role = $2 WHERE id = $1', [id, change.role]);
    if (change.disabled === true && row.status !== 'disabled') {
      await tx.exec(`UPDATE office_staff SET status = 'disabled' WHERE id = $1`, [id]);
      // Its sessions end now, not at their timeout.
      await tx.exec('DELETE FROM office_sessions WHERE staff_id = $1', [id]);
    }
    if (change.disabled === false && row.status === 'disabled') {
      // Back to active only if it had finished enrolling; otherwise it is an invitation again.
      await tx.exec(`UPDATE office_staff SET status = CASE WHEN totp_last_step = 0 THEN 'invited' ELSE 'active' END,
        failed_count = 0, locked_until = NULL WHERE id = $1`, [id]);
    }
    return staffById(tx, id);
  });
}
