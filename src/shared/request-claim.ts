/**
 * Who may use a request id. The id a request travels under (its wire id)
 * is derived from a secret the device makes once per draft (its claim):
 *
 *   claim   = 32 random bytes, unpadded base64url
 *   wire id = SHA-256(claim bytes), first 16 bytes as an RFC 9562 UUIDv8
 *
 * The claim goes only inside the sealed request and in the attachment
 * uploads' header, so someone who learnt a wire id (over a shoulder, from a
 * log) still cannot send a body or files under it before its owner: the
 * server takes either only with a claim that derives the id. A UUID of any
 * other version is a request id from before claims (see
 * docs/ARCHITECTURE-sync.md) and carries none.
 *
 * Pure: Web Crypto and typed arrays only (page, worker and server).
 */
import { b64urlDecode, b64urlEncode } from './base64url';
import type { Bytes } from './seal-format';

const CLAIM_BYTES = 32;
const CLAIMED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fresh claim: 256 random bits, so nobody can guess one or find another for the same id. */
export function newClaim(): string {
  return b64urlEncode(crypto.getRandomValues(new Uint8Array(CLAIM_BYTES)));
}

function claimBytes(claim: unknown): Bytes | undefined {
  // 43 characters hold exactly 32 bytes; the strict decoder allows one spelling per byte string.
  if (typeof claim !== 'string' || claim.length !== 43) return undefined;
  try {
    const bytes = b64urlDecode(claim);
    return bytes.length === CLAIM_BYTES ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** Shaped like a claim (checked without hashing, so the synchronous schema can use it). */
export const isClaimFormat = (claim: unknown): claim is string => claimBytes(claim) !== undefined;

/** A version-8 UUID: an id that only its claim's holder may use. */
export const isClaimedId = (id: unknown): id is string => typeof id === 'string' && CLAIMED_ID.test(id);

/** The wire id a claim stands for. Throws TypeError for anything not shaped like a claim. */
export async function wireIdFor(claim: string): Promise<string> {
  const bytes = claimBytes(claim);
  if (!bytes) throw new TypeError('not a request claim');
  const id = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).slice(0, 16);
  id[6] = (id[6]! & 0x0f) | 0x80;
  id[8] = (id[8]! & 0x3f) | 0x80;
  const hex = Array.from(id, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** True when `claim` is the secret behind the version-8 id `id`. */
export async function claimDerives(claim: unknown, id: string): Promise<boolean> {
  if (!isClaimedId(id) || !isClaimFormat(claim)) return false;
  return (await wireIdFor(claim)) === id;
}
