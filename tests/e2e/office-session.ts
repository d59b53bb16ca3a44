/**
 * Staff accounts for browser tests against the real server: made by the
 * CLI as an administrator would, and, for tests that need the office but
 * do not test its enrolment, enrolled and signed in through the API.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as OTPAuth from 'otpauth';
import { expect } from 'vitest';
import type { Role } from '../../src/server/office/model';
import type { RunningServer } from './harness';

const run = promisify(execFile);

export const STAFF_PASSWORD = 'lantern orchard pebble river';

/** Runs `intake staff add` on the server's data folder; returns the enrolment link it prints. */
export async function addStaff(server: RunningServer, email: string, role: Role, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run('npm', ['run', '--silent', 'intake', '--', 'staff', 'add', '--email', email, '--role', role], {
    env: { ...process.env, DATA_DIR: server.dataDir, PORT: String(server.port), LOG_LEVEL: 'silent', ...env },
  });
  const link = /\S+\/staff\/enrol#\S+/.exec(stdout)?.[0];
  expect(link, stdout).toBeTruthy();
  return link!;
}

/**
 * An authenticator app set up with `secret`. The server takes each code
 * once, so every call gives a code not given before, waiting for the next
 * period when this period's code was.
 */
export function authenticator(secret: string): () => Promise<string> {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  const given = new Set<string>();
  return async () => {
    await expect.poll(() => !given.has(totp.generate()), { timeout: 35_000, interval: 500 }).toBe(true);
    const code = totp.generate();
    given.add(code);
    return code;
  };
}

/** The office console's API as a signed-in staff member uses it: session cookie and CSRF header. */
export interface OfficeSession {
  call(method: string, path: string, body?: unknown): Promise<Response>;
}

/** A `role@agency.example` account made by the CLI, enrolled with password and TOTP, signed in. */
export async function officeSession(server: RunningServer, role: Role): Promise<OfficeSession> {
  const email = `${role}@agency.example`;
  const link = await addStaff(server, email, role);
  const token = link.slice(link.indexOf('#') + 1);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1/office/${path}`, { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) } });
  const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });
  expect((await post('enrolment/start', { token })).status).toBe(200);
  const { secret } = (await (await post('enrolment/password', { token, password: STAFF_PASSWORD })).json()) as { secret: string };
  const code = authenticator(secret);
  expect((await post('enrolment/verify', { token, code: await code() })).status).toBe(204);
  const session = await post('session', { email, password: STAFF_PASSWORD, code: await code() });
  expect(session.status).toBe(200);
  const { csrf } = (await session.json()) as { csrf: string };
  const cookie = /office_session=[^;]*/.exec(session.headers.get('Set-Cookie') ?? '')![0];
  return {
    call: (method, path, body) =>
      api(path, { method, headers: { Cookie: cookie, 'X-CSRF-Token': csrf }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
  };
}
