/**
 * The office console with 100,000 stored requests, on SQLite and on
 * PostgreSQL (a throwaway cluster):
 *
 * - staff.inboxP95Ms / staff.pgInboxP95Ms: GET /api/v1/office/requests, the
 *   first inbox page (50 rows, newest first, counts per state, each row's
 *   name opened from its sealed envelope, or remembered from an earlier
 *   page), through the real app (session check included) in this process;
 *   p95 of `runs` × 20 calls after 5 warm-up calls. The first call, when
 *   every name is still to be opened, is reported as inboxColdMs.
 * - staff.findP95Ms / staff.pgFindP95Ms: the same route with q=<A-number>
 *   of one of 20 requests spread over the two years of receipts (found
 *   through the blind index, opened for its name); same count of calls.
 *
 * Seeding: the 70 requests the bench reads (the newest 50 and the 20
 * search targets) arrive through the intake route, sealed to the server's
 * key, like any device's. The other 99,930 are inserted in batches of 500
 * straight into the store's tables, with the same columns, form-type rows
 * and three blind-index rows each (A-number, e-mail, name) and a real
 * sealed envelope of the same size (sealed for another id: those rows are
 * never opened by what is timed). A few of them are reviewed and assigned,
 * so the counts and joins see the office's tables too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app';
import type { AppDeps } from '../../src/server/types';
import { newConfirmation } from '../../src/server/confirmation';
import type { SqlEngine, SqlValue } from '../../src/server/db/engine';
import { blindDigest, loadIndexKeys, normalizeLookup, type LookupKind } from '../../src/server/index-keys';
import { intakeRoutes } from '../../src/server/intake';
import { openIntake } from '../../src/server/intake-setup';
import { keysRoutes } from '../../src/server/keys-routes';
import { SEARCH_HEADER } from '../../src/server/office/inbox';
import { officeRoutes } from '../../src/server/office/routes';
import { totpCode } from '../../src/server/office/secrets';
import { readOfficeSettings } from '../../src/server/office/settings';
import { inviteStaff } from '../../src/server/office/staff-store';
import { readSettings } from '../../src/server/settings';
import { importSealingKey, parseKeysResponse, pickSealingKey } from '../../src/outbox/server-key';
import { sealJson, type SealingKey } from '../../src/shared/seal';
import { startPostgres } from '../unit/postgres-cluster';
import { fullRequest } from './fixtures';
import { BenchError, onCleanup, percentile, round } from './util';

export interface StaffFigures {
  inboxP95Ms: number;
  findP95Ms: number;
  pgInboxP95Ms: number;
  pgFindP95Ms: number;
  /** The first inbox call of each engine, before any name was remembered. */
  inboxColdMs: number;
  pgInboxColdMs: number;
  requests: number;
  calls: number;
}

const TOTAL = 100_000;
const NEWEST = 50;
const TARGETS = 20;
const BATCH = 500;
const DAY_MS = 86_400_000;
const PASSWORD = 'bench password for the console';

const day = (d: Date) => d.toISOString().slice(0, 10);
const aNumberOf = (i: number) => `A${String(200_000_000 + i * 7919).padStart(9, '0')}`;

