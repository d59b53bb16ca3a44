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
 * - server.rssMb: the server's peak resident set (VmHWM) read from
 *   /proc/<pid>/status after the run. The server is started for this bench
 *   alone, so the peak is its start plus the intake run, nothing else.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { openSqlite } from '../../src/server/db/sqlite';
import { migrate } from '../../src/server/db/migrate';
import { canonicalJson } from '../../src/server/intake';
import { newConfirmation } from '../../src/server/confirmation';
import { sealJson } from '../../src/sync/seal';
import { fetchServerKeys, importSealingKey, pickSealingKey } from '../../src/sync/server-key';
import { validateRequest } from '../../src/requests/schema';
import { serverToday } from '../../src/requests/fields';
import { removeDir, startServer } from '../e2e/harness';
import { fullRequest } from './fixtures';
import { BenchError, median, onCleanup, withTimeout } from './util';

export interface ServerFigures {
  intakeRps: number;
  intakeP99Ms: number;
  sqliteRps: number;
  intakeRatio: number;
  rssMb: number;
  /** Requests the server accepted (201) during the intake run. */
  created: number;
}

interface Row {
  id: string;
  body: string;
  bodySha256: string;
  formTypes: string;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

function makeRow(id: string, today: string, variant: number): { row: Row; plain: Record<string, unknown> } {
  const plain = fullRequest(id, today, variant);
  const checked = validateRequest(plain, today);
  if (!checked.ok) throw new BenchError(`the bench's request fixture is not valid any more: ${JSON.stringify(checked.issues)}`);
  return {
    plain,
    row: {
      id,
      body: canonicalJson(checked.value),
      bodySha256: sha256Hex(canonicalJson(plain)),
      formTypes: JSON.stringify(checked.value.case.formTypes),
    },
  };
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

  const server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  const stop = onCleanup('intake server (server bench)', async () => {
    await server.stop();
    removeDir(server.dataDir);
  });
  try {
    const keys = await fetchServerKeys(`${server.url}/api/v1`);
    const entry = pickSealingKey(keys);
    if (!entry) throw new BenchError('GET /api/v1/keys published no key this build can seal to');
    const key = await importSealingKey(entry);

    const seal = async (count: number) => {
      const out: { path: string; body: string }[] = [];
      for (let i = 0; i < count; i++) {
        const id = crypto.randomUUID();
        const { plain } = makeRow(id, today, i);
        const envelope = await sealJson(plain, key, { requestId: id, purpose: 'request' });
        out.push({ path: `/api/v1/requests/${id}`, body: JSON.stringify(envelope) });
      }
      return out;
    };
    const cannon = (pool: { path: string; body: string }[], limit: { duration: number } | { amount: number }) => {
      let next = 0;
      const state = { reused: 0 };
      const run = autocannon({
        url: server.url,
        connections,
        timeout: 10,
        ...limit,
        requests: [
          {
            method: 'PUT',
            setupRequest: (req) => {
              if (next >= pool.length) state.reused++;
              const item = pool[next++ % pool.length]!;
              return { ...req, method: 'PUT', path: item.path, body: item.body, headers: { 'content-type': 'application/json' } };
            },
          },
        ],
      });
      return { run, state };
    };

    // Warm-up (JIT, SQLite cache) that also sizes the pool: the main run
    // must never send a request twice (a repeat is answered from the
    // database, far cheaper than a new one).
    const warm = cannon(await seal(300), { amount: 300 });
    const warmResult = await withTimeout(Promise.resolve(warm.run), 60_000, 'autocannon warm-up');
    const warmRate = 300 / Math.max(0.1, warmResult.duration);
    // 300 requests are too few for the JIT to settle: the warmed server runs
    // up to ~3× the warm-up rate, so size the pool generously.
    const poolSize = Math.max(Math.ceil(warmRate * seconds * 4) + 300, 8000);
    const started = performance.now();
    const pool = await seal(poolSize);
    log(`warm-up ${Math.round(warmRate)} req/s; sealed ${poolSize} requests in ${Math.round(performance.now() - started)} ms`);

    const main = cannon(pool, { duration: seconds });
    const run = main.run;
    const result = await withTimeout(Promise.resolve(run), (seconds + 30) * 1000, 'autocannon intake run');
    const created = result.statusCodeStats['201']?.count ?? 0;
    if (result.non2xx > 0 || result.errors > 0) {
      const codes = Object.entries(result.statusCodeStats)
        .map(([code, s]) => `${code}×${s.count}`)
        .join(', ');
      throw new BenchError(`intake run had ${result.non2xx} non-2xx answers and ${result.errors} errors (${codes})`);
    }
    if (main.state.reused) throw new BenchError(`intake outran the ${pool.length} prepared requests (${main.state.reused} repeats)`);
    const rssMb = peakRssMb(server.proc.pid!);
    const intakeRps = result.requests.p50;
    return {
      intakeRps,
      intakeP99Ms: result.latency.p99,
      sqliteRps,
      intakeRatio: intakeRps / sqliteRps,
      rssMb,
      created,
    };
  } finally {
    await stop();
  }
}
