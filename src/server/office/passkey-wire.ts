import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import * as v from 'valibot';

/**
 * The browser's WebAuthn answers as they arrive in JSON bodies: bounded
 * base64url strings in the shape the library verifies. What they mean is
 * the library's to check (webauthn.ts); this only keeps junk and giants out.
 */

const B64 = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max), v.regex(/^[A-Za-z0-9_-]+={0,2}$/));
const CredentialId = B64(1400);
const Transports = v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(20))), v.maxLength(10)));
const Extensions = v.optional(v.record(v.string(), v.unknown()), {});
const Attachment = v.optional(v.picklist(['platform', 'cross-platform']));

const Assertion = v.object({
  id: CredentialId,
  rawId: CredentialId,
  type: v.literal('public-key'),
  response: v.object({ clientDataJSON: B64(4096), authenticatorData: B64(4096), signature: B64(1024), userHandle: v.optional(B64(256)) }),
  clientExtensionResults: Extensions,
  authenticatorAttachment: Attachment,
});

const Attestation = v.object({
  id: CredentialId,
  rawId: CredentialId,
  type: v.literal('public-key'),
  response: v.object({
    clientDataJSON: B64(4096),
    attestationObject: B64(16_384),
    transports: Transports,
    publicKeyAlgorithm: v.optional(v.number()),
    publicKey: v.optional(B64(4096)),
    authenticatorData: v.optional(B64(4096)),
  }),
  clientExtensionResults: Extensions,
  authenticatorAttachment: Attachment,
});

// The schemas check every field the library reads; its types are stricter only in spelling (transport names).
export const AssertionJson = v.pipe(Assertion, v.transform((a) => a as AuthenticationResponseJSON));
export const AttestationJson = v.pipe(Attestation, v.transform((a) => a as RegistrationResponseJSON));
