/**
 * The intake server under load, against the database's own speed:
 *
 * - server.sqliteRps: plain INSERTs of the rows intake writes (same table,
 *   same body sizes) with better-sqlite3 in the server's mode — WAL,
 *   synchronous=FULL, autocommit, so one transaction and one WAL sync per
 *   row — in this process, on the same disk. Median of 1-second windows.
 * - server.intakeRps / intakeP99Ms: autocannon, 10 connections for 10 s of
 *   PUT /api/v1/requests/:id, every request a distinct valid request sealed
 *   to the server's key (fetched from GET /api/v1/keys) before the clock
 *   starts. intakeRps is the median of autocannon's 1-second samples.
 *   The server runs with the per-client rate limit off (it would otherwise
 *   measure the limiter: every request comes from one address).
 * - server.pgIntakeRps, server.pgRawRps, server.pgIntakeRatio: the same on
 *   PostgreSQL, two server processes on one database (server-pg.ts).
 * - server.rssMb: the server's peak resident set (VmHWM) read from
 *   /proc/<pid>/status after the run. The server is started for this bench
 *   alone, so the peak is its start plus the intake run, nothing else.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqlite } from '../../src/server/db/sqlite';
import { migrate } from '../../src/server/db/migrate';
import { newConfirmation } from '../../src/server/confirmation';
import { serverToday } from '../../src/shared/fields';
import { removeDir, startServer } from '../e2e/harness';
import { benchKey, cannon, finish, makeRow, sealPool, type Sealed } from './server-load';
import { benchPostgres } from './server-pg';
import { BenchError, median, onCleanup } from './util';

export interface ServerFigures {
  intakeRps: number;
  intakeP99Ms: number;
  sqliteRps: number;
  intakeRatio: number;
  rssMb: number;
  /** Requests the server accepted (201) during the intake run. */
  created: number;
  pgIntakeRps: number;
  pgRawRps: number;
  pgIntakeRatio: number;
}

/**
 * Inserts rows like intake's for `seconds` (after a warm-up second);
 * returns the rows inserted in each whole second. Rows are made before the
 * clock starts: only the database is timed.
 */
async function sqliteInserts(seconds: number, today: string): Promise<number[]> {
  const templates = Array.from({ length: 200 }, (_, i) => makeRow(crypto.randomUUID(), today, i).row);
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-bench-sqlite-'));
  const engine = openSqlite(dir);
  // The server's schema, then the same file opened directly, in the server's mode.
  await migrate(engine);
  await engine.close();
  const db = new Database(join(dir, 'intake.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  try {
    const insert = db.prepare(
      `INSERT INTO requests (id, confirmation, received_at, form_types, urgent, language, event_id, attachment_count, kid,
         body_sha256, envelope_sha256, sealed) VALUES (?, ?, ?, ?, 0, 'en', NULL, 0, 'bench', ?, ?, ?)`,
    );
    const windows: number[] = [];
    let i = 0;
    for (let s = -1; s < seconds; s++) {
      const end = performance.now() + 1000;
      let n = 0;
      while (performance.now() < end) {
        const t = templates[i++ % templates.length]!;
        // A fresh id per row (in the body too): every insert is a new request.
        const id = crypto.randomUUID();
        insert.run(id, newConfirmation(), new Date().toISOString(), t.formTypes, t.bodySha256, t.bodySha256, Buffer.from(t.body.replace(t.id, id)));
        n++;
      }
      if (s >= 0) windows.push(n);
    }
    return windows;
  } finally {
    db.close();
    removeDir(dir);
  }
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kb) throw new BenchError(`no VmHWM in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

export async function benchServer(options: { seconds?: number; connections?: number; log?: (line: string) => void } = {}): Promise<ServerFigures> {
  const seconds = options.seconds ?? 10;
  const connections = options.connections ?? 10;
  const log = options.log ?? (() => {});
  const today = serverToday(new Date());

  const sqliteWindows = await sqliteInserts(5, today);
  const sqliteRps = median(sqliteWindows);
  log(`sqlite: ${sqliteWindows.join(', ')} rows/s`);

  const { env, key } = await benchKey();
  const server = await startServer({ env: { ...env, RATE_LIMIT_PER_MINUTE: '0' } });
  const stop = onCleanup('intake server (server bench)', async () => {
    await server.stop();
    removeDir(server.dataDir);
  });
  let sqlite: Omit<ServerFigures, 'pgIntakeRps' | 'pgRawRps' | 'pgIntakeRatio'>;
  const pool: { items: Sealed[]; next: number } = { items: await sealPool(key, today, 300), next: 0 };
  try {
    // Warm-up (JIT, SQLite cache) that also sizes the pool: no request is
    // ever sent twice (a repeat is answered from the database, far cheaper
    // than a new one). The pool serves the PostgreSQL run too.
    const warm = await finish(cannon(server.url, pool, connections, { amount: 300 }), 60, 'autocannon warm-up');
    const warmRate = 300 / Math.max(0.1, warm.duration);
    // 300 requests are too few for the JIT to settle: the warmed server runs
    // up to ~3× the warm-up rate, so size the pool generously.
    const perRun = Math.max(Math.ceil(warmRate * seconds * 4), 4000);
    const started = performance.now();
    pool.items = await sealPool(key, today, 2 * perRun + 300);
    pool.next = 0;
    log(`warm-up ${Math.round(warmRate)} req/s; sealed ${pool.items.length} requests in ${Math.round(performance.now() - started)} ms`);

    const result = await finish(cannon(server.url, pool, connections, { duration: seconds }), seconds, 'intake run');
    const intakeRps = result.requests.p50;
    sqlite = {
      intakeRps,
      intakeP99Ms: result.latency.p99,
      sqliteRps,
      intakeRatio: intakeRps / sqliteRps,
      rssMb: peakRssMb(server.proc.pid!),
      created: result.statusCodeStats['201']?.count ?? 0,
    };
  } finally {
    await stop();
  }
  const pg = await benchPostgres({ env, pool, seconds, connections, today, log });
  log(`postgres intake ${pg.pgIntakeRps} req/s, raw ${pg.pgRawRps} rows/s`);
  return { ...sqlite, ...pg, pgIntakeRatio: pg.pgIntakeRps / pg.pgRawRps };
}
