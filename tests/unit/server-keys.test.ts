import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app';
import type { SqlEngine } from '../../src/server/db/engine';
import { openSqlite } from '../../src/server/db/sqlite';
import { createIntakeStore } from '../../src/server/intake-store-sql';
import { keyRingFor, keysDir, loadKeyRing, rotateFileKey } from '../../src/server/keys';
import { readSettings } from '../../src/server/settings';
import { SEAL_ALG, keyIdFor, openJson, publicJwkOf, sealJson, type SealAad } from '../../src/shared/seal';
import { importSealingKey, parseKeysResponse, pickSealingKey } from '../../src/outbox/server-key';

const REQ: SealAad = { requestId: 'req-42', purpose: 'request' };

let dataDir: string;
const dbs: SqlEngine[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'keys-test-'));
});

afterEach(() => {
  vi.unstubAllEnvs();
  for (const db of dbs.splice(0)) void db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function privateJwk() {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
}

function makeApp() {
  const settings = readSettings({ DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist') });
  const db = openSqlite(dataDir);
  dbs.push(db);
  // The store is never reached here: these tests use the keys routes only.
  const store = createIntakeStore(db, () => Promise.reject(new Error('no store keys in this test')));
  const deps = { settings, db, store };
  return { app: createApp(deps), deps };
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('file keys in DATA_DIR', () => {
  it('generates one key on first start and reuses it on restart', async () => {
    const first = await loadKeyRing({ dataDir, env: {} });
    const dir = keysDir(dataDir);
    const file = join(dir, `${first.current.kid}.jwk`);
    expect(readdirSync(dir).sort()).toEqual([`${first.current.kid}.jwk`, 'current'].sort());
    expect(mode(file)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);

    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['crv', 'd', 'kty', 'x', 'y']);
    expect(await keyIdFor(publicJwkOf(stored))).toBe(first.current.kid);
    expect(first.current.publicJwk).not.toHaveProperty('d');

    const second = await loadKeyRing({ dataDir, env: {} });
    expect(second.current).toEqual(first.current);
    expect(readdirSync(dir)).toHaveLength(2);

    // What one start sealed, the next start opens.
    const env = await sealJson({ a: 1 }, await importSealingKey({ ...first.current, jwk: first.current.publicJwk, alg: SEAL_ALG }), REQ);
    expect(await openJson(env, (kid) => second.privateKey(kid), REQ)).toEqual({ a: 1 });
  });

  it('tightens a key file that has become readable by others', async () => {
    const ring = await loadKeyRing({ dataDir, env: {} });
    const file = join(keysDir(dataDir), `${ring.current.kid}.jwk`);
    const { chmodSync } = await import('node:fs');
    chmodSync(file, 0o644);
    await loadKeyRing({ dataDir, env: {} });
    expect(mode(file)).toBe(0o600);
  });

  it('rotates: seals to the new key, still opens with the old one', async () => {
    const before = await loadKeyRing({ dataDir, env: {} });
    const sealedBefore = await sealJson({ n: 1 }, await importSealingKey({ kid: before.current.kid, jwk: before.current.publicJwk, alg: SEAL_ALG }), REQ);
    const newKid = rotateFileKey(dataDir);
    const after = await loadKeyRing({ dataDir, env: {} });
    expect(after.current.kid).toBe(newKid);
    expect(newKid).not.toBe(before.current.kid);
    expect(after.publicKeys().map((k) => k.kid)).toEqual([newKid, before.current.kid]);
    expect(await openJson(sealedBefore, (kid) => after.privateKey(kid), REQ)).toEqual({ n: 1 });
  });

  it('refuses a key file named after another key', async () => {
    const ring = await loadKeyRing({ dataDir, env: {} });
    const dir = keysDir(dataDir);
    writeFileSync(join(dir, 'AAAAAAAAAAAAAAAA.jwk'), readFileSync(join(dir, `${ring.current.kid}.jwk`)));
    await expect(loadKeyRing({ dataDir, env: {} })).rejects.toThrow(/different key id/);
  });
});

describe('keys from SEALING_PRIVATE_KEYS', () => {
  it('uses the first as current and keeps the others for opening; generates no file', async () => {
    const newer = privateJwk();
    const older = privateJwk();
    const ring = await loadKeyRing({ dataDir, env: { SEALING_PRIVATE_KEYS: JSON.stringify([newer, older]) } });
    const newerKid = await keyIdFor(publicJwkOf(newer));
    const olderKid = await keyIdFor(publicJwkOf(older));
    expect(ring.current.kid).toBe(newerKid);
    expect(ring.publicKeys().map((k) => k.kid)).toEqual([newerKid, olderKid]);
    expect(ring.privateKey(olderKid)).toBeDefined();
    expect(ring.privateKey('nope')).toBeUndefined();
    expect(existsSync(keysDir(dataDir))).toBe(false);
  });

  it('still opens with key files generated before the switch to the environment', async () => {
    const fileRing = await loadKeyRing({ dataDir, env: {} });
    const envKey = privateJwk();
    const ring = await loadKeyRing({ dataDir, env: { SEALING_PRIVATE_KEYS: JSON.stringify([envKey]) } });
    expect(ring.current.kid).toBe(await keyIdFor(publicJwkOf(envKey)));
    expect(ring.privateKey(fileRing.current.kid)).toBeDefined();
  });

  it('fails with a message that never quotes the secret', async () => {
    const jwk = privateJwk();
    const cases = ['not json', '[]', '{}', JSON.stringify([{ ...jwk, d: undefined }]), JSON.stringify([{ ...jwk, crv: 'P-384' }])];
    for (const raw of cases) {
      const err = await loadKeyRing({ dataDir, env: { SEALING_PRIVATE_KEYS: raw } }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err).toBeInstanceOf(Error);
      expect(err!.message).toMatch(/^SEALING_PRIVATE_KEYS/);
      expect(err!.message).not.toContain(String(jwk.d));
    }
  });
});

describe('GET /api/v1/keys', () => {
  it('publishes the public keys, revalidated on every use, and they seal for the server', async () => {
    const { app, deps } = makeApp();
    const res = await app.request('/api/v1/keys');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    const body = (await res.json()) as { current: string; keys: { kid: string; jwk: Record<string, unknown>; alg: string }[] };
    const ring = await keyRingFor(deps);
    expect(body.current).toBe(ring.current.kid);
    expect(body.keys).toEqual([{ kid: ring.current.kid, jwk: ring.current.publicJwk, alg: SEAL_ALG }]);
    expect(JSON.stringify(body)).not.toContain('"d"');

    // The device's side, end to end.
    const entry = pickSealingKey(parseKeysResponse(body));
    expect(entry?.kid).toBe(body.current);
    const sealed = await sealJson({ hello: 'world' }, await importSealingKey(entry!), REQ);
    expect(await openJson(sealed, (kid) => ring.privateKey(kid), REQ)).toEqual({ hello: 'world' });

    const etag = res.headers.get('ETag');
    expect(etag).toBeTruthy();
    const again = await app.request('/api/v1/keys', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('is the same key after a restart on the same DATA_DIR', async () => {
    const first = await (await makeApp().app.request('/api/v1/keys')).json();
    const second = await (await makeApp().app.request('/api/v1/keys')).json();
    expect(second).toEqual(first);
  });

  it('serves environment keys, current first', async () => {
    const current = privateJwk();
    const old = privateJwk();
    vi.stubEnv('SEALING_PRIVATE_KEYS', JSON.stringify([current, old]));
    const res = await makeApp().app.request('/api/v1/keys');
    const body = parseKeysResponse(await res.json());
    expect(body.current).toBe(await keyIdFor(publicJwkOf(current)));
    expect(body.keys.map((k) => k.kid)).toEqual([body.current, await keyIdFor(publicJwkOf(old))]);
  });
});

describe('parseKeysResponse and pickSealingKey', () => {
  const jwk = publicJwkOf(privateJwk());

  it('refuses bodies that are not a keys response', () => {
    for (const bad of [null, {}, { current: 'a', keys: [] }, { current: 'b', keys: [{ kid: 'a', alg: SEAL_ALG, jwk }] }]) {
      expect(() => parseKeysResponse(bad)).toThrow(expect.objectContaining({ code: 'bad_response' }));
    }
    const withPrivate = parseKeysResponse({ current: 'a', keys: [{ kid: 'a', alg: SEAL_ALG, jwk: { ...jwk, d: 'secret' } }] });
    expect(withPrivate.keys[0]!.jwk).toEqual(jwk);
  });

  it('prefers the current key, falls back to a supported one, else none', () => {
    const other = { kty: 'OKP', crv: 'X25519', x: 'abc', y: '' };
    const both = { current: 'b', keys: [{ kid: 'a', alg: SEAL_ALG, jwk }, { kid: 'b', alg: SEAL_ALG, jwk }] };
    expect(pickSealingKey(parseKeysResponse(both))?.kid).toBe('b');
    const future = { current: 'b', keys: [{ kid: 'a', alg: SEAL_ALG, jwk }, { kid: 'b', alg: 'X25519+HKDF+A256GCM', jwk: other }] };
    expect(pickSealingKey(parseKeysResponse(future))?.kid).toBe('a');
    const none = { current: 'b', keys: [{ kid: 'b', alg: 'X25519+HKDF+A256GCM', jwk: other }] };
    expect(pickSealingKey(parseKeysResponse(none))).toBeUndefined();
  });

  it('importSealingKey refuses a kid that does not name its key', async () => {
    await expect(importSealingKey({ kid: 'AAAAAAAAAAAAAAAA', alg: SEAL_ALG, jwk })).rejects.toMatchObject({ code: 'kid_mismatch' });
  });
});
