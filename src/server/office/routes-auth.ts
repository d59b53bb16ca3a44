import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import { apiError } from '../errors';
import { createRateLimiter } from '../rate-limit';
import { noStore, readBody, setSessionCookie, signedIn, signOut, type Office, type OfficeEnv } from './context';
import { LIMITS } from './model';
import { dummyPasswordHash, hashPassword, newTotpSecret, totpStep, totpUri, verifyPassword } from './secrets';
import { createSession } from './sessions';
import {
  completeEnrolment,
  enrolmentFor,
  recordFailure,
  recordPasskeySignIn,
  recordSignIn,
  setCredentials,
  staffByEmail,
  type StaffRow,
} from './staff-store';
import { delayFor } from './throttle';
import { passkeyFactor } from './passkey-factor';
import { AssertionJson } from './passkey-wire';

/**
 * Enrolment (token from the link → password → TOTP) and sign-in/out.
 * Every wrong answer to sign-in is the same 401 after the same work, so
 * it tells nothing about which part was wrong or whether the account exists.
 */

const Token = v.pipe(v.string(), v.maxLength(100));
const TotpSecretKind = 'totp';

const EnrolStart = v.object({ token: Token });
const EnrolPassword = v.object({ token: Token, password: v.pipe(v.string(), v.maxLength(LIMITS.password)) });
const EnrolVerify = v.object({ token: Token, code: v.pipe(v.string(), v.maxLength(10)) });
// The second factor is a TOTP code or a passkey's answer, exactly one of them.
const SignIn = v.union([
  v.strictObject({
    email: v.pipe(v.string(), v.maxLength(LIMITS.email)),
    password: v.pipe(v.string(), v.maxLength(LIMITS.password)),
    code: v.pipe(v.string(), v.maxLength(10)),
  }),
  v.strictObject({
    email: v.pipe(v.string(), v.maxLength(LIMITS.email)),
    password: v.pipe(v.string(), v.maxLength(LIMITS.password)),
    passkey: AssertionJson,
  }),
]);

const MIN_PASSWORD = 12;

/**
 * Failed sign-ins written to the append-only log, per account (and for all
 * unknown e-mails together) per minute: an anonymous guesser must not grow
 * a table nobody may trim. Beyond it a failure is still counted for the
 * delay and the lockout, only not written again.
 */
const FAILED_AUDITS_PER_MINUTE = 20;

/** Long enough, and not the e-mail (or its name part) in another case. */
export function weakPassword(password: string, email: string): boolean {
  const p = password.normalize('NFC');
  const lower = p.toLowerCase();
  return [...p].length < MIN_PASSWORD || lower === email.toLowerCase() || lower === email.split('@')[0]!.toLowerCase();
}

export async function totpSecretOf(office: Office, staff: StaffRow): Promise<string | null> {
  if (!staff.totp_sealed) return null;
  const opened = await office.sealer.open(staff.totp_sealed, staff.id, TotpSecretKind);
  return typeof opened === 'string' ? opened : null;
}

