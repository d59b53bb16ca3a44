/**
 * The database seam: one async interface that the SQLite engine
 * (better-sqlite3, the default) and the PostgreSQL engine (pg, when
 * DATABASE_URL is set) both implement, so every store above it is written
 * once and tested once against both.
 *
 * SQL conventions every caller keeps, so one statement runs on both:
 * - placeholders are `$1, $2, …` (PostgreSQL's own; the SQLite engine maps them);
 * - values are string, number, null or bytes (Uint8Array); no booleans
 *   (store 0/1), no dates (store ISO 8601 text, which sorts by time);
 * - integers come back as numbers on both engines (COUNT and SUM included);
 *   bytes come back as Buffer;
 * - `INSERT … ON CONFLICT … DO NOTHING/UPDATE` and `RETURNING` work on both.
 * Where the dialects differ (DDL types, pragmas), a migration has one text per engine.
 */

export type SqlValue = string | number | null | Uint8Array;
export type Row = Record<string, unknown>;

export interface SqlRunner {
  /** Rows of a SELECT (or of a statement with RETURNING). */
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** A statement without result rows; returns how many rows it changed. */
  exec(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Several statements without parameters (migrations). */
  script(sql: string): Promise<void>;
}

export interface SqlEngine extends SqlRunner {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back
   * when it throws. On SQLite the write lock is taken at BEGIN (IMMEDIATE),
   * so a check inside holds until commit; on PostgreSQL the isolation is
   * READ COMMITTED: write with ON CONFLICT (unique keys decide races), not
   * check-then-insert.
   */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Throws DbUnavailableError when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The database cannot answer now (unreachable, disk full, I/O error, busy,
 * shutting down). Retryable by definition: the HTTP layer answers 503 with
 * Retry-After. `code` is the driver's error code, safe to log (never data).
 */
export class DbUnavailableError extends Error {
  constructor(
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`database unavailable (${code})`, options);
    this.name = 'DbUnavailableError';
  }
}

const SQLITE_UNAVAILABLE = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|CANTOPEN|READONLY|NOMEM|PROTOCOL)/;
// PostgreSQL SQLSTATE classes: 08 connection, 53 insufficient resources
// (53100 disk full), 57P0x shutdown, 58 system error, 40001/40P01 retry.
const PG_UNAVAILABLE = /^(08|53|57P0|58|40001|40P01)/;
const NET_UNAVAILABLE = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENOSPC|EIO)$/;
const PG_CLIENT_GONE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated unexpectedly/;

/** The driver error as DbUnavailableError when it is one; otherwise unchanged. */
export function classifyDbError(err: unknown): unknown {
  if (err instanceof DbUnavailableError) return err;
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  if (SQLITE_UNAVAILABLE.test(code) || PG_UNAVAILABLE.test(code) || NET_UNAVAILABLE.test(code)) {
    return new DbUnavailableError(code, { cause: err });
  }
  if (PG_CLIENT_GONE.test(message)) return new DbUnavailableError('connection_lost', { cause: err });
  return err;
}
