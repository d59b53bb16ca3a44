import { describe, expect, it, vi } from 'vitest';
import { relyingParty } from '../../src/server/office/webauthn';
import { readOfficeSettings } from '../../src/server/office/settings';
import { CHALLENGE_LIMITS } from '../../src/server/office/passkey-store';
import { call, cookieOf, nextCode, officeServer, PASSWORD, staffAgent, type OfficeServer, type StaffAgent } from './office-helpers';
import { ENGINES, useEngines } from './intake-engines';
import { SoftAuthenticator } from './passkey-authenticator';

/** Passkeys as the second factor of the office console, on SQLite and on PostgreSQL, with a software authenticator. */
vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });
const engines = useEngines();

const rpOf = (s: OfficeServer) => {
  const rp = relyingParty(readOfficeSettings({}), s.deps.settings.port);
  return { origin: rp.origin, rpId: rp.id };
};

async function registrationChallenge(agent: StaffAgent, proof: { password: string } | { code: string } = { password: PASSWORD }) {
  const res = await agent.call('POST', 'passkeys/options', proof);
  expect(res.status).toBe(200);
  const { options } = (await res.json()) as { options: { challenge: string; rp: { id: string }; authenticatorSelection: Record<string, string> } };
  return options;
}

/** Step-up, then the authenticator's answer: the passkey is registered. */
async function addPasskey(s: OfficeServer, agent: StaffAgent, key: SoftAuthenticator, name = 'Desk laptop') {
  const options = await registrationChallenge(agent);
  const res = await agent.call('POST', 'passkeys', { name, response: key.register({ challenge: options.challenge, ...rpOf(s) }) });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

async function signInChallenge(s: OfficeServer): Promise<string> {
  const res = await call(s, 'POST', 'session/passkey', { body: {} });
  expect(res.status).toBe(200);
  expect(res.headers.get('Cache-Control')).toBe('no-store');
  const { options } = (await res.json()) as { options: { challenge: string; userVerification: string; rpId: string } };
  expect(options.userVerification).toBe('required');
  expect(options.rpId).toBe('localhost');
  return options.challenge;
}

const passkeySignIn = (s: OfficeServer, email: string, passkey: unknown, password = PASSWORD) =>
  call(s, 'POST', 'session', { body: { email, password, passkey } });

async function auditRows(s: OfficeServer, action: string) {
  return s.deps.db.query<{ actor_id: string | null; target: string | null; detail: string | null }>(
    'SELECT actor_id, target, detail FROM office_audit WHERE action = $1 ORDER BY id',
    [action],
  );
}

describe.each(ENGINES)('office passkeys on %s', (engine) => {
  const server = () => officeServer(engines, engine);

  it('adds a passkey after a password step-up, signs in with password + passkey, lists and removes it; every step audited', async () => {
    const s = await server();
    const officer = await staffAgent(s, 'officer@example.gov', 'officer');
    const key = new SoftAuthenticator();
    const options = await registrationChallenge(officer);
    expect(options.rp.id).toBe('localhost');
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    const added = await officer.call('POST', 'passkeys', { name: '  Desk laptop ', response: key.register({ challenge: options.challenge, ...rpOf(s) }) });
    expect(added.status).toBe(201);
    const passkey = (await added.json()) as { id: string; name: string };
    expect(passkey.name).toBe('Desk laptop');

    const challenge = await signInChallenge(s);
    const res = await passkeySignIn(s, 'officer@example.gov', key.assert({ challenge, ...rpOf(s) }));
    expect(res.status).toBe(200);
    const cookie = cookieOf(res);
    expect((await call(s, 'GET', 'session', { cookie })).status).toBe(200);

    const list = (await (await officer.call('GET', 'passkeys')).json()) as { passkeys: { id: string; name: string; lastUsedAt: string | null }[] };
    expect(list.passkeys).toEqual([{ id: passkey.id, name: 'Desk laptop', createdAt: expect.any(String), lastUsedAt: s.clock.now.toISOString() }]);
    expect(JSON.stringify(list)).not.toContain(key.id);

    expect((await officer.call('DELETE', `passkeys/${passkey.id}`)).status).toBe(204);
    expect((await officer.call('DELETE', `passkeys/${passkey.id}`)).status).toBe(404);
    const after = await passkeySignIn(s, 'officer@example.gov', key.assert({ challenge: await signInChallenge(s), ...rpOf(s) }));
    expect(after.status).toBe(401);

    expect(await auditRows(s, 'passkey_add')).toEqual([{ actor_id: officer.id, target: passkey.id, detail: null }]);
    expect(await auditRows(s, 'passkey_remove')).toEqual([{ actor_id: officer.id, target: passkey.id, detail: null }]);
    expect((await auditRows(s, 'signin')).filter((r) => r.detail === 'passkey')).toEqual([{ actor_id: officer.id, target: passkey.id, detail: 'passkey' }]);
    expect((await auditRows(s, 'signin_failed')).at(-1)).toEqual({ actor_id: officer.id, target: null, detail: 'passkey' });
  });

  it('asks for the password or a fresh TOTP code before adding one; a wrong one is refused, audited and counted', async () => {
    const s = await server();
    const officer = await staffAgent(s, 'officer@example.gov', 'officer');
    const wrong = await officer.call('POST', 'passkeys/options', { password: 'not the password' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ error: 'step_up_failed' });
    expect(await auditRows(s, 'passkey_failed')).toEqual([{ actor_id: officer.id, target: officer.id, detail: 'step_up' }]);
    const [row] = await s.deps.db.query<{ failed_count: number }>('SELECT failed_count FROM office_staff WHERE id = $1', [officer.id]);
    expect(row!.failed_count).toBe(1);
    // The code the sign-in used is spent: no step-up with it.
    expect((await officer.call('POST', 'passkeys/options', { code: '123456' })).status).toBe(403);
    const code = nextCode(s, officer.secret);
    expect((await officer.call('POST', 'passkeys/options', { code })).status).toBe(200);
    // …and the code is spent by the step-up: it cannot sign in afterwards.
    const replay = await call(s, 'POST', 'session', { body: { email: officer.email, password: PASSWORD, code } });
    expect(replay.status).toBe(401);
    expect((await officer.call('POST', 'passkeys/options', {})).status).toBe(422);
    // Guessing the password through the session locks the account like failed sign-ins do (10 failures), and then stops.
    const [{ failed_count: failedSoFar }] = (await s.deps.db.query<{ failed_count: number }>('SELECT failed_count FROM office_staff WHERE id = $1', [officer.id])) as [{ failed_count: number }];
    expect(failedSoFar).toBe(3);
    for (let i = failedSoFar; i < 10; i++) expect((await officer.call('POST', 'passkeys/options', { password: `guess number ${i}` })).status).toBe(403);
    const locked = await officer.call('POST', 'passkeys/options', { password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(await locked.json()).toEqual({ error: 'locked' });
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await auditRows(s, 'passkey_failed')).at(-1)).toEqual({ actor_id: officer.id, target: officer.id, detail: 'locked' });
  });

  it('answers 401 without a session and 403 without the CSRF token, on every passkey change', async () => {
    const s = await server();
    const officer = await staffAgent(s, 'officer@example.gov', 'officer');
    const key = new SoftAuthenticator();
    const passkey = await addPasskey(s, officer, key);
    const body = { password: PASSWORD };
    expect((await call(s, 'GET', 'passkeys')).status).toBe(401);
    expect((await call(s, 'POST', 'passkeys/options', { body })).status).toBe(401);
    expect((await call(s, 'POST', 'passkeys', { body: { name: 'x', response: {} } })).status).toBe(401);
    expect((await call(s, 'DELETE', `passkeys/${passkey.id}`)).status).toBe(401);
    const noCsrf = { cookie: officer.cookie };
    expect((await call(s, 'POST', 'passkeys/options', { body, ...noCsrf })).status).toBe(403);
    expect((await call(s, 'POST', 'passkeys', { body: { name: 'x', response: {} }, ...noCsrf })).status).toBe(403);
    expect((await call(s, 'DELETE', `passkeys/${passkey.id}`, noCsrf)).status).toBe(403);
    // A cross-site page: its Origin is not ours.
    const crossSite = await call(s, 'POST', 'passkeys/options', { body, cookie: officer.cookie, csrf: officer.csrf, headers: { Origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect((await officer.call('GET', 'passkeys')).status).toBe(200);
  });

  it('refuses a replayed challenge, another origin or RP id, no user verification, a stale challenge and a counter that goes back', async () => {
    const s = await server();
    const officer = await staffAgent(s, 'officer@example.gov', 'officer');
    const key = new SoftAuthenticator();
    await addPasskey(s, officer, key);
    const email = officer.email;

    const challenge = await signInChallenge(s);
    const answer = key.assert({ challenge, ...rpOf(s) });
    expect((await passkeySignIn(s, email, answer)).status).toBe(200);
    expect((await passkeySignIn(s, email, answer)).status).toBe(401);
    // A challenge the server never gave.
    expect((await passkeySignIn(s, email, key.assert({ challenge: 'A'.repeat(43), ...rpOf(s) }))).status).toBe(401);
    expect((await passkeySignIn(s, email, key.assert({ challenge: await signInChallenge(s), ...rpOf(s), origin: 'https://evil.example' }))).status).toBe(401);
    expect((await passkeySignIn(s, email, key.assert({ challenge: await signInChallenge(s), ...rpOf(s), rpId: 'evil.example' }))).status).toBe(401);
    expect((await passkeySignIn(s, email, key.assert({ challenge: await signInChallenge(s), ...rpOf(s), uv: false }))).status).toBe(401);
    const stale = await signInChallenge(s);
    s.advance(CHALLENGE_LIMITS.ttlMs + 1000);
    expect((await passkeySignIn(s, email, key.assert({ challenge: stale, ...rpOf(s) }))).status).toBe(401);
    // The right passkey with a wrong password.
    expect((await passkeySignIn(s, email, key.assert({ challenge: await signInChallenge(s), ...rpOf(s) }), 'wrong password!!')).status).toBe(401);
    // A clone: a counter at or below the last one seen.
    const [seen] = await s.deps.db.query<{ counter: number }>('SELECT counter FROM office_passkeys');
    expect(seen!.counter).toBe(1);
    const clone = key.assert({ challenge: await signInChallenge(s), ...rpOf(s), counter: 1 });
    expect((await passkeySignIn(s, email, clone)).status).toBe(401);
    expect((await auditRows(s, 'signin_failed')).at(-1)).toEqual({ actor_id: officer.id, target: null, detail: 'passkey_counter' });
    // The genuine key, moving on, still works.
    expect((await passkeySignIn(s, email, key.assert({ challenge: await signInChallenge(s), ...rpOf(s) }))).status).toBe(200);
    // A TOTP code and a passkey together, or neither: not a sign-in body.
    const both = { email, password: PASSWORD, code: '123456', passkey: key.assert({ challenge: await signInChallenge(s), ...rpOf(s) }) };
    expect((await call(s, 'POST', 'session', { body: both })).status).toBe(422);
    expect((await call(s, 'POST', 'session', { body: { email, password: PASSWORD } })).status).toBe(422);
  });

  it("refuses another member's passkey with one's own password, and a registration answering someone else's challenge", async () => {
    const s = await server();
    const a = await staffAgent(s, 'a@example.gov', 'officer');
    const b = await staffAgent(s, 'b@example.gov', 'officer');
    const keyA = new SoftAuthenticator();
    const keyB = new SoftAuthenticator();
    await addPasskey(s, a, keyA);
    await addPasskey(s, b, keyB);
    const res = await passkeySignIn(s, a.email, keyB.assert({ challenge: await signInChallenge(s), ...rpOf(s) }));
    expect(res.status).toBe(401);

    // B's registration challenge answered inside A's session.
    const optionsB = await registrationChallenge(b);
    const stolen = await a.call('POST', 'passkeys', { name: 'Stolen', response: new SoftAuthenticator().register({ challenge: optionsB.challenge, ...rpOf(s) }) });
    expect(stolen.status).toBe(422);
    expect(await stolen.json()).toEqual({ error: 'passkey_refused' });
    // A sign-in challenge is not a registration one, a wrong origin is refused, and a challenge registers once.
    const key = new SoftAuthenticator();
    expect((await a.call('POST', 'passkeys', { name: 'X', response: key.register({ challenge: await signInChallenge(s), ...rpOf(s) }) })).status).toBe(422);
    const options = await registrationChallenge(a);
    expect((await a.call('POST', 'passkeys', { name: 'X', response: key.register({ challenge: options.challenge, ...rpOf(s), origin: 'https://evil.example' }) })).status).toBe(422);
    const again = await registrationChallenge(a);
    const good = key.register({ challenge: again.challenge, ...rpOf(s) });
    expect((await a.call('POST', 'passkeys', { name: 'Phone', response: good })).status).toBe(201);
    expect((await a.call('POST', 'passkeys', { name: 'Phone', response: good })).status).toBe(422);
    // Without user verification.
    const noUv = await registrationChallenge(a);
    expect((await a.call('POST', 'passkeys', { name: 'Y', response: new SoftAuthenticator().register({ challenge: noUv.challenge, ...rpOf(s), uv: false }) })).status).toBe(422);
    // A name made of control characters is bad input.
    const named = await registrationChallenge(a);
    expect((await a.call('POST', 'passkeys', { name: '\u0007', response: new SoftAuthenticator().register({ challenge: named.challenge, ...rpOf(s) }) })).status).toBe(422);
    expect((await auditRows(s, 'passkey_failed')).map((r) => r.detail)).toEqual(['register', 'register', 'register', 'register', 'register']);
  });

  it('holds a bounded number of sign-in challenges: per client its newest, and 503 + Retry-After when the store is full', async () => {
    const s = await server();
    const first = await signInChallenge(s);
    for (let i = 0; i < CHALLENGE_LIMITS.perClient + 5; i++) await signInChallenge(s);
    const [held] = await s.deps.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM office_passkey_challenges');
    expect(held!.n).toBe(CHALLENGE_LIMITS.perClient);
    const officer = await staffAgent(s, 'officer@example.gov', 'officer');
    const key = new SoftAuthenticator();
    await addPasskey(s, officer, key);
    // The oldest was pushed out by the same client's newer ones.
    expect((await passkeySignIn(s, officer.email, key.assert({ challenge: first, ...rpOf(s) }))).status).toBe(401);

    const expires = new Date(s.clock.now.getTime() + 60_000).toISOString();
    const rows = Array.from({ length: CHALLENGE_LIMITS.total }, (_, i) => `('c${i}', 'signin', 'client-${i}', '${s.clock.now.toISOString()}', '${expires}')`);
    await s.deps.db.exec(`INSERT INTO office_passkey_challenges (challenge, purpose, client, created_at, expires_at) VALUES ${rows.join(', ')}`);
    const full = await call(s, 'POST', 'session/passkey', { body: {} });
    expect(full.status).toBe(503);
    expect(full.headers.get('Retry-After')).toBe(String(CHALLENGE_LIMITS.ttlMs / 1000));
    // Once they expire, challenges are given again.
    s.advance(61_000);
    expect((await call(s, 'POST', 'session/passkey', { body: {} })).status).toBe(200);
  });

  it('lets an administrator reset a member who lost their second factor: sessions end, passkeys go, a new enrolment link works', async () => {
    const s = await server();
    const admin = await staffAgent(s, 'admin@example.gov', 'admin');
    const officer = await staffAgent(s, 'officer@example.gov', 'officer');
    const key = new SoftAuthenticator();
    await addPasskey(s, officer, key);
    expect((await officer.call('POST', `staff/${officer.id}/reset`, {})).status).toBe(403);
    expect((await admin.call('POST', `staff/${admin.id}/reset`, {})).status).toBe(409);
    const res = await admin.call('POST', `staff/${officer.id}/reset`, {});
    expect(res.status).toBe(200);
    const { enrolUrl } = (await res.json()) as { enrolUrl: string };
    expect(enrolUrl).toMatch(/\/staff\/enrol#[\w-]{43}$/);
    expect((await officer.call('GET', 'passkeys')).status).toBe(401);
    expect((await passkeySignIn(s, officer.email, key.assert({ challenge: await signInChallenge(s), ...rpOf(s) }))).status).toBe(401);
    const [count] = await s.deps.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM office_passkeys WHERE staff_id = $1', [officer.id]);
    expect(count!.n).toBe(0);
    const token = enrolUrl.split('#')[1]!;
    expect(await (await call(s, 'POST', 'enrolment/start', { body: { token } })).json()).toEqual({ email: officer.email, role: 'officer' });
    expect(await auditRows(s, 'staff_reset')).toEqual([{ actor_id: admin.id, target: officer.id, detail: null }]);
  });

  it('refuses a disabled account signing in with its passkey', async () => {
    const s = await server();
    const admin = await staffAgent(s, 'admin@example.gov', 'admin');
    const officer = await staffAgent(s, 'officer@example.gov', 'officer');
    const key = new SoftAuthenticator();
    await addPasskey(s, officer, key);
    expect((await admin.call('PATCH', `staff/${officer.id}`, { disabled: true })).status).toBe(200);
    expect((await officer.call('GET', 'passkeys')).status).toBe(401);
    expect((await passkeySignIn(s, officer.email, key.assert({ challenge: await signInChallenge(s), ...rpOf(s) }))).status).toBe(401);
  });
});
