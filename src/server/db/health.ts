import { classifyDbError, DbUnavailableError, type SqlEngine } from './engine';

/**
 * What /api/v1/health says about the database. A full disk still answers
 * SELECT 1, so a write that failed recently counts too: the health check
 * reports it for a minute after the last failure.
 */

const REMEMBER_MS = 60_000;
const failures = new WeakMap<SqlEngine, { code: string; at: number }>();

export function noteDbFailure(db: SqlEngine, err: DbUnavailableError, nowMs = Date.now()): void {
  failures.set(db, { code: err.code, at: nowMs });
}

/** The error code of a current database problem, or null when it answers and wrote fine lately. */
export async function dbProblem(db: SqlEngine, nowMs = Date.now()): Promise<string | null> {
  try {
    await db.ping();
  } catch (err) {
    const e = classifyDbError(err);
    return e instanceof DbUnavailableError ? e.code : 'error';
  }
  const last = failures.get(db);
  return last && nowMs - last.at < REMEMBER_MS ? last.code : null;
}