async function insertFiller(db: SqlEngine, indexKey: Uint8Array, sealed: Uint8Array, count: number, now: number): Promise<void> {
  const span = 730 * DAY_MS;
  for (let start = 0; start < count; start += BATCH) {
    const n = Math.min(BATCH, count - start);
    const requests: SqlValue[] = [];
    const forms: SqlValue[] = [];
    const lookups: SqlValue[] = [];
    for (let i = 0; i < n; i++) {
      const k = start + i;
      const id = crypto.randomUUID();
      const receivedAt = new Date(now - DAY_MS - Math.floor((k / count) * span)).toISOString();
      const formType = ['I-485', 'I-130', 'I-765', 'N-400'][k % 4]!;
      requests.push(id, newConfirmation(), receivedAt, JSON.stringify([formType]), k % 17 === 0 ? 1 : 0, ['en', 'es', 'vi', 'zh'][k % 4]!, null, 0, 'bench', 'x', null, sealed);
      forms.push(formType, id);
      const values: [LookupKind, string][] = [
        ['a_number', aNumberOf(1000 + k)],
        ['email', `person${k}@example.com`],
        ['name', `Given${k} Family${k % 5000}`],
      ];
      for (const [kind, value] of values) lookups.push(kind, blindDigest(indexKey, kind, normalizeLookup(kind, value)!), id);
    }
    const marks = (cols: number, rows: number) =>
      Array.from({ length: rows }, (_, r) => `(${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}`).join(', ')})`).join(', ');
    await db.transaction(async (tx) => {
      await tx.exec(
        `INSERT INTO requests (id, confirmation, received_at, form_types, urgent, language, event_id, attachment_count, kid, body_sha256, envelope_sha256, sealed)
         VALUES ${marks(12, n)} ON CONFLICT DO NOTHING`,
        requests,
      );
      await tx.exec(`INSERT INTO request_form_types (form_type, request_id) VALUES ${marks(2, n)}`, forms);
      await tx.exec(`INSERT INTO request_lookup (kind, digest, request_id) VALUES ${marks(3, n * 3)} ON CONFLICT DO NOTHING`, lookups);
    });
  }
}

async function oneEngine(databaseUrl: string | null, runs: number, log: (line: string) => void): Promise<{ inbox: number[]; find: number[]; cold: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-bench-staff-'));
  const env: Record<string, string> = { DATA_DIR: join(dir, 'data'), DIST_DIR: join(dir, 'no-dist'), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const opened = await openIntake(readSettings(env), env);
  const cleanup = onCleanup(`staff bench data (${databaseUrl ? 'postgres' : 'sqlite'})`, async () => {
    await opened.db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const clock = { now: new Date() };
  const deps: AppDeps = { ...opened, now: () => clock.now };
  const app = createApp(deps, [keysRoutes, intakeRoutes, officeRoutes({ settings: readOfficeSettings(env) })]);
  const key: SealingKey = await importSealingKey(pickSealingKey(parseKeysResponse(await (await app.request('/api/v1/keys')).json()))!);
  const realNow = clock.now.getTime();

  const deliver = async (at: number, variant: number, aNumber?: string) => {
    clock.now = new Date(at);
    const id = crypto.randomUUID();
    const body = fullRequest(id, day(clock.now), variant) as { person: Record<string, unknown> };
    if (aNumber) body.person = { ...body.person, aNumber };
    const envelope = await sealJson(body, key, { requestId: id, purpose: 'request' });
    const res = await app.request(`/api/v1/requests/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(envelope) });
    if (res.status !== 201) throw new BenchError(`seeding: intake answered ${res.status}`);
    return { id, envelope };
  };

  const t0 = Date.now();
  const targets: string[] = [];
  let sample: Uint8Array | null = null;
  for (let i = 0; i < TARGETS; i++) {
    const a = aNumberOf(i);
    targets.push(a);
    const { envelope } = await deliver(realNow - DAY_MS - Math.floor(((i + 0.5) / TARGETS) * 700 * DAY_MS), i, a);
    sample ??= new TextEncoder().encode(JSON.stringify(envelope));
  }
  const indexKey = loadIndexKeys(join(dir, 'data'), env)[0]!;
  await insertFiller(opened.db, indexKey, sample!, TOTAL - NEWEST - TARGETS, realNow);
  for (let i = 0; i < NEWEST; i++) await deliver(realNow - (NEWEST - i) * 60_000, i);
  clock.now = new Date(realNow);
  // What autovacuum does to a live PostgreSQL after this many new rows: the planner's statistics.
  if (opened.db.kind === 'postgres') await opened.db.script('ANALYZE');
  log(`${TOTAL} requests stored in ${Math.round((Date.now() - t0) / 1000)} s`);

  // A supervisor signs in through the real enrolment and sign-in.
  const invited = (await inviteStaff(opened.db, 'bench@example.gov', 'supervisor', clock.now, 72))!;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(`http://localhost/api/v1/office/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const { secret } = (await (await post('enrolment/password', { token: invited.token, password: PASSWORD })).json()) as { secret: string };
  await post('enrolment/verify', { token: invited.token, code: totpCode(secret, clock.now.getTime()) });
  clock.now = new Date(clock.now.getTime() + 30_000);
  const signIn = await post('session', { email: 'bench@example.gov', password: PASSWORD, code: totpCode(secret, clock.now.getTime()) });
  const cookie = /office_session=([^;]+)/.exec(signIn.headers.get('Set-Cookie') ?? '')?.[1];
  if (!cookie) throw new BenchError(`the bench could not sign in (${signIn.status})`);
  const { csrf } = (await signIn.json()) as { csrf: string };
  // Some review state, so the counts and the joins have rows to see.
  const page = (await (await app.request('http://localhost/api/v1/office/requests?limit=10', { headers: { Cookie: `office_session=${cookie}` } })).json()) as { requests: { id: string }[] };
  for (const r of page.requests.slice(0, 5)) await post(`requests/${r.id}/review`, { state: 'in_review' }, { Cookie: `office_session=${cookie}`, 'X-CSRF-Token': csrf });

  // A search travels in a header, as the console sends it: names and A-numbers never go in an address.
  const timed = async (path: string, check: (body: { requests: unknown[] }) => boolean, search?: string) => {
    const t = performance.now();
    const headers: Record<string, string> = { Cookie: `office_session=${cookie}` };
    if (search !== undefined) headers[SEARCH_HEADER] = encodeURIComponent(search);
    const res = await app.request(`http://localhost/api/v1/office/${path}`, { headers });
    const body = (await res.json()) as { requests: unknown[] };
    const ms = performance.now() - t;
    if (res.status !== 200 || !check(body)) throw new BenchError(`GET ${path} answered ${res.status} with an unexpected page (${body.requests?.length} requests)`);
    return ms;
  };
  const inbox: number[] = [];
  const find: number[] = [];
  const calls = runs * 20;
  // The first call opens the 50 names (an ECDH derivation each); later ones find them remembered.
  const cold = await timed('requests', (b) => b.requests.length === NEWEST);
  for (let i = 0; i < 4; i++) await timed('requests', (b) => b.requests.length === NEWEST);
  for (let i = 0; i < calls; i++) inbox.push(await timed('requests', (b) => b.requests.length === NEWEST));
  for (let i = 0; i < 5; i++) await timed('requests', (b) => b.requests.length === 1, targets[i % TARGETS]);
  for (let i = 0; i < calls; i++) find.push(await timed('requests', (b) => b.requests.length === 1, targets[i % TARGETS]));
  await cleanup();
  return { inbox, find, cold };
}

