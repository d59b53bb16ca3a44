/**
 * The sealed envelope's constants, types, errors and key schema (the
 * scheme is in seal.ts).
 */
import * as v from 'valibot';

export const SEAL_ALG = 'ECDH-P256+HKDF-SHA256+A256GCM' as const;
export const SEAL_VERSION = 1 as const;
export const MAX_SEAL_BYTES = 32 * 1024 * 1024;

export const IV_BYTES = 12;
export const TAG_BYTES = 16;
/** Length in characters of a kid: 16 base64url characters = 96 bits of the thumbprint. */
export const KID_CHARS = 16;
export const MAX_AAD_PART = 200;
export const MAX_HEADER_BYTES = 4096;
/** "SEAL": the first four bytes of a binary envelope. */
export const BINARY_MAGIC = [0x53, 0x45, 0x41, 0x4c] as const;

export type SealErrorCode =
  /** No private key for the envelope's kid (rotated out or never ours). */
  | 'unknown_kid'
  /** The envelope is not well formed, or its sealed content is not what it claims to be. */
  | 'bad_envelope'
  /** Wrong key, tampered bytes or a different request/purpose: authentication failed. */
  | 'decrypt_failed'
  /** The server key given to seal() is not a usable ECDH P-256 public key. */
  | 'bad_key'
  /** More than MAX_SEAL_BYTES to seal. */
  | 'too_large';

/** Messages are fixed text: they never quote the envelope or the plaintext. */
export class SealError extends Error {
  override readonly name = 'SealError';
  constructor(
    readonly code: SealErrorCode,
    message: string = code,
  ) {
    super(message);
  }
}

export interface PublicEcJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/**
 * `office:<what>`: the office's own notes and secrets, sealed at rest by the server to the same keys.
 * `follow-up…` (bound to the follow-up's id) and `feedback` (bound to its id): the person's later words.
 */
export type SealPurpose =
  | 'request'
  | `attachment:${string}`
  | `office:${string}`
  | 'follow-up'
  | `follow-up-attachment:${string}`
  | 'feedback';

/** What a sealed item is bound to; the server rebuilds it from the URL it was sent to. */
export interface SealAad {
  requestId: string;
  purpose: SealPurpose;
}

export interface SealingKey {
  kid: string;
  publicKey: CryptoKey;
}

export interface SealedEnvelope {
  v: typeof SEAL_VERSION;
  alg: typeof SEAL_ALG;
  kid: string;
  /** The device's ephemeral public key. */
  epk: PublicEcJwk;
  iv: string;
  ct: string;
  /** Canonical AAD, informative only: open() always authenticates against the AAD it expects. */
  aad?: string;
}

export type SealedHeader = Omit<SealedEnvelope, 'ct'>;

/** A sealed item with raw ciphertext, as carried in the binary envelope. */
export interface BinaryEnvelope {
  header: SealedHeader;
  ct: Uint8Array;
}

export type PrivateKeyLookup = (kid: string) => CryptoKey | undefined | Promise<CryptoKey | undefined>;

/** Bytes on a plain ArrayBuffer: what fetch bodies, Blob parts and Web Crypto accept. */
export type Bytes = Uint8Array<ArrayBuffer>;

export const b64url = (min: number, max: number) =>
  v.pipe(v.string(), v.minLength(min), v.maxLength(max), v.regex(/^[A-Za-z0-9_-]*$/));

/** A P-256 coordinate: 32 bytes = 43 base64url characters. */
const Coordinate = b64url(43, 43);

export const PublicEcJwkSchema = v.strictObject({
  kty: v.literal('EC'),
  crv: v.literal('P-256'),
  x: Coordinate,
  y: Coordinate,
});
