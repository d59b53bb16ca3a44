import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { PasskeyRow } from './passkey-store';
import type { OfficeSettings } from './settings';

/**
 * The WebAuthn ceremonies, as this office runs them: the relying party is
 * the server's public origin (PUBLIC_ORIGIN, else http://localhost:PORT,
 * as enrolment links are), user verification is always required (the
 * passkey stands in for the TOTP code, so it must be the person, not
 * just someone holding the device), and no attestation is asked for.
 */

export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

export function relyingParty(settings: OfficeSettings, port: number): RelyingParty {
  const origin = settings.publicOrigin ?? `http://localhost:${port}`;
  return { id: new URL(origin).hostname, origin, name: 'CIS Ombudsman office console' };
}

const TIMEOUT_MS = 60_000;

/**
 * Loaded at the first ceremony, not at start: with its ASN.1 and CBOR
 * parsers it is ~21 MB of the process's resident memory, which a server
 * that only takes requests (or has not seen a passkey yet) does not need.
 * Resolved at start all the same (without loading it), so a deployment
 * missing it fails when it starts, not at an officer's first sign-in.
 */
import.meta.resolve('@simplewebauthn/server');
const library = () => import('@simplewebauthn/server');

export async function registrationOptions(
  rp: RelyingParty,
  user: { id: string; email: string },
  existing: readonly PasskeyRow[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { generateRegistrationOptions } = await library();
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userID: new TextEncoder().encode(user.id),
    timeout: TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id })),
    // Discoverable: signing in offers the passkeys on the device without the server naming whose they are.
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
}

export async function signInOptions(rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { generateAuthenticationOptions } = await library();
  return generateAuthenticationOptions({ rpID: rp.id, timeout: TIMEOUT_MS, userVerification: 'required' });
}

/** The challenge the browser says it signed, to find (and spend) before verifying; null when unreadable. */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
    return typeof data.challenge === 'string' && data.challenge.length > 0 && data.challenge.length <= 200 ? data.challenge : null;
  } catch {
    return null;
  }
}

export interface VerifiedCredential {
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
}

/** What every answer from a browser must hold to: the challenge given, this origin and relying party, the person verified. */
function expectations(rp: RelyingParty, challenge: string) {
  return { expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: true };
}

/** The new credential, or null when the response is not a good answer to `challenge` here. */
export async function verifyRegistration(rp: RelyingParty, response: RegistrationResponseJSON, challenge: string): Promise<VerifiedCredential | null> {
  const { verifyRegistrationResponse } = await library();
  try {
    const result = await verifyRegistrationResponse({ response, ...expectations(rp, challenge) });
    if (!result.verified) return null;
    const { credential } = result.registrationInfo;
    return { credentialId: credential.id, publicKey: credential.publicKey, counter: credential.counter, transports: credential.transports ?? [] };
  } catch {
    // Malformed, wrong origin or RP, unsupported algorithm: all the same refusal.
    return null;
  }
}

/** The authenticator's counter as it says now, or null when the assertion does not hold for this passkey and challenge. */
export async function verifySignIn(rp: RelyingParty, response: AuthenticationResponseJSON, challenge: string, passkey: PasskeyRow): Promise<number | null> {
  const { verifyAuthenticationResponse } = await library();
  try {
    const result = await verifyAuthenticationResponse({
      response,
      ...expectations(rp, challenge),
      // The counter is checked by the store's guarded update (passkey-store.ts), in one place and atomically.
      credential: { id: passkey.credential_id, publicKey: new Uint8Array(passkey.public_key), counter: 0 },
    });
    return result.verified ? result.authenticationInfo.newCounter : null;
  } catch {
    return null;
  }
}
