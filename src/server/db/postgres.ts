import pg from 'pg';
import { log } from '../log';
import { classifyDbError, type Row, type SqlEngine, type SqlRunner, type SqlValue } from './engine';

/**
 * The PostgreSQL engine on a pg connection pool. Several server processes
 * may share one database: every rule that must hold across processes is a
 * unique key or a transaction in the database, never process memory.
 */

const INT8 = 20;
const NUMERIC = 1700;
// COUNT(*) and SUM() are int8/numeric: numbers here (our counts fit easily), like SQLite's.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function toPg(params: readonly SqlValue[]): unknown[] {
  return params.map((v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v));
}

function runner(client: pg.Pool | pg.PoolClient): SqlRunner {
  const run = async (sql: string, params: readonly SqlValue[]) => {
    try {
      return await client.query(sql, toPg(params));
    } catch (err) {
      throw classifyDbError(err);
    }
  };
  return {
    query: async <T extends Row>(sql: string, params: readonly SqlValue[] = []) => (await run(sql, params)).rows as T[],
    exec: async (sql, params = []) => (await run(sql, params)).rowCount ?? 0,
    script: async (sql) => {
      await run(sql, []);
    },
  };
}

export interface PostgresOptions {
  /** Connections per process. */
  max?: number;
}

export function openPostgres(url: string, options: PostgresOptions = {}): SqlEngine {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    types,
  });
  // An idle connection dropped by a restarting server must not crash the process.
  pool.on('error', (err) => log.info('db_connection_lost', { code: String((err as { code?: unknown }).code ?? 'unknown') }));
  const direct = runner(pool);

  return {
    kind: 'postgres',
    ...direct,
    async transaction<T>(fn: (tx: SqlRunner) => Promise<T>) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw classifyDbError(err);
      }
      const tx = runner(client);
      let broken: unknown;
      try {
        await tx.script('BEGIN');
        const result = await fn(tx);
        await tx.script('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          broken = rollbackErr;
        }
        throw err;
      } finally {
        // A connection that failed to roll back is not given to the next caller.
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    ping: async () => {
      await direct.query('SELECT 1 AS ok');
    },
    close: () => pool.end(),
  };
}
