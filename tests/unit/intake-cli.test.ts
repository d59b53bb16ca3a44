import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportRequests } from '../../src/server/cli';
import { openIntake } from '../../src/server/intake-setup';
import { createApp } from '../../src/server/app';
import { keysDir } from '../../src/server/keys';
import { file, makeServer, putFile, putRequest, request, sealedFile, serverKey, sha256Hex, uuid, type TestServer } from './intake-helpers';

const servers: TestServer[] = [];
// Each test starts the command line in a child process (tsx compiles it first): seconds on a busy machine.
const CLI_TEST_MS = 60_000;
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('npm run intake -- export', () => {
  it('writes one JSON line per received request, files as base64, mode 0600', { timeout: CLI_TEST_MS }, async () => {
    const s = await makeServer();
    servers.push(s);
    const key = await serverKey(s);
    const one = uuid();
    const two = uuid();
    const f = file('a scanned letter');
    expect((await putFile(s, two, f.id, await sealedFile(two, f, key))).status).toBe(200);
    expect((await putRequest(s, one, request(one), key)).status).toBe(201);
    expect((await putRequest(s, two, request(two, [f]), key)).status).toBe(201);

    const out = join(s.dir, 'export.jsonl');
    expect(await exportRequests(s.deps, out)).toBe(2);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id).sort()).toEqual([one, two].sort());
    const withFile = lines.find((l) => l.id === two);
    expect(withFile).toMatchObject({ confirmation: expect.any(String), receivedAt: expect.any(String), formTypes: ['I-485'] });
    expect(withFile.request.person.familyName).toBe('García López');
    expect(sha256Hex(Buffer.from(withFile.attachments[0].data, 'base64'))).toBe(f.ref.sha256);

    // Never over an existing file, even its own earlier export.
    await expect(exportRequests(s.deps, out)).rejects.toThrow(/EEXIST/);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(2);
    rmSync(out);
    expect(await exportRequests(s.deps, out, '2099-01-01T00:00:00Z')).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('');
    rmSync(out);

    // The command line itself, against the same data folder.
    const printed = execFileSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'export', '--out', out, '--since', '2025-01-01'], {
      env: { ...process.env, DATA_DIR: s.deps.settings.dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(printed).toContain('exported 2 request(s)');
    expect(printed).not.toContain('García');
  });
});

describe('npm run intake -- rotate-index-key', () => {
  const withANumber = (id: string, aNumber: string) => {
    const base = request(id);
    return { ...base, person: { ...(base.person as object), aNumber } };
  };

  it('puts a new key first, keeps the old one, and requests from before and after are both found', { timeout: CLI_TEST_MS }, async () => {
    const s = await makeServer();
    servers.push(s);
    const dataDir = s.deps.settings.dataDir;
    const keyFile = join(keysDir(dataDir), 'index-keys');
    const before = readFileSync(keyFile, 'utf8').trim().split('\n');
    expect(before).toHaveLength(1);
    const old = uuid();
    expect((await putRequest(s, old, withANumber(old, 'A012345678'), await serverKey(s))).status).toBe(201);

    const printed = execFileSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'rotate-index-key'], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(printed).toContain('new current index key');
    const after = readFileSync(keyFile, 'utf8').trim().split('\n');
    expect(after).toHaveLength(2);
    expect(after[1]).toBe(before[0]);
    expect(after[0]).not.toBe(before[0]);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    // The server restarted on the same folder: the new key indexes, every key searches.
    await s.deps.db.close();
    const restarted = await openIntake(s.deps.settings);
    try {
      const fresh = uuid();
      const app = { ...s, deps: { ...s.deps, ...restarted }, app: createApp({ ...s.deps, ...restarted }) };
      expect((await putRequest(app, fresh, withANumber(fresh, 'A087654321'), await serverKey(app))).status).toBe(201);
      expect((await restarted.store.findBy('a_number', '12345678')).map((r) => r.id)).toEqual([old]);
      expect((await restarted.store.findBy('a_number', '87654321')).map((r) => r.id)).toEqual([fresh]);
      const digests = await restarted.db.query<{ digest: string }>('SELECT digest FROM request_lookup');
      expect(new Set(digests.map((d) => d.digest)).size).toBe(digests.length);
    } finally {
      await restarted.db.close();
      rmSync(s.dir, { recursive: true, force: true });
      servers.splice(servers.indexOf(s), 1);
    }
  });

  it('refuses when the keys come from INDEX_KEYS, and changes no file', { timeout: CLI_TEST_MS }, () => {
    const dir = join(tmpdir(), `ombuds-cli-${uuid()}`);
    try {
      expect(() =>
        execFileSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'rotate-index-key'], {
          env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent', INDEX_KEYS: JSON.stringify([Buffer.alloc(32, 7).toString('base64url')]) },
          encoding: 'utf8',
          stdio: 'pipe',
        }),
      ).toThrow(/INDEX_KEYS is set: put a new key first in it instead/);
      expect(existsSync(join(dir, 'keys', 'index-keys'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
