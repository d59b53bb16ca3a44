import type { Context, Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { checkUuid } from '../../shared/fields';
import { apiError } from '../errors';
import { noStore, readBody, signedIn, type Office, type OfficeEnv } from './context';
import { LIMITS } from './model';
import { addPasskey, CHALLENGE_LIMITS, issueChallenge, listPasskeys, passkeysOf, removePasskey, takeChallenge, type ChallengePurpose } from './passkey-store';
import { AttestationJson } from './passkey-wire';
import { stepUp } from './step-up';
import { challengeOf, registrationOptions, relyingParty, signInOptions, verifyRegistration } from './webauthn';

/**
 * Passkeys: a signed-in member adds one after proving again who they are
 * (password or a fresh TOTP code: a session left open on a desk must not
 * be enough to plant a key), lists and removes their own; and anyone may
 * ask for a sign-in challenge, from a store bounded per client and in all.
 */

const Name = v.pipe(
  v.string(),
  v.transform((s) => s.trim()),
  v.minLength(1),
  v.maxLength(LIMITS.passkeyName),
  v.regex(/^[^\p{Cc}\p{Cf}]+$/u),
);
const StepUp = v.union([
  v.object({ password: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.password)) }),
  v.object({ code: v.pipe(v.string(), v.maxLength(10)) }),
]);
const Register = v.object({ name: Name, response: AttestationJson });

const newChallenge = () => randomBytes(32).toString('base64url');

export function passkeyRoutes(app: Hono<OfficeEnv>, office: Office): void {
  const rp = () => relyingParty(office.settings, office.port);
  const member = signedIn(office);

  /** A challenge stored for this purpose, or the 503 answer when the store is full. */
  const challenge = async (c: Context, purpose: ChallengePurpose, staffId: string | null) => {
    const value = newChallenge();
    const stored = await issueChallenge(office.db, { challenge: value, purpose, staffId, client: office.client(c) }, office.now());
    return stored ? value : null;
  };
  const busy = (c: Context) => {
    c.header('Retry-After', String(CHALLENGE_LIMITS.ttlMs / 1000));
    return apiError(c, 503, 'unavailable');
  };

  app.post('/session/passkey', async (c) => {
    const value = await challenge(c, 'signin', null);
    if (!value) return busy(c);
    noStore(c);
    return c.json({ options: { ...(await signInOptions(rp())), challenge: value } });
  });

  app.get('/passkeys', member, async (c) => {
    noStore(c);
    return c.json({ passkeys: await listPasskeys(office.db, c.get('session').me.id) });
  });

  app.post('/passkeys/options', member, async (c) => {
    const body = await readBody(c, StepUp);
    if (!body.ok) return body.response;
    const me = c.get('session').me;
    const proved = await stepUp(office, c, me.id, body.value);
    if (proved !== 'ok') {
      await office.audit(c, { actorId: me.id, action: 'passkey_failed', target: me.id, detail: proved === 'wrong' ? 'step_up' : 'locked' });
      if (proved === 'wrong') return apiError(c, 403, 'step_up_failed');
      c.header('Retry-After', String(proved.lockedSeconds));
      return apiError(c, 429, 'locked');
    }
    const existing = await passkeysOf(office.db, me.id);
    if (existing.length >= LIMITS.passkeysEach) return apiError(c, 409, 'too_many_passkeys');
    const value = await challenge(c, 'register', me.id);
    if (!value) return busy(c);
    const options = await registrationOptions(rp(), me, existing);
    noStore(c);
    return c.json({ options: { ...options, challenge: value } });
  });

  app.post('/passkeys', member, async (c) => {
    const body = await readBody(c, Register);
    if (!body.ok) return body.response;
    const me = c.get('session').me;
    const now = office.now();
    const { response, name } = body.value;
    const value = challengeOf(response.response.clientDataJSON);
    const fresh = value !== null && (await takeChallenge(office.db, value, 'register', me.id, now));
    const credential = fresh ? await verifyRegistration(rp(), response, value) : null;
    const added = credential && (await addPasskey(office.db, { staffId: me.id, name, ...credential }, now));
    if (!added) {
      await office.audit(c, { actorId: me.id, action: 'passkey_failed', target: me.id, detail: credential ? 'duplicate' : 'register' });
      return apiError(c, 422, 'passkey_refused');
    }
    await office.audit(c, { actorId: me.id, action: 'passkey_add', target: added.id });
    noStore(c);
    return c.json(added, 201);
  });

  app.delete('/passkeys/:id', member, async (c) => {
    const id = c.req.param('id');
    const me = c.get('session').me;
    if (!checkUuid(id).ok || !(await removePasskey(office.db, me.id, id))) return apiError(c, 404, 'not_found');
    await office.audit(c, { actorId: me.id, action: 'passkey_remove', target: id });
    return c.body(null, 204);
  });
}
