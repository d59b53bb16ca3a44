/** Shared by the intake server and flush tests: a real app on a temp folder, a valid request, sealing. */
import { createHash } from 'node:crypto';
import { afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app';
import type { AppDeps } from '../../src/server/types';
import { openIntake } from '../../src/server/intake-setup';
import { readSettings } from '../../src/server/settings';
import { importSealingKey, parseKeysResponse, pickSealingKey } from '../../src/outbox/server-key';
import { sealBytes, sealJson, type SealingKey } from '../../src/shared/seal';
import { newClaim, wireIdFor } from '../../src/shared/request-claim';
import { validRequest } from '../fixtures/valid-request';

export const NOW = new Date('2025-06-15T12:00:00.000Z');
export const TOKEN = 'staff-token-0123456789abcdef';

export interface TestServer {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  dir: string;
  close(): Promise<void>;
}

/**
 * A real app on a temp DATA_DIR; on PostgreSQL when env has DATABASE_URL.
 * Keys come from env (SEALING_PRIVATE_KEYS, INDEX_KEYS) or the folder.
 */
export async function makeServer(env: Record<string, string> = {}, dir = mkdtempSync(join(tmpdir(), 'ombuds-intake-'))): Promise<TestServer> {
  const all = { DATA_DIR: join(dir, 'data'), DIST_DIR: join(dir, 'no-dist'), INTAKE_TOKEN: TOKEN, ...env };
  const settings = readSettings(all);
  const opened = await openIntake(settings, all);
  const deps: AppDeps = { ...opened, now: () => NOW };
  return {
    app: createApp(deps),
    deps,
    dir,
    async close() {
      await opened.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A `server(env)` for each test of the file, every one closed (and its folder removed) after its test. */
export function serversPerTest(): (env?: Record<string, string>) => Promise<TestServer> {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });
  return async (env = {}) => {
    const s = await makeServer(env);
    servers.push(s);
    return s;
  };
}

/** Rows in a table, straight from the database. */
export async function countRows(server: TestServer, table: string): Promise<number> {
  const [row] = await server.deps.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row?.n ?? 0);
}

export async function serverKey(server: TestServer): Promise<SealingKey> {
  const res = await server.app.request('/api/v1/keys');
  return importSealingKey(pickSealingKey(parseKeysResponse(await res.json()))!);
}

export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export const uuid = () => crypto.randomUUID();

/** A request id as the device makes it now: a fresh claim and the version-8 id it derives. */
export async function claimedId(): Promise<{ id: string; claim: string }> {
  const claim = newClaim();
  return { id: await wireIdFor(claim), claim };
}

export interface FileFixture {
  id: string;
  bytes: Uint8Array;
  ref: { id: string; name: string; type: 'application/pdf'; size: number; sha256: string };
}

export function file(text = 'hello %PDF ' + uuid()): FileFixture {
  const bytes = new TextEncoder().encode(text);
  const id = uuid();
  return { id, bytes, ref: { id, name: 'letter.pdf', type: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes) } };
}

/** A complete, valid request as the device sends it (already normalized). */
export function request(id: string, files: FileFixture[] = [], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...validRequest(id, { attachments: files.map((f) => f.ref) }), ...overrides };
}

export async function putRequest(server: TestServer, id: string, body: unknown, key: SealingKey, sealFor = id) {
  const envelope = await sealJson(body, key, { requestId: sealFor, purpose: 'request' });
  return server.app.request(`/api/v1/requests/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(envelope),
  });
}

export async function sealedFile(id: string, f: FileFixture, key: SealingKey): Promise<Uint8Array> {
  return sealBytes(f.bytes, key, { requestId: id, purpose: `attachment:${f.id}` });
}

export async function putFile(
  server: TestServer,
  id: string,
  attachmentId: string,
  body: Uint8Array,
  sha = sha256Hex(body),
  headers: Record<string, string> = {},
) {
  return server.app.request(`/api/v1/requests/${id}/attachments/${attachmentId}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/octet-stream', 'X-Content-SHA256': sha, ...headers },
    body: body as Uint8Array<ArrayBuffer>,
  });
}

export const staff = { Authorization: `Bearer ${TOKEN}` };
