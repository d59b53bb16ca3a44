import type { SqlEngine, SqlRunner } from './engine';
import { MIGRATIONS, migrationSql, type Migration } from './migrations';

/**
 * Brings the schema up to the code's version. Refuses (throws) when the
 * database is newer than the code: an older server must not write into a
 * schema it does not know. Several PostgreSQL processes starting at once
 * take turns on an advisory lock; SQLite's BEGIN IMMEDIATE does the same.
 */

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`the database schema is version ${found}, newer than this server's ${known}: run the newer server or restore a backup`);
    this.name = 'SchemaTooNewError';
  }
}

// Any fixed number: the key of the advisory lock that serializes migrations.
const MIGRATION_LOCK = 7_001_2026;

async function readVersion(engine: SqlEngine, tx: SqlRunner): Promise<number> {
  if (engine.kind === 'sqlite') {
    const [row] = await tx.query<{ user_version: number }>('PRAGMA user_version');
    return row?.user_version ?? 0;
  }
  await tx.script('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const [row] = await tx.query<{ version: number }>('SELECT version FROM schema_version');
  if (!row) await tx.exec('INSERT INTO schema_version (version) VALUES (0)');
  return row?.version ?? 0;
}

async function writeVersion(engine: SqlEngine, tx: SqlRunner, version: number): Promise<void> {
  if (engine.kind === 'sqlite') await tx.script(`PRAGMA user_version = ${Math.trunc(version)}`);
  else await tx.exec('UPDATE schema_version SET version = $1', [version]);
}

/** Returns the version the schema is at afterwards. */
export async function migrate(engine: SqlEngine, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  return engine.transaction(async (tx) => {
    if (engine.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const found = await readVersion(engine, tx);
    if (found > migrations.length) throw new SchemaTooNewError(found, migrations.length);
    for (let i = found; i < migrations.length; i++) {
      await tx.script(migrationSql(migrations[i]!, engine.kind));
    }
    if (found < migrations.length) await writeVersion(engine, tx, migrations.length);
    return migrations.length;
  });
}
