import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Office } from './context';
import { passkeyByCredential, recordPasskeyUse, takeChallenge } from './passkey-store';
import type { StaffRow } from './staff-store';
import { challengeOf, relyingParty, verifySignIn } from './webauthn';

/**
 * A passkey as the second factor of a sign-in (in place of the TOTP code).
 * The challenge is spent whatever else is wrong, so an overheard answer
 * is worth nothing afterwards. `staff` is the account whose password was
 * right (undefined when it was not): the passkey must be one of theirs.
 */
export type PasskeyFactor = { ok: true; passkeyId: string } | { ok: false; detail: 'passkey' | 'passkey_counter' };

export async function passkeyFactor(
  office: Office,
  staff: StaffRow | undefined,
  assertion: AuthenticationResponseJSON,
  now: Date,
): Promise<PasskeyFactor> {
  const refused = { ok: false, detail: 'passkey' } as const;
  const challenge = challengeOf(assertion.response.clientDataJSON);
  const fresh = challenge !== null && (await takeChallenge(office.db, challenge, 'signin', null, now));
  if (!staff || !fresh) return refused;
  const passkey = await passkeyByCredential(office.db, assertion.id);
  if (passkey?.staff_id !== staff.id) return refused;
  const counter = await verifySignIn(relyingParty(office.settings, office.port), assertion, challenge, passkey);
  if (counter === null) return refused;
  // A counter that does not move forward: a copy of the key, or another sign-in that just took this one.
  if (!(await recordPasskeyUse(office.db, passkey.id, counter, now.toISOString()))) return { ok: false, detail: 'passkey_counter' };
  return { ok: true, passkeyId: passkey.id };
}
