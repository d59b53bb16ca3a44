/** The office console's tests: a real app on either engine with a movable clock, staff enrolled through the API, a cookie jar. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app';
import type { AppDeps } from '../../src/server/types';
import { eventRoutes } from '../../src/server/events';
import { intakeRoutes } from '../../src/server/intake';
import { openIntake } from '../../src/server/intake-setup';
import { keysRoutes } from '../../src/server/keys-routes';
import type { Role } from '../../src/server/office/model';
import { officeRoutes } from '../../src/server/office/routes';
import { totpCode } from '../../src/server/office/secrets';
import { readOfficeSettings } from '../../src/server/office/settings';
import { inviteStaff } from '../../src/server/office/staff-store';
import { readSettings } from '../../src/server/settings';
import { staffRoutes } from '../../src/server/staff';
import { feedbackRoutes } from '../../src/server/hearing/feedback-routes';
import { followUpRoutes } from '../../src/server/hearing/follow-up-routes';
import { statusRoutes } from '../../src/server/hearing/status-routes';
import { NOW, TOKEN, type TestServer } from './intake-helpers';
import type { Engine, useEngines } from './intake-engines';

export const BASE = 'http://localhost/api/v1/office/';

export interface OfficeServer extends TestServer {
  clock: { now: Date };
  /** Every growing delay the sign-in asked for, in ms. */
  slept: number[];
  advance(ms: number): void;
}

export async function makeOfficeServer(env: Record<string, string> = {}): Promise<OfficeServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-office-'));
  const all = { DATA_DIR: join(dir, 'data'), DIST_DIR: join(dir, 'no-dist'), INTAKE_TOKEN: TOKEN, ...env };
  const opened = await openIntake(readSettings(all), all);
  const clock = { now: new Date(NOW) };
  const slept: number[] = [];
  const deps: AppDeps = { ...opened, now: () => clock.now };
  const office = officeRoutes({ settings: readOfficeSettings(all), sleep: async (ms) => void slept.push(ms) });
  return {
    app: createApp(deps, [keysRoutes, intakeRoutes, staffRoutes, eventRoutes, office, statusRoutes, followUpRoutes, feedbackRoutes]),
    deps,
    dir,
    clock,
    slept,
    advance: (ms) => void (clock.now = new Date(clock.now.getTime() + ms)),
    async close() {
      await opened.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An office server on `engine` (a fresh database on PostgreSQL), closed after the test by `useEngines`. */
export async function officeServer(engines: ReturnType<typeof useEngines>, engine: Engine, env: Record<string, string> = {}): Promise<OfficeServer> {
  const s = await makeOfficeServer(engine === 'postgres' ? { DATABASE_URL: await engines.cluster().newDatabase(), ...env } : env);
  engines.track(s);
  return s;
}

export interface CallOptions {
  body?: unknown;
  cookie?: string | null;
  csrf?: string | null;
  headers?: Record<string, string>;
}

export async function call(s: OfficeServer, method: string, path: string, o: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.body !== undefined) headers['Content-Type'] ??= 'application/json';
  if (o.cookie) headers.Cookie = `office_session=${o.cookie}`;
  if (o.csrf) headers['X-CSRF-Token'] = o.csrf;
  return s.app.request(BASE + path, {
    method,
    headers,
    ...(o.body !== undefined ? { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) } : {}),
  });
}

export const cookieOf = (res: Response) => /office_session=([^;]*)/.exec(res.headers.get('Set-Cookie') ?? '')?.[1] ?? null;

export interface StaffAgent {
  id: string;
  email: string;
  role: Role;
  password: string;
  secret: string;
  cookie: string;
  csrf: string;
  /** A call with this agent's cookie and CSRF token. */
  call(method: string, path: string, body?: unknown): Promise<Response>;
}

export const PASSWORD = 'correct horse battery staple';

/** Invites (as the CLI does) and enrols through the API; not signed in. */
export async function enrol(s: OfficeServer, email: string, role: Role): Promise<{ id: string; secret: string; token: string }> {
  const invited = (await inviteStaff(s.deps.db, email, role, s.clock.now, 72))!;
  const token = invited.token;
  const pw = await call(s, 'POST', 'enrolment/password', { body: { token, password: PASSWORD } });
  if (pw.status !== 200) throw new Error(`enrolment/password ${pw.status}`);
  const { secret } = (await pw.json()) as { secret: string };
  const verify = await call(s, 'POST', 'enrolment/verify', { body: { token, code: totpCode(secret, s.clock.now.getTime()) } });
  if (verify.status !== 204) throw new Error(`enrolment/verify ${verify.status}`);
  return { id: invited.id, secret, token };
}

/** The next TOTP step's code: a code is taken once, so every sign-in moves the clock 30 s. */
export function nextCode(s: OfficeServer, secret: string): string {
  s.advance(30_000);
  return totpCode(secret, s.clock.now.getTime());
}

export async function signIn(s: OfficeServer, email: string, secret: string, password = PASSWORD): Promise<Response> {
  return call(s, 'POST', 'session', { body: { email, password, code: nextCode(s, secret) } });
}

export async function staffAgent(s: OfficeServer, email: string, role: Role): Promise<StaffAgent> {
  const { id, secret } = await enrol(s, email, role);
  const res = await signIn(s, email, secret);
  if (res.status !== 200) throw new Error(`sign-in ${res.status}`);
  const { csrf } = (await res.json()) as { csrf: string };
  const cookie = cookieOf(res)!;
  return { id, email, role, password: PASSWORD, secret, cookie, csrf, call: (method, path, body) => call(s, method, path, { body, cookie, csrf }) };
}
