import { classifyDbError, DbUnavailableError, type SqlEngine } from './engine';

/**
 * What /api/v1/health says about the database. A full disk still answers
 * SELECT 1, so the last write counts too: an engine wrapped by
 * watchWrites() remembers a write that failed as unavailable until a later
 * write succeeds.
 */

const failures = new WeakMap<SqlEngine, string>();

export function watchWrites(engine: SqlEngine): SqlEngine {
  const watched = <T>(run: () => Promise<T>): Promise<T> =>
    run().then(
      (value) => {
        failures.delete(wrapped);
        return value;
      },
      (err: unknown) => {
        const e = classifyDbError(err);
        if (e instanceof DbUnavailableError) failures.set(wrapped, e.code);
        throw e;
      },
    );
  const wrapped: SqlEngine = {
    kind: engine.kind,
    query: (sql, params) => engine.query(sql, params),
    exec: (sql, params) => watched(() => engine.exec(sql, params)),
    script: (sql) => engine.script(sql),
    transaction: (fn) => watched(() => engine.transaction(fn)),
    ping: () => engine.ping(),
    close: () => engine.close(),
  };
  return wrapped;
}

/** The error code of a current database problem, or null when it answers and the last write went through. */
export async function dbProblem(db: SqlEngine): Promise<string | null> {
  try {
    await db.ping();
  } catch (err) {
    const e = classifyDbError(err);
    return e instanceof DbUnavailableError ? e.code : 'error';
  }
  return failures.get(db) ?? null;
}
