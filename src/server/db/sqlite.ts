import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { classifyDbError, type Row, type SqlEngine, type SqlRunner, type SqlValue } from './engine';

/**
 * The SQLite engine: one better-sqlite3 connection, used by one operation
 * at a time. better-sqlite3 is synchronous, but a transaction's body is
 * async (it may await crypto), so every operation queues on one lock:
 * nothing from outside can slip into an open transaction.
 */

/** Transactions committed together at most; bounds one group's latency. */
const MAX_GROUP = 64;

interface Mapped {
  sql: string;
  /** For each `?` in order, the index into the caller's params. */
  order: number[];
}

/** `$1 … $n` → `?` with the argument order kept (better-sqlite3 has no numbered positions). */
function mapPlaceholders(sql: string): Mapped {
  const order: number[] = [];
  const mapped = sql.replace(/\$(\d+)/g, (_, n: string) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { sql: mapped, order };
}

function toSqlite(v: SqlValue): unknown {
  if (v instanceof Uint8Array && !Buffer.isBuffer(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return v;
}

/** Folder 0700, database and its -wal/-shm 0600, whatever the umask. */
function prepareFiles(dataDir: string, path: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  // SQLite gives -wal and -shm the mode of the database file: create it 0600 first.
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

export function openSqlite(dataDir: string, file = 'intake.sqlite'): SqlEngine {
  const path = join(dataDir, file);
  prepareFiles(dataDir, path);
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    // A request is acknowledged only once it is on disk.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted rows (plaintext of the legacy format, swept pending files) are zeroed, not left in free pages.
    db.pragma('secure_delete = ON');
  } catch (err) {
    throw classifyDbError(err);
  }
  prepareFiles(dataDir, path);

  const cache = new Map<string, { stmt: Database.Statement; order: number[] }>();
  const statement = (sql: string) => {
    let hit = cache.get(sql);
    if (!hit) {
      const m = mapPlaceholders(sql);
      hit = { stmt: db.prepare(m.sql), order: m.order };
      cache.set(sql, hit);
    }
    return hit;
  };
  const args = (order: number[], params: readonly SqlValue[]) => order.map((i) => toSqlite(params[i] ?? null));
  const guard = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      throw classifyDbError(err);
    }
  };

  const direct: SqlRunner = {
    async query<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      return guard(() => {
        const { stmt, order } = statement(sql);
        return stmt.all(...args(order, params)) as T[];
      });
    },
    async exec(sql: string, params: readonly SqlValue[] = []) {
      return guard(() => {
        const { stmt, order } = statement(sql);
        return stmt.run(...args(order, params)).changes;
      });
    },
    async script(sql: string) {
      guard(() => db.exec(sql));
    },
  };

  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };

  // Group commit: transactions that arrive while one is open join it, each
  // in its own SAVEPOINT, and all are answered after one COMMIT (one WAL
  // sync for the group instead of one each). A failing one rolls back to
  // its savepoint and fails alone; a failing COMMIT fails the whole group.
  interface Queued {
    fn: (tx: SqlRunner) => Promise<unknown>;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
  }
  const queue: Queued[] = [];
  let scheduled = false;
  const runGroup = async () => {
    scheduled = false;
    const done: { item: Queued; value: unknown }[] = [];
    try {
      guard(() => db.exec('BEGIN IMMEDIATE'));
    } catch (err) {
      for (const item of queue.splice(0)) item.reject(err);
      return;
    }
    for (let n = 0; queue.length && n < MAX_GROUP; n++) {
      const item = queue.shift()!;
      guard(() => db.exec('SAVEPOINT one'));
      try {
        const value = await item.fn(direct);
        guard(() => db.exec('RELEASE one'));
        done.push({ item, value });
      } catch (err) {
        item.reject(err);
        if (!db.inTransaction) {
          // SQLite rolled the whole group back itself (disk full, I/O error): none of it is stored.
          for (const d of done) d.item.reject(err);
          if (queue.length) schedule();
          return;
        }
        db.exec('ROLLBACK TO one');
        db.exec('RELEASE one');
      }
    }
    try {
      if (!db.inTransaction) throw new Error('transaction ended early');
      guard(() => db.exec('COMMIT'));
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const d of done) d.item.reject(err);
      return;
    } finally {
      if (queue.length) schedule();
    }
    for (const d of done) d.item.resolve(d.value);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // setImmediate: let requests already waiting on I/O reach their commit and join this group.
    setImmediate(() => void serial(runGroup));
  };

  return {
    kind: 'sqlite',
    query: (sql, params) => serial(() => direct.query(sql, params)),
    exec: (sql, params) => serial(() => direct.exec(sql, params)),
    script: (sql) => serial(() => direct.script(sql)),
    transaction<T>(fn: (tx: SqlRunner) => Promise<T>) {
      return new Promise<T>((resolve, reject) => {
        queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        schedule();
      });
    },
    ping: () => serial(() => direct.query('SELECT 1 AS ok').then(() => undefined)),
    close: () =>
      serial(async () => {
        db.close();
      }),
  };
}
