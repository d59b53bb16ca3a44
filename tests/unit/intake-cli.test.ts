import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exportRequests } from '../../src/server/cli';
import { file, makeServer, putFile, putRequest, request, sealedFile, serverKey, sha256Hex, uuid, type TestServer } from './intake-helpers';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('npm run intake -- export', () => {
  it('writes one JSON line per received request, files as base64, mode 0600', async () => {
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
