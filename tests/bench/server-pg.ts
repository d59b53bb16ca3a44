/**
 * PostgreSQL figures, in the same run as the SQLite ones:
 *
 * - server.pgRawRps: plain INSERTs of the rows intake writes (the requests
 *   row, same sizes) from `connections` concurrent clients, autocommit, on a
 *   throwaway cluster with PostgreSQL's durable defaults (fsync on).
 *   Median of 1-second windows.
 * - server.pgIntakeRps: two server processes on one database of that
 *   cluster, half the connections each, the same load as server.intakeRps;
 *   the sum of the two runs' medians.
 */
import { randomBytes } from 'node:crypto';
import { openPostgres } from '../../src/server/db/postgres';
import { migrate } from '../../src/server/db/migrate';
import { newConfirmation } from '../../src/server/confirmation';
import { startPostgres } from '../unit/postgres-cluster';
import { removeDir, startServer } from '../e2e/harness';
import { cannon, finish, makeRow, type Sealed } from './server-load';
import { median, onCleanup } from './util';

export interface PgFigures {
  pgIntakeRps: number;
  pgRawRps: number;
}

async function rawInserts(url: string, connections: number, seconds: number, today: string): Promise<number[]> {
  const templates = Array.from({ length: 200 }, (_, i) => makeRow(crypto.randomUUID(), today, i).row);
  const engine = openPostgres(url, { max: connections });
  await migrate(engine);
  try {
    const windows: number[] = [];
    let i = 0;
    for (let s = -1; s < seconds; s++) {
      const end = performance.now() + 1000;
      let n = 0;
      const worker = async () => {
        while (performance.now() < end) {
          const t = templates[i++ % templates.length]!;
          const id = crypto.randomUUID();
          await engine.exec(
            `INSERT INTO requests (id, confirmation, received_at, form_types, urgent, language, event_id, attachment_count, kid,
               body_sha256, envelope_sha256, sealed) VALUES ($1, $2, $3, $4, 0, 'en', NULL, 0, 'bench', $5, $5, $6)`,
            [id, newConfirmation(), new Date().toISOString(), t.formTypes, t.bodySha256, Buffer.from(t.body.replace(t.id, id))],
          );
          n++;
        }
      };
      await Promise.all(Array.from({ length: connections }, worker));
      if (s >= 0) windows.push(n);
    }
    return windows;
  } finally {
    await engine.close();
  }
}

export async function benchPostgres(options: {
  env: Record<string, string>;
  pool: { items: Sealed[]; next: number };
  seconds: number;
  connections: number;
  today: string;
  log: (line: string) => void;
}): Promise<PgFigures> {
  const { seconds, connections, log } = options;
  const cluster = await startPostgres({ durable: true });
  const stopCluster = onCleanup('PostgreSQL (server bench)', () => cluster.stop());
  try {
    const rawWindows = await rawInserts(await cluster.newDatabase(), connections, 5, options.today);
    log(`postgres raw: ${rawWindows.join(', ')} rows/s`);

    const env = {
      ...options.env,
      DATABASE_URL: await cluster.newDatabase(),
      INDEX_KEYS: JSON.stringify([randomBytes(32).toString('base64url')]),
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'silent',
    };
    const servers = await Promise.all([startServer({ env }), startServer({ env })]);
    const stopServers = onCleanup('intake servers on PostgreSQL', async () => {
      for (const s of servers) {
        await s.stop();
        removeDir(s.dataDir);
      }
    });
    try {
      const half = Math.max(1, Math.floor(connections / 2));
      await Promise.all(servers.map((s) => finish(cannon(s.url, options.pool, half, { amount: 150 }), 60, 'PostgreSQL warm-up')));
      const results = await Promise.all(
        servers.map((s) => finish(cannon(s.url, options.pool, half, { duration: seconds }), seconds, 'PostgreSQL intake run')),
      );
      return { pgIntakeRps: results.reduce((sum, r) => sum + r.requests.p50, 0), pgRawRps: median(rawWindows) };
    } finally {
      await stopServers();
    }
  } finally {
    await stopCluster();
  }
}