export async function benchStaff(options: { runs: number; log: (line: string) => void }): Promise<StaffFigures> {
  const { runs, log } = options;
  // The app runs in this process: its access log would drown the bench's own lines.
  const access = process.env.LOG_ACCESS;
  process.env.LOG_ACCESS = '0';
  onCleanup('staff bench log setting', async () => {
    if (access === undefined) delete process.env.LOG_ACCESS;
    else process.env.LOG_ACCESS = access;
  });
  const sqlite = await oneEngine(null, runs, log);
  log(`SQLite: inbox p95 ${round(percentile(sqlite.inbox, 95), 1)} ms (first call ${round(sqlite.cold)} ms), find p95 ${round(percentile(sqlite.find, 95), 1)} ms`);
  const cluster = await startPostgres();
  const stop = onCleanup('staff bench PostgreSQL', () => cluster.stop());
  const pg = await oneEngine(cluster.url, runs, log);
  await stop();
  log(`PostgreSQL: inbox p95 ${round(percentile(pg.inbox, 95), 1)} ms (first call ${round(pg.cold)} ms), find p95 ${round(percentile(pg.find, 95), 1)} ms`);
  return {
    inboxP95Ms: round(percentile(sqlite.inbox, 95), 1),
    findP95Ms: round(percentile(sqlite.find, 95), 1),
    pgInboxP95Ms: round(percentile(pg.inbox, 95), 1),
    pgFindP95Ms: round(percentile(pg.find, 95), 1),
    inboxColdMs: round(sqlite.cold, 1),
    pgInboxColdMs: round(pg.cold, 1),
    requests: TOTAL,
    calls: runs * 20,
  };
}
