import { describe, expect, it, vi } from 'vitest';
import { totpCode } from '../../src/server/office/secrets';
import { inviteStaff } from '../../src/server/office/staff-store';
import { call, cookieOf, enrol, nextCode, officeServer, PASSWORD, signIn, staffAgent } from './office-helpers';
import { ENGINES, useEngines } from './intake-engines';

/** Enrolment, sign-in, sessions and lockout of the office console, on SQLite and on PostgreSQL. */
// Every sign-in runs the real scrypt (about 100 ms on a quiet core, several times that on a busy one).
vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });
const engines = useEngines();

describe.each(ENGINES)('office sign-in on %s', (engine) => {
  const server = (env: Record<string, string> = {}) => officeServer(engines, engine, env);

  it('enrols with a one-time token: start, password (not weak), TOTP code, then the token is spent', async () => {
    const s = await server();
    const { token } = (await inviteStaff(s.deps.db, 'Officer@Example.gov', 'officer', s.clock.now, 72))!;
    expect((await call(s, 'POST', 'enrolment/start', { body: { token: 'x'.repeat(43) } })).status).toBe(404);
    const start = await call(s, 'POST', 'enrolment/start', { body: { token } });
    expect(await start.json()).toEqual({ email: 'officer@example.gov', role: 'officer' });
    for (const weak of ['short pass', 'officer@example.gov', 'OFFICER@EXAMPLE.GOV']) {
      const res = await call(s, 'POST', 'enrolment/password', { body: { token, password: weak } });
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual({ error: 'weak_password' });
    }
    const pw = await call(s, 'POST', 'enrolment/password', { body: { token, password: PASSWORD } });
    const { otpauthUri, secret } = (await pw.json()) as { otpauthUri: string; secret: string };
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
    expect(otpauthUri).toContain('algorithm=SHA1&digits=6&period=30');
    const wrong = await call(s, 'POST', 'enrolment/verify', { body: { token, code: '000000' === totpCode(secret, s.clock.now.getTime()) ? '111111' : '000000' } });
    expect(wrong.status).toBe(422);
    expect(await wrong.json()).toEqual({ error: 'invalid_code' });
    const ok = await call(s, 'POST', 'enrolment/verify', { body: { token, code: totpCode(secret, s.clock.now.getTime()) } });
    expect(ok.status).toBe(204);
    expect((await call(s, 'POST', 'enrolment/start', { body: { token } })).status).toBe(404);
    expect((await signIn(s, 'officer@example.gov', secret)).status).toBe(200);
  });

  it('refuses an enrolment link after 72 hours', async () => {
    const s = await server();
    const { token } = (await inviteStaff(s.deps.db, 'late@example.gov', 'officer', s.clock.now, 72))!;
    s.advance(72 * 3_600_000 + 1000);
    expect((await call(s, 'POST', 'enrolment/start', { body: { token } })).status).toBe(404);
  });

  it('signs in with password and code: an HttpOnly, SameSite=Strict cookie (Secure outside localhost), the CSRF token, and never the same code twice', async () => {
    const s = await server();
    const { secret } = await enrol(s, 'sup@example.gov', 'supervisor');
    const res = await signIn(s, 'SUP@example.gov', secret);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { me: { email: string; role: string }; csrf: string };
    expect(body.me).toMatchObject({ email: 'sup@example.gov', role: 'supervisor' });
    const setCookie = res.headers.get('Set-Cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    // The same code again (a replay) is refused even with the right password.
    const code = totpCode(secret, s.clock.now.getTime());
    const replay = await call(s, 'POST', 'session', { body: { email: 'sup@example.gov', password: PASSWORD, code } });
    expect(replay.status).toBe(401);
    // Over HTTPS the cookie is Secure.
    const https = await s.app.request('https://intake.example.org/api/v1/office/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'sup@example.gov', password: PASSWORD, code: nextCode(s, secret) }),
    });
    expect(https.headers.get('Set-Cookie')).toMatch(/Secure/);
    const session = await call(s, 'GET', 'session', { cookie: cookieOf(res) });
    expect(await session.json()).toEqual({ me: { id: expect.any(String), email: 'sup@example.gov', role: 'supervisor' }, csrf: body.csrf });
  });

  it('answers the same 401 for an unknown e-mail, a wrong password and a wrong code, and audits without the password', async () => {
    const s = await server();
    const admin = await staffAgent(s, 'admin@example.gov', 'admin');
    const { secret } = await enrol(s, 'off@example.gov', 'officer');
    const answers = [
      await call(s, 'POST', 'session', { body: { email: 'nobody@example.gov', password: PASSWORD, code: nextCode(s, secret) } }),
      await call(s, 'POST', 'session', { body: { email: 'off@example.gov', password: 'wrong password!!', code: nextCode(s, secret) } }),
      await call(s, 'POST', 'session', { body: { email: 'off@example.gov', password: PASSWORD, code: '12345x' } }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'invalid_credentials' });
      expect(res.headers.get('Set-Cookie')).toBeNull();
    }
    const audit = await admin.call('GET', 'audit?action=signin_failed');
    const { entries } = (await audit.json()) as { entries: { detail: string | null; actor: unknown }[] };
    expect(entries).toHaveLength(3);
    expect(JSON.stringify(entries)).not.toMatch(/wrong password|nobody@/);
  });

  it('slows every failure more, locks the account after 10 for 15 minutes (429 + Retry-After), then lets the right person in', async () => {
    const s = await server();
    const { secret } = await enrol(s, 'target@example.gov', 'officer');
    for (let i = 0; i < 10; i++) {
      const res = await call(s, 'POST', 'session', { body: { email: 'target@example.gov', password: `guess number ${i}!`, code: '123456' } });
      expect(res.status).toBe(401);
    }
    // The delay before each answer grew with the failures (per account and per address).
    expect(s.slept.slice(-10)).toEqual([0, 250, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
    const locked = await signIn(s, 'target@example.gov', secret);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toEqual({ error: 'locked' });
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(14 * 60);
    s.advance(15 * 60_000);
    expect((await signIn(s, 'target@example.gov', secret)).status).toBe(200);
  });

  it('writes at most 20 failed sign-ins a minute for unknown e-mails: a guesser cannot grow the append-only log without bound', async () => {
    const s = await server();
    for (let i = 0; i < 25; i++) {
      const res = await call(s, 'POST', 'session', { body: { email: `guess${i}@example.gov`, password: PASSWORD, code: '123456' } });
      expect(res.status).toBe(401);
    }
    const [row] = await s.deps.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM office_audit WHERE action = 'signin_failed'`);
    expect(Number(row!.n)).toBe(20);
    s.advance(60_000);
    await call(s, 'POST', 'session', { body: { email: 'later@example.gov', password: PASSWORD, code: '123456' } });
    const [after] = await s.deps.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM office_audit WHERE action = 'signin_failed'`);
    expect(Number(after!.n)).toBe(21);
  });

  it('ends a session at sign-out, after 15 idle minutes, and after 12 hours however busy', async () => {
    const s = await server();
    const a = await staffAgent(s, 'a@example.gov', 'officer');
    expect((await a.call('DELETE', 'session')).status).toBe(204);
    expect((await a.call('GET', 'session')).status).toBe(401);

    const b = await staffAgent(s, 'b@example.gov', 'officer');
    s.advance(14 * 60_000);
    expect((await b.call('GET', 'session')).status).toBe(200);
    s.advance(14 * 60_000);
    expect((await b.call('GET', 'session')).status).toBe(200);
    s.advance(15 * 60_000 + 1);
    const idle = await b.call('GET', 'session');
    expect(idle.status).toBe(401);
    expect(await idle.json()).toEqual({ error: 'unauthenticated' });

    const c = await staffAgent(s, 'c@example.gov', 'officer');
    for (let i = 0; i < 12 * 6; i++) {
      s.advance(10 * 60_000);
      if ((await c.call('GET', 'session')).status !== 200) break;
    }
    expect((await c.call('GET', 'session')).status).toBe(401);
  });

  it("ends a disabled account's session at once, and an admin cannot disable or demote themself", async () => {
    const s = await server();
    const admin = await staffAgent(s, 'admin@example.gov', 'admin');
    const officer = await staffAgent(s, 'officer@example.gov', 'officer');
    expect((await officer.call('GET', 'requests')).status).toBe(200);
    const res = await admin.call('PATCH', `staff/${officer.id}`, { disabled: true });
    expect(await res.json()).toMatchObject({ id: officer.id, status: 'disabled' });
    expect((await officer.call('GET', 'requests')).status).toBe(401);
    expect((await signIn(s, officer.email, officer.secret)).status).toBe(401);
    expect((await admin.call('PATCH', `staff/${admin.id}`, { disabled: true })).status).toBe(409);
    expect((await admin.call('PATCH', `staff/${admin.id}`, { role: 'officer' })).status).toBe(409);
    // Enabled again, the officer signs in again.
    await admin.call('PATCH', `staff/${officer.id}`, { disabled: false });
    expect((await signIn(s, officer.email, officer.secret)).status).toBe(200);
  });

  it('invites through the console: a link with the token in the fragment, listed as invited until enrolled', async () => {
    const s = await server({ PUBLIC_ORIGIN: 'https://intake.example.org' });
    const admin = await staffAgent(s, 'admin@example.gov', 'admin');
    const res = await admin.call('POST', 'staff', { email: 'New@Example.gov', role: 'supervisor' });
    expect(res.status).toBe(201);
    const { id, enrolUrl } = (await res.json()) as { id: string; enrolUrl: string };
    expect(enrolUrl).toMatch(/^https:\/\/intake\.example\.org\/staff\/enrol#[A-Za-z0-9_-]{43}$/);
    expect((await admin.call('POST', 'staff', { email: 'new@example.gov', role: 'officer' })).status).toBe(409);
    const list = (await (await admin.call('GET', 'staff')).json()) as { staff: { id: string; status: string; role: string; lastSignInAt: string | null }[] };
    expect(list.staff.find((x) => x.id === id)).toEqual({ id, email: 'new@example.gov', role: 'supervisor', status: 'invited', lastSignInAt: null });
    expect(list.staff.find((x) => x.id === admin.id)?.lastSignInAt).toBe(s.clock.now.toISOString());
  });
});
