import { classifyDbError, DbUnavailableError, type SqlEngine } from './engine';
import { watchWrites } from './health';
import { migrate } from './migrate';
import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';

export interface DatabaseSettings {
  dataDir: string;
  /** postgres://… selects PostgreSQL; null keeps the SQLite file in dataDir. */
  databaseUrl: string | null;
}

/**
 * Opens the configured engine and migrates it. Throws (and the server does
 * not start) when the database cannot be reached or its schema is newer
 * than this code; the message names the cause, never the URL (it may hold
 * a password).
 */
export async function openEngine(settings: DatabaseSettings): Promise<SqlEngine> {
  const engine = settings.databaseUrl ? openPostgres(settings.databaseUrl) : openSqlite(settings.dataDir);
  try {
    await engine.ping();
    await migrate(engine);
    return watchWrites(engine);
  } catch (err) {
    await engine.close().catch(() => undefined);
    const e = classifyDbError(err);
    if (e instanceof DbUnavailableError) {
      throw new Error(`cannot reach the ${engine.kind === 'postgres' ? 'PostgreSQL' : 'SQLite'} database (${e.code})`, { cause: err });
    }
    throw e;
  }
}
