import type { SqlEngine } from '../db/engine';
import type { Me, Role } from './model';
import { newToken, tokenHash } from './secrets';

/**
 * Staff sessions. The cookie holds a random token; the database keeps only
 * its SHA-256, so a copy of the database cannot sign anyone in. A session
 * ends after `idleMinutes` without a call, after `absoluteHours` in any
 * case, at sign-out, and at once when its account is disabled (the lookup
 * joins the account's status, and disabling deletes the rows).
 */

export interface Session {
  idHash: string;
  csrf: string;
  me: Me;
}

export interface SessionTimes {
  idleMinutes: number;
  absoluteHours: number;
}

export async function createSession(db: SqlEngine, staffId: string, now: Date, times: SessionTimes): Promise<{ token: string; csrf: string }> {
  const token = newToken();
  const csrf = newToken();
  const at = now.toISOString();
  // Ended sessions go while we are here: the table holds live sessions only.
  await db.exec('DELETE FROM office_sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [at, idleCutoff(now, times)]);
  await db.exec('INSERT INTO office_sessions (id_hash, staff_id, csrf, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)', [
    tokenHash(token),
    staffId,
    csrf,
    at,
    new Date(now.getTime() + times.absoluteHours * 3_600_000).toISOString(),
  ]);
  return { token, csrf };
}

const idleCutoff = (now: Date, times: SessionTimes) => new Date(now.getTime() - times.idleMinutes * 60_000).toISOString();

/** The live session of this cookie value, its last-seen time moved to now; undefined when there is none. */
export async function findSession(db: SqlEngine, token: string, now: Date, times: SessionTimes): Promise<Session | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const idHash = tokenHash(token);
  const [row] = await db.query<{ csrf: string; id: string; email: string; role: Role; last_seen_at: string; expires_at: string }>(
    `SELECT x.csrf, s.id, s.email, s.role, x.last_seen_at, x.expires_at
     FROM office_sessions x JOIN office_staff s ON s.id = x.staff_id
     WHERE x.id_hash = $1 AND s.status = 'active'`,
    [idHash],
  );
  if (!row) return undefined;
  if (row.expires_at <= now.toISOString() || row.last_seen_at <= idleCutoff(now, times)) {
    await endSession(db, idHash);
    return undefined;
  }
  await db.exec('UPDATE office_sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, now.toISOString()]);
  return { idHash, csrf: row.csrf, me: { id: row.id, email: row.email, role: row.role } };
}

export async function endSession(db: SqlEngine, idHash: string): Promise<void> {
  await db.exec('DELETE FROM office_sessions WHERE id_hash = $1', [idHash]);
}
