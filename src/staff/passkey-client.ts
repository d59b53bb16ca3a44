/**
 * The browser's half of passkeys: the server's options in, the
 * authenticator's answer out (@simplewebauthn/browser does the encoding).
 * Only the console's page imports this, so the applicant's pages never load it.
 */
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { ApiError, type Api } from './api';
import type { Passkey, Session } from './types';

export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

/** The person closed the browser's prompt, or it timed out: nothing happened, they may try again. */
function cancelled(error: unknown): ApiError {
  const name = (error as { name?: unknown } | null)?.name;
  return new ApiError(0, name === 'InvalidStateError' ? 'passkey_exists' : 'passkey_cancelled');
}

/** Password (or a fresh code) again, then the device makes a passkey, then the server keeps it. */
export async function addPasskey(api: Api, name: string, proof: { password: string } | { code: string }): Promise<Passkey> {
  const { options } = await api.send<{ options: PublicKeyCredentialCreationOptionsJSON }>('POST', 'passkeys/options', proof);
  let response;
  try {
    response = await startRegistration({ optionsJSON: options });
  } catch (error) {
    throw cancelled(error);
  }
  return api.send<Passkey>('POST', 'passkeys', { name, response });
}

/** The second factor of a sign-in: the device answers a fresh challenge, sent with the e-mail and password. */
export async function signInWithPasskey(api: Api, email: string, password: string): Promise<Session> {
  const { options } = await api.send<{ options: PublicKeyCredentialRequestOptionsJSON }>('POST', 'session/passkey', {});
  let passkey;
  try {
    passkey = await startAuthentication({ optionsJSON: options });
  } catch (error) {
    throw cancelled(error);
  }
  return api.send<Session>('POST', 'session', { email, password, passkey });
}
