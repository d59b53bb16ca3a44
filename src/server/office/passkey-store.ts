import { randomUUID } from 'node:crypto';
import type { SqlEngine, SqlRunner } from '../db/engine';

/** Staff passkeys and the challenges handed out for them, as rows. */

export interface PasskeyRow {
  id: string;
  staff_id: string;
  credential_id: string;
  public_key: Buffer;
  counter: number;
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** What a staff member sees of their own passkeys: never the key itself. */
export interface PasskeyInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const info = (r: PasskeyRow): PasskeyInfo => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at });

const COLUMNS = 'id, staff_id, credential_id, public_key, counter, transports, name, created_at, last_used_at';

export async function passkeysOf(db: SqlRunner, staffId: string): Promise<PasskeyRow[]> {
  return db.query<PasskeyRow & Record<string, unknown>>(`SELECT ${COLUMNS} FROM office_passkeys WHERE staff_id = $1 ORDER BY created_at, id`, [staffId]);
}

export async function listPasskeys(db: SqlRunner, staffId: string): Promise<PasskeyInfo[]> {
  return (await passkeysOf(db, staffId)).map(info);
}

export async function passkeyByCredential(db: SqlRunner, credentialId: string): Promise<PasskeyRow | undefined> {
  const [row] = await db.query<PasskeyRow & Record<string, unknown>>(`SELECT ${COLUMNS} FROM office_passkeys WHERE credential_id = $1`, [credentialId]);
  return row;
}

export interface NewPasskey {
  staffId: string;
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: readonly string[];
  name: string;
}

/** The new passkey's row id; null when that credential is already registered (to anyone). */
export async function addPasskey(db: SqlEngine, p: NewPasskey, now: Date): Promise<PasskeyInfo | null> {
  const id = randomUUID();
  const at = now.toISOString();
  const added = await db.exec(
    `INSERT INTO office_passkeys (id, staff_id, credential_id, public_key, counter, transports, name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (credential_id) DO NOTHING`,
    [id, p.staffId, p.credentialId, p.publicKey, p.counter, p.transports.join(','), p.name, at],
  );
  return added === 1 ? { id, name: p.name, createdAt: at, lastUsedAt: null } : null;
}

/** Removes one of this member's passkeys; false when they have none by that id. */
export async function removePasskey(db: SqlRunner, staffId: string, id: string): Promise<boolean> {
  return (await db.exec('DELETE FROM office_passkeys WHERE id = $1 AND staff_id = $2', [id, staffId])) === 1;
}

/**
 * A use of the passkey: the authenticator's counter must move forward (a
 * clone of the key would repeat or lag it). Authenticators that keep no
 * counter send 0 every time, which is allowed only while the stored one is
 * 0 too. Atomic, so two sign-ins racing with one assertion cannot both win.
 */
export async function recordPasskeyUse(db: SqlRunner, id: string, counter: number, at: string): Promise<boolean> {
  const changed = await db.exec(
    `UPDATE office_passkeys SET counter = $2, last_used_at = $3
     WHERE id = $1 AND (counter < $2 OR (counter = 0 AND $2 = 0))`,
    [id, counter, at],
  );
  return changed === 1;
}

export type ChallengePurpose = 'signin' | 'register';

/** Limits on challenges nobody has answered yet; see issueChallenge. */
export const CHALLENGE_LIMITS = { ttlMs: 2 * 60_000, perClient: 20, total: 1000 } as const;

/**
 * Stores a challenge for `ttlMs`. Expired ones go first. A client (or, for
 * registration, a staff member) holds at most `perClient`: a new one
 * pushes out its own oldest, so retrying never locks anyone out and one
 * client cannot grow the table. False when `total` are outstanding across
 * all clients: the caller answers 503 until some expire.
 */
export async function issueChallenge(
  db: SqlEngine,
  c: { challenge: string; purpose: ChallengePurpose; staffId: string | null; client: string },
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    await tx.exec('DELETE FROM office_passkey_challenges WHERE expires_at <= $1', [at]);
    const owner = c.staffId === null ? ['client = $1 AND staff_id IS NULL', c.client] : ['staff_id = $1', c.staffId];
    await tx.exec(
      `DELETE FROM office_passkey_challenges WHERE challenge IN (
         SELECT challenge FROM office_passkey_challenges WHERE ${owner[0]}
         ORDER BY seq DESC LIMIT 1000 OFFSET ${CHALLENGE_LIMITS.perClient - 1})`,
      [owner[1]!],
    );
    const [{ n }] = (await tx.query<{ n: number }>('SELECT COUNT(*) AS n FROM office_passkey_challenges')) as [{ n: number }];
    if (n >= CHALLENGE_LIMITS.total) return false;
    await tx.exec(
      `INSERT INTO office_passkey_challenges (challenge, purpose, staff_id, client, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [c.challenge, c.purpose, c.staffId, c.client, at, new Date(now.getTime() + CHALLENGE_LIMITS.ttlMs).toISOString()],
    );
    return true;
  });
}

/**
 * Spends a challenge: true once, for an unexpired challenge of this
 * purpose (and, for registration, this member); every later call false.
 */
export async function takeChallenge(db: SqlRunner, challenge: string, purpose: ChallengePurpose, staffId: string | null, now: Date): Promise<boolean> {
  const mine = staffId === null ? 'staff_id IS NULL' : 'staff_id = $4';
  const spent = await db.exec(
    `DELETE FROM office_passkey_challenges WHERE challenge = $1 AND purpose = $2 AND expires_at > $3 AND ${mine}`,
    staffId === null ? [challenge, purpose, now.toISOString()] : [challenge, purpose, now.toISOString(), staffId],
  );
  return spent === 1;
}
