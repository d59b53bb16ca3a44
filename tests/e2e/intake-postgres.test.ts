import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import pg from 'pg';
import { importServerPublicKey, keyIdFor, publicJwkOf, sealBytes, sealJson, type SealingKey } from '../../src/shared/seal';
import { file, request, sha256Hex, uuid } from '../unit/intake-helpers';
import { startPostgres, type PostgresCluster } from '../unit/postgres-cluster';
import { removeDir, startServer, type RunningServer } from './harness';

/**
 * Two intake server processes (the shipped bundle) on one PostgreSQL, as an
 * office behind a load balancer runs them: exactly once across processes,
 * also when one of them is killed in the middle of a burst.
 */
let cluster: PostgresCluster;
let url: string;
let a: RunningServer;
let b: RunningServer;
let key: SealingKey;
let db: pg.Client;

beforeAll(async () => {
  cluster = await startPostgres();
  url = await cluster.newDatabase();
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  // Both processes share the keys through the environment, as on two machines.
  const env = {
    DATABASE_URL: url,
    SEALING_PRIVATE_KEYS: JSON.stringify([jwk]),
    INDEX_KEYS: JSON.stringify([randomBytes(32).toString('base64url')]),
    RATE_LIMIT_PER_MINUTE: '0',
    // The races below send 25 bodies at once to each process; the gate that
    // turns a flood away with 503 (tested in the unit tests) must not be what answers.
    MAX_BODIES_IN_FLIGHT: '64',
    LOG_LEVEL: 'silent',
  };
  [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
  const pub = publicJwkOf(jwk);
  key = { kid: await keyIdFor(pub), publicKey: await importServerPublicKey(pub) };
  db = new pg.Client({ connectionString: url });
  await db.connect();
}, 120_000);

afterAll(async () => {
  await db?.end();
  for (const s of [a, b]) {
    if (!s) continue;
    await s.stop();
    removeDir(s.dataDir);
  }
  await cluster?.stop();
});

async function sealed(id: string, body = request(id)): Promise<string> {
  return JSON.stringify(await sealJson(body, key, { requestId: id, purpose: 'request' }));
}

const put = (server: RunningServer, id: string, envelope: string) =>
  fetch(`${server.url}/api/v1/requests/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: envelope });

async function rowsFor(ids: string[]): Promise<Map<string, string>> {
  const res = await db.query<{ id: string; confirmation: string }>('SELECT id, confirmation FROM requests WHERE id = ANY($1)', [ids]);
  return new Map(res.rows.map((r) => [r.id, r.confirmation.replace(/(...)(...)(...)/, '$1-$2-$3')]));
}

describe('two processes on one PostgreSQL', () => {
  it('the same request to both at once: one row, the same confirmation to both callers', async () => {
    const ids: string[] = Array.from({ length: 25 }, () => uuid());
    const answers = await Promise.all(
      ids.map(async (id) => {
        const [envA, envB] = [await sealed(id), await sealed(id)];
        const [ra, rb] = await Promise.all([put(a, id, envA), put(b, id, envB)]);
        return { id, status: [ra.status, rb.status].sort(), bodies: [await ra.json(), await rb.json()] };
      }),
    );
    const rows = await rowsFor(ids);
    expect(rows.size).toBe(ids.length);
    for (const { id, status, bodies } of answers) {
      expect(status).toEqual([200, 201]);
      expect(bodies[0].confirmation).toBe(bodies[1].confirmation);
      expect(bodies[0].confirmation).toBe(rows.get(id));
    }
  });

  it('a different body for a stored id is 409 on every process', async () => {
    const id = uuid();
    expect((await put(a, id, await sealed(id))).status).toBe(201);
    const other = await sealed(id, request(id, [], { locale: 'en' }));
    expect((await put(a, id, other)).status).toBe(409);
    expect((await put(b, id, other)).status).toBe(409);
    // Racing a different body against the first arrival: one wins, the other is 409.
    const race = uuid();
    const [r1, r2] = await Promise.all([put(a, race, await sealed(race)), put(b, race, await sealed(race, request(race, [], { locale: 'en' })))]);
    expect([r1.status, r2.status].sort()).toEqual([201, 409]);
  });

  it('a file uploaded through one process is taken by a request sent to the other', async () => {
    const id = uuid();
    const f = file('uploaded via A');
    const body = await sealBytes(f.bytes, key, { requestId: id, purpose: `attachment:${f.id}` });
    const up = await fetch(`${a.url}/api/v1/requests/${id}/attachments/${f.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Content-SHA256': sha256Hex(body) },
      body,
    });
    expect(up.status).toBe(200);
    expect((await put(b, id, await sealed(id, request(id, [f])))).status).toBe(201);
  });

  it('one process killed mid-burst: no acknowledged request lost, none received twice', async () => {
    const ids: string[] = Array.from({ length: 120 }, () => uuid());
    const envelopes = new Map(await Promise.all(ids.map(async (id) => [id, await sealed(id)] as const)));
    const acknowledged = new Map<string, string>();
    const failed: string[] = [];
    let sent = 0;
    let killed: Promise<void> | null = null;
    const worker = async (queue: string[]) => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        const target = sent++ % 2 ? a : b;
        if (sent === 40) killed = a.kill();
        try {
          const res = await put(target, id, envelopes.get(id)!);
          if (res.status === 201 || res.status === 200) acknowledged.set(id, (await res.json()).confirmation);
          else failed.push(id);
        } catch {
          failed.push(id);
        }
      }
    };
    const queue = [...ids];
    await Promise.all(Array.from({ length: 8 }, () => worker(queue)));
    await killed;
    expect(failed.length).toBeGreaterThan(0);
    // The devices try again against the process still up (same sealed bytes, as the outbox does).
    for (const id of failed) {
      const res = await put(b, id, envelopes.get(id)!);
      expect([200, 201]).toContain(res.status);
      const { confirmation } = await res.json();
      if (acknowledged.has(id)) expect(confirmation).toBe(acknowledged.get(id));
      acknowledged.set(id, confirmation);
    }
    const rows = await rowsFor(ids);
    expect(rows.size).toBe(ids.length);
    for (const [id, confirmation] of acknowledged) expect(rows.get(id)).toBe(confirmation);
    const total = await db.query<{ n: string }>('SELECT COUNT(*) AS n FROM requests WHERE id = ANY($1)', [ids]);
    expect(Number(total.rows[0]!.n)).toBe(ids.length);
    await a.restart();
  }, 120_000);
});
