import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlEngine } from '../../src/server/db/engine';
import { openSqlite } from '../../src/server/db/sqlite';
import { openPostgres } from '../../src/server/db/postgres';
import { startPostgres, type PostgresCluster } from './postgres-cluster';

/** The seam itself: the same SQL and the same transaction rules on both engines. */
let cluster: PostgresCluster;
const dir = mkdtempSync(join(tmpdir(), 'ombuds-engine-'));
beforeAll(async () => {
  cluster = await startPostgres();
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['sqlite', 'postgres'] as const)('the %s engine', (kind) => {
  let db: SqlEngine;
  beforeAll(async () => {
    db = kind === 'sqlite' ? openSqlite(dir, 'engine.sqlite') : openPostgres(await cluster.newDatabase());
    await db.script('CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER NOT NULL, b ' + (kind === 'sqlite' ? 'BLOB' : 'BYTEA') + ')');
  });
  afterAll(() => db?.close());

  it('binds $n placeholders by number, reused and out of order; integers and bytes come back as such', async () => {
    await db.exec('INSERT INTO t (id, n, b) VALUES ($2, $1, $3)', [7, 'a', new Uint8Array([1, 2, 3])]);
    const rows = await db.query<{ id: string; n: number; b: Buffer; c: number }>(
      'SELECT id, n, b, (SELECT COUNT(*) FROM t WHERE id = $1 OR id = $1) AS c FROM t WHERE id = $1',
      ['a'],
    );
    expect(rows).toEqual([{ id: 'a', n: 7, b: Buffer.from([1, 2, 3]), c: 1 }]);
    expect(await db.exec('UPDATE t SET n = n + 1 WHERE id = $1', ['nope'])).toBe(0);
  });

  it('commits concurrent transactions independently: one that throws leaves no trace, the others all land', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.exec('INSERT INTO t (id, n) VALUES ($1, $2)', [`g${i}`, i]);
          await tx.exec('UPDATE t SET n = n + 100 WHERE id = $1', [`g${i}`]);
          if (i === 7) throw new Error('refused');
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const rows = await db.query<{ id: string; n: number }>("SELECT id, n FROM t WHERE id LIKE 'g%' ORDER BY n");
    expect(rows.map((r) => r.n)).toEqual([...Array(20).keys()].filter((i) => i !== 7).map((i) => i + 100));
  });

  it('ON CONFLICT DO NOTHING RETURNING tells a new row from an existing one', async () => {
    const insert = () => db.query('INSERT INTO t (id, n) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id', ['u', 1]);
    expect(await insert()).toEqual([{ id: 'u' }]);
    expect(await insert()).toEqual([]);
  });
});