export function authRoutes(app: Hono<OfficeEnv>, office: Office): void {
  const me = (s: { id: string; email: string; role: string }) => ({ id: s.id, email: s.email, role: s.role });
  const failedAudits = createRateLimiter(FAILED_AUDITS_PER_MINUTE);
  const auditFailure = async (c: Context, actorId: string | null, detail: string | null) => {
    if (failedAudits.take(actorId ?? 'unknown', office.now().getTime()) === 0) {
      await office.audit(c, { actorId, action: 'signin_failed', detail });
    }
  };

  app.post('/enrolment/start', async (c) => {
    const body = await readBody(c, EnrolStart);
    if (!body.ok) return body.response;
    const staff = await enrolmentFor(office.db, body.value.token, office.now());
    if (!staff) return apiError(c, 404, 'invalid_token');
    noStore(c);
    return c.json({ email: staff.email, role: staff.role });
  });

  app.post('/enrolment/password', async (c) => {
    const body = await readBody(c, EnrolPassword);
    if (!body.ok) return body.response;
    const staff = await enrolmentFor(office.db, body.value.token, office.now());
    if (!staff) return apiError(c, 404, 'invalid_token');
    if (weakPassword(body.value.password, staff.email)) return apiError(c, 422, 'weak_password');
    const secret = newTotpSecret();
    await setCredentials(office.db, staff.id, await hashPassword(body.value.password), await office.sealer.seal(secret, staff.id, TotpSecretKind));
    noStore(c);
    return c.json({ otpauthUri: totpUri(secret, staff.email), secret });
  });

  app.post('/enrolment/verify', async (c) => {
    const body = await readBody(c, EnrolVerify);
    if (!body.ok) return body.response;
    const now = office.now();
    const staff = await enrolmentFor(office.db, body.value.token, now);
    if (!staff) return apiError(c, 404, 'invalid_token');
    const secret = await totpSecretOf(office, staff);
    const step = secret ? totpStep(secret, body.value.code.trim(), now.getTime()) : null;
    if (!secret || !staff.password_hash || step === null) return apiError(c, 422, 'invalid_code');
    if (!(await completeEnrolment(office.db, body.value.token, staff.id, step, now))) return apiError(c, 404, 'invalid_token');
    await office.audit(c, { actorId: staff.id, action: 'enrol', target: staff.id });
    return c.body(null, 204);
  });

  app.post('/session', async (c) => {
    const body = await readBody(c, SignIn);
    if (!body.ok) return body.response;
    const { email, password } = body.value;
    const address = office.client(c);
    const started = office.now();
    const staff = await staffByEmail(office.db, email);
    if (staff?.locked_until && staff.locked_until > started.toISOString()) {
      await auditFailure(c, staff.id, 'locked');
      c.header('Retry-After', String(Math.max(1, Math.ceil((Date.parse(staff.locked_until) - started.getTime()) / 1000))));
      return apiError(c, 429, 'locked');
    }
    await office.sleep(Math.max(delayFor(staff?.failed_count ?? 0), delayFor(office.failures.count(address, started.getTime()))));
    const now = office.now();
    const usable = staff?.status === 'active' && staff.password_hash ? staff : undefined;
    // The same scrypt work whether or not the account exists.
    const passwordOk = await verifyPassword(password, usable?.password_hash ?? (await dummyPasswordHash()));
    const owner = usable && passwordOk ? usable : undefined;
    let ok = false;
    let passkeyId: string | null = null;
    let failure: string | null = null;
    if ('passkey' in body.value) {
      const factor = await passkeyFactor(office, owner, body.value.passkey, now);
      if (factor.ok) passkeyId = factor.passkeyId;
      else failure = factor.detail;
      ok = !!owner && factor.ok && (await recordPasskeySignIn(office.db, owner.id, now.toISOString()));
    } else {
      const secret = owner ? await totpSecretOf(office, owner) : null;
      const step = secret ? totpStep(secret, body.value.code.trim(), now.getTime()) : null;
      ok = !!owner && step !== null && (await recordSignIn(office.db, owner.id, step, now.toISOString()));
    }
    if (!ok || !usable) {
      office.failures.fail(address, now.getTime());
      if (staff) {
        const lockUntil = new Date(now.getTime() + office.settings.lockMinutes * 60_000).toISOString();
        await recordFailure(office.db, staff.id, office.settings.lockAfter, lockUntil);
      }
      // Which factor failed is told only to the log, and only once the password was right.
      await auditFailure(c, staff?.id ?? null, staff ? (owner ? failure : null) : 'unknown_account');
      return apiError(c, 401, 'invalid_credentials');
    }
    office.failures.clear(address);
    const session = await createSession(office.db, usable.id, now, office.settings);
    setSessionCookie(c, session.token, office.settings.absoluteHours * 3600);
    await office.audit(c, { actorId: usable.id, action: 'signin', ...(passkeyId ? { target: passkeyId, detail: 'passkey' } : {}) });
    noStore(c);
    return c.json({ me: me(usable), csrf: session.csrf });
  });

  app.get('/session', signedIn(office), (c) => {
    const session = c.get('session');
    noStore(c);
    return c.json({ me: session.me, csrf: session.csrf });
  });

  app.delete('/session', signedIn(office), async (c) => {
    const session = c.get('session');
    await signOut(office, c);
    await office.audit(c, { actorId: session.me.id, action: 'signout' });
    return c.body(null, 204);
  });
}
