import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { totpCode } from '../../src/server/office/secrets';
import { call, makeOfficeServer, PASSWORD, signIn, type OfficeServer } from './office-helpers';

const run = promisify(execFile);
const servers: OfficeServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('npm run intake -- staff add', () => {
  it('prints a one-time enrolment link (token in the fragment) that makes the first administrator', { timeout: 120_000 }, async () => {
    const s = await makeOfficeServer();
    servers.push(s);
    const env = { ...process.env, DATA_DIR: join(s.dir, 'data'), PUBLIC_ORIGIN: 'https://intake.example.org', LOG_LEVEL: 'silent' };
    const cli = (args: string[]) => run('npx', ['tsx', 'src/server/cli.ts', 'staff', ...args], { env });
    const { stdout } = await cli(['add', '--email', 'First.Admin@Example.gov', '--role', 'admin']);
    const link = /https:\/\/intake\.example\.org\/staff\/enrol#([A-Za-z0-9_-]{43})\s*$/.exec(stdout);
    expect(link).not.toBeNull();
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
    const token = link![1]!;
    expect(await (await call(s, 'POST', 'enrolment/start', { body: { token } })).json()).toEqual({ email: 'first.admin@example.gov', role: 'admin' });
    const { secret } = (await (await call(s, 'POST', 'enrolment/password', { body: { token, password: PASSWORD } })).json()) as { secret: string };
    expect((await call(s, 'POST', 'enrolment/verify', { body: { token, code: totpCode(secret, s.clock.now.getTime()) } })).status).toBe(204);
    expect(await (await signIn(s, 'first.admin@example.gov', secret)).json()).toMatchObject({ me: { role: 'admin' } });
    // The same e-mail twice, or a role that does not exist, is refused with a message and exit code 2.
    await expect(cli(['add', '--email', 'first.admin@example.gov', '--role', 'admin'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/already has an account/) });
    await expect(cli(['add', '--email', 'x@example.gov', '--role', 'root'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/usage/) });
  });
});
