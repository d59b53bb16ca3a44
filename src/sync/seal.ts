import * as v from 'valibot';

/**
 * End-to-end sealing of submitted requests to the intake server's public key.
 *
 * Runs unchanged in the page, the service worker and Node 20: only
 * `globalThis.crypto.subtle`, `TextEncoder`/`TextDecoder` and typed arrays.
 *
 * Scheme (one fresh key per sealed item, so an IV is never reused with a key):
 *   ephemeral ECDH P-256 on the device × server's static ECDH P-256 key
 *   → 32-byte shared secret
 *   → HKDF-SHA-256 (salt empty, info = alg ‖ 0 ‖ kid ‖ 0 ‖ uncompressed epk)
 *   → AES-256-GCM key; 12-byte random IV; 128-bit tag.
 * The GCM additional data is the canonical form of {requestId, purpose}, so a
 * sealed body cannot be moved to another request or attachment. The kid is
 * the RFC 7638 thumbprint of the server key, so binding the kid into HKDF
 * binds the recipient key too.
 *
 * Size limit: each item is encrypted in one AES-GCM call, which keeps the
 * plaintext and the ciphertext in memory at once (the JSON form adds 4/3 for
 * base64url on top). MAX_SEAL_BYTES caps that at 32 MiB, well inside what a
 * low-end tablet can hold; attachments should use the binary envelope
 * (`sealBytes`), which adds only a small header.
 */

export const SEAL_ALG = 'ECDH-P256+HKDF-SHA256+A256GCM' as const;
export const SEAL_VERSION = 1 as const;
export const MAX_SEAL_BYTES = 32 * 1024 * 1024;

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Length in characters of a kid: 16 base64url characters = 96 bits of the thumbprint. */
const KID_CHARS = 16;
const MAX_AAD_PART = 200;
const MAX_HEADER_BYTES = 4096;
/** "SEAL": the first four bytes of a binary envelope. */
const BINARY_MAGIC = [0x53, 0x45, 0x41, 0x4c] as const;

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

/** `office:<what>`: the office's own notes and secrets, sealed at rest by the server to the same keys. */
export type SealPurpose = 'request' | `attachment:${string}` | `office:${string}`;

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

// ───────────────────────── base64url ─────────────────────────

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ENC = new Uint8Array(64);
const DEC = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  const code = ALPHABET.charCodeAt(i);
  ENC[i] = code;
  DEC[code] = i;
}
// The encoder's output is ASCII, which UTF-8 decodes as is.
const ascii = new TextDecoder();
const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Unpadded base64url (RFC 4648 §5). */
export function b64urlEncode(bytes: Uint8Array): string {
  const n = bytes.length;
  const rem = n % 3;
  const full = n - rem;
  const out = new Uint8Array((full / 3) * 4 + (rem ? rem + 1 : 0));
  let o = 0;
  for (let i = 0; i < full; i += 3) {
    const t = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENC[t >>> 18]!;
    out[o++] = ENC[(t >>> 12) & 63]!;
    out[o++] = ENC[(t >>> 6) & 63]!;
    out[o++] = ENC[t & 63]!;
  }
  if (rem) {
    const t = (bytes[full]! << 16) | (rem === 2 ? bytes[full + 1]! << 8 : 0);
    out[o++] = ENC[t >>> 18]!;
    out[o++] = ENC[(t >>> 12) & 63]!;
    if (rem === 2) out[o++] = ENC[(t >>> 6) & 63]!;
  }
  return ascii.decode(out);
}

/**
 * Strict decoder: no padding, no whitespace, and unused trailing bits must
 * be zero, so every byte string has exactly one encoding (a flipped
 * character can never decode to the same bytes).
 */
export function b64urlDecode(text: string): Bytes {
  const n = text.length;
  const rem = n % 4;
  if (rem === 1) throw new TypeError('invalid base64url');
  const out = new Uint8Array(Math.floor(n / 4) * 3 + (rem ? rem - 1 : 0));
  const sextet = (i: number) => {
    const c = text.charCodeAt(i);
    const d = c < 128 ? DEC[c]! : -1;
    if (d < 0) throw new TypeError('invalid base64url');
    return d;
  };
  let o = 0;
  const full = n - rem;
  for (let i = 0; i < full; i += 4) {
    const t = (sextet(i) << 18) | (sextet(i + 1) << 12) | (sextet(i + 2) << 6) | sextet(i + 3);
    out[o++] = t >>> 16;
    out[o++] = (t >>> 8) & 255;
    out[o++] = t & 255;
  }
  if (rem) {
    let t = (sextet(full) << 18) | (sextet(full + 1) << 12);
    if (rem === 3) t |= sextet(full + 2) << 6;
    const unused = rem === 2 ? t & 0xffff : t & 0xff;
    if (unused !== 0) throw new TypeError('invalid base64url');
    out[o++] = t >>> 16;
    if (rem === 3) out[o++] = (t >>> 8) & 255;
  }
  return out;
}

// ───────────────────────── schemas ─────────────────────────

const b64url = (min: number, max: number) =>
  v.pipe(v.string(), v.minLength(min), v.maxLength(max), v.regex(/^[A-Za-z0-9_-]*$/));

/** A P-256 coordinate: 32 bytes = 43 base64url characters. */
const Coordinate = b64url(43, 43);

export const PublicEcJwkSchema = v.strictObject({
  kty: v.literal('EC'),
  crv: v.literal('P-256'),
  x: Coordinate,
  y: Coordinate,
});

export const KidSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));

const headerEntries = {
  v: v.literal(SEAL_VERSION),
  alg: v.literal(SEAL_ALG),
  kid: KidSchema,
  epk: PublicEcJwkSchema,
  iv: b64url(16, 16),
  aad: v.optional(v.pipe(v.string(), v.maxLength(2 * MAX_AAD_PART + 16))),
};

const SealedHeaderSchema = v.strictObject(headerEntries);

/** For embedding a sealed body in a wire schema. Strict: unknown members are refused. */
export const SealedEnvelopeSchema = v.strictObject({
  ...headerEntries,
  ct: b64url(Math.ceil((TAG_BYTES * 4) / 3), Math.ceil(((MAX_SEAL_BYTES + TAG_BYTES) * 4) / 3)),
});

/** Validates untrusted JSON as an envelope; throws SealError('bad_envelope'). */
export function parseEnvelope(json: unknown): SealedEnvelope {
  const result = v.safeParse(SealedEnvelopeSchema, json);
  if (!result.success) throw new SealError('bad_envelope', 'envelope is not well formed');
  return result.output as SealedEnvelope;
}

// ───────────────────────── AAD ─────────────────────────

/**
 * Canonical AAD text. A JSON array is unambiguous whatever characters the
 * ids contain, so no two different {requestId, purpose} share a form.
 */
export function aadString(aad: SealAad): string {
  const { requestId, purpose } = aad;
  if (typeof requestId !== 'string' || requestId.length === 0 || requestId.length > MAX_AAD_PART) {
    throw new TypeError('requestId must be a non-empty string');
  }
  const ok =
    purpose === 'request' ||
    (typeof purpose === 'string' &&
      ['attachment:', 'office:'].some((prefix) => purpose.startsWith(prefix) && purpose.length > prefix.length));
  if (!ok || purpose.length > MAX_AAD_PART) throw new TypeError("purpose must be 'request', 'attachment:<id>' or 'office:<what>'");
  return JSON.stringify([requestId, purpose]);
}

// ───────────────────────── keys ─────────────────────────

const subtle = () => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new SealError('bad_key', 'Web Crypto is not available (secure context required)');
  return s;
};

const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** The public members only, so a private JWK passed by mistake never leaks `d` further. */
export function publicJwkOf(jwk: unknown): PublicEcJwk {
  const j = (jwk ?? {}) as Record<string, unknown>;
  const result = v.safeParse(PublicEcJwkSchema, { kty: j.kty, crv: j.crv, x: j.x, y: j.y });
  if (!result.success) throw new SealError('bad_key', 'not an EC P-256 key');
  return result.output;
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url). */
export async function jwkThumbprint(jwk: PublicEcJwk): Promise<string> {
  const { crv, kty, x, y } = publicJwkOf(jwk);
  // Members in lexicographic order, no whitespace, as RFC 7638 requires.
  const canonical = `{"crv":"${crv}","kty":"${kty}","x":"${x}","y":"${y}"}`;
  return b64urlEncode(new Uint8Array(await subtle().digest('SHA-256', utf8.encode(canonical))));
}

/** The key id the server publishes: a short thumbprint of the public key. */
export async function keyIdFor(jwk: PublicEcJwk): Promise<string> {
  return (await jwkThumbprint(jwk)).slice(0, KID_CHARS);
}

export async function importServerPublicKey(jwk: unknown): Promise<CryptoKey> {
  const pub = publicJwkOf(jwk);
  try {
    return await subtle().importKey('jwk', { ...pub, ext: true }, EC, true, []);
  } catch {
    throw new SealError('bad_key', 'not a valid P-256 public key');
  }
}

/** Server side: a private JWK (with `d`) as a non-extractable key for open(). */
export async function importServerPrivateKey(jwk: unknown): Promise<CryptoKey> {
  const pub = publicJwkOf(jwk);
  const d = (jwk as { d?: unknown }).d;
  if (typeof d !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(d)) throw new SealError('bad_key', 'not a P-256 private key');
  try {
    return await subtle().importKey('jwk', { ...pub, d }, EC, false, ['deriveBits']);
  } catch {
    throw new SealError('bad_key', 'not a valid P-256 private key');
  }
}

function uncompressedPoint(jwk: PublicEcJwk): Bytes {
  const out = new Uint8Array(65);
  out[0] = 0x04;
  out.set(b64urlDecode(jwk.x), 1);
  out.set(b64urlDecode(jwk.y), 33);
  return out;
}

function concat(parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

async function deriveAesKey(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  kid: string,
  epk: PublicEcJwk,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  const s = subtle();
  const secret = await s.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const ikm = await s.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  const info = concat([utf8.encode(`${SEAL_ALG}\0${kid}\0`), uncompressedPoint(epk)]);
  return s.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

// ───────────────────────── seal ─────────────────────────

export type Plaintext = ArrayBuffer | ArrayBufferView | Blob;

async function toBytes(input: Plaintext): Promise<Bytes> {
  const size = input instanceof ArrayBuffer ? input.byteLength : ArrayBuffer.isView(input) ? input.byteLength : input.size;
  if (size > MAX_SEAL_BYTES) throw new SealError('too_large', 'too large to seal in one piece');
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) {
    const view = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    // A SharedArrayBuffer-backed view is copied: Web Crypto wants a plain ArrayBuffer.
    return view.buffer instanceof ArrayBuffer ? (view as Bytes) : new Uint8Array(view);
  }
  return new Uint8Array(await input.arrayBuffer());
}

async function sealRaw(plaintext: Plaintext, key: SealingKey, aad: SealAad): Promise<BinaryEnvelope> {
  const aadText = aadString(aad);
  if (!v.is(KidSchema, key.kid)) throw new SealError('bad_key', 'invalid key id');
  const bytes = await toBytes(plaintext);
  const s = subtle();
  let aesKey: CryptoKey;
  let epk: PublicEcJwk;
  try {
    // Non-extractable: the ephemeral private key dies with this call.
    const pair = await s.generateKey(EC, false, ['deriveBits']);
    epk = publicJwkOf(await s.exportKey('jwk', pair.publicKey));
    aesKey = await deriveAesKey(pair.privateKey, key.publicKey, key.kid, epk, 'encrypt');
  } catch (err) {
    if (err instanceof SealError) throw err;
    throw new SealError('bad_key', 'the server key is not a usable ECDH P-256 public key');
  }
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = new Uint8Array(
    await s.encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(aadText), tagLength: 128 }, aesKey, bytes),
  );
  return {
    header: { v: SEAL_VERSION, alg: SEAL_ALG, kid: key.kid, epk, iv: b64urlEncode(iv), aad: aadText },
    ct,
  };
}

/** Seals bytes (or a Blob) to the server key as a JSON envelope. */
export async function seal(plaintext: Plaintext, key: SealingKey, aad: SealAad): Promise<SealedEnvelope> {
  const { header, ct } = await sealRaw(plaintext, key, aad);
  return { ...header, ct: b64urlEncode(ct) };
}

export async function sealJson(value: unknown, key: SealingKey, aad: SealAad): Promise<SealedEnvelope> {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('value is not JSON-serializable');
  return seal(utf8.encode(text), key, aad);
}

/** Seals bytes (or a Blob) as a binary envelope: the body of an attachment PUT. */
export async function sealBytes(plaintext: Plaintext, key: SealingKey, aad: SealAad): Promise<Bytes> {
  return encodeBinaryEnvelope(await sealRaw(plaintext, key, aad));
}

// ───────────────────────── binary envelope ─────────────────────────

/**
 * Layout: "SEAL" ‖ uint32 big-endian header length N ‖ N bytes of header
 * JSON (UTF-8; the envelope without `ct`) ‖ raw ciphertext with tag.
 */
export function encodeBinaryEnvelope(envelope: SealedEnvelope | BinaryEnvelope): Bytes {
  let header: SealedHeader;
  let ct: Uint8Array;
  if ('header' in envelope) {
    ({ header, ct } = envelope);
  } else {
    const { ct: text, ...rest } = envelope;
    header = rest;
    ct = b64urlDecode(text);
  }
  const headerBytes = utf8.encode(JSON.stringify(header));
  if (headerBytes.length > MAX_HEADER_BYTES) throw new SealError('bad_envelope', 'header too large');
  const out = new Uint8Array(8 + headerBytes.length + ct.length);
  out.set(BINARY_MAGIC, 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, false);
  out.set(headerBytes, 8);
  out.set(ct, 8 + headerBytes.length);
  return out;
}

/** Parses and validates a binary envelope; throws SealError('bad_envelope'). The ciphertext is a view, not a copy. */
export function decodeBinaryEnvelope(input: Uint8Array | ArrayBuffer): BinaryEnvelope {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  const bad = (why: string) => new SealError('bad_envelope', why);
  if (bytes.length < 8 || BINARY_MAGIC.some((b, i) => bytes[i] !== b)) throw bad('not a sealed envelope');
  const n = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, false);
  if (n > MAX_HEADER_BYTES || 8 + n > bytes.length) throw bad('bad header length');
  let json: unknown;
  try {
    json = JSON.parse(utf8Strict.decode(bytes.subarray(8, 8 + n)));
  } catch {
    throw bad('bad header');
  }
  const result = v.safeParse(SealedHeaderSchema, json);
  if (!result.success) throw bad('bad header');
  const ct = bytes.subarray(8 + n);
  if (ct.length < TAG_BYTES || ct.length > MAX_SEAL_BYTES + TAG_BYTES) throw bad('bad ciphertext length');
  return { header: result.output as SealedHeader, ct };
}

// ───────────────────────── open (server side) ─────────────────────────

function toBinaryEnvelope(input: unknown): BinaryEnvelope {
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return decodeBinaryEnvelope(input);
  if (input && typeof input === 'object' && 'header' in input && 'ct' in input) {
    const { header, ct } = input as { header: unknown; ct: unknown };
    if (!(ct instanceof Uint8Array)) throw new SealError('bad_envelope', 'envelope is not well formed');
    const result = v.safeParse(SealedHeaderSchema, header);
    if (!result.success || ct.length < TAG_BYTES) throw new SealError('bad_envelope', 'envelope is not well formed');
    return { header: result.output as SealedHeader, ct };
  }
  const { ct, ...header } = parseEnvelope(input);
  return { header, ct: b64urlDecode(ct) };
}

/**
 * Opens a sealed item: a JSON envelope (parsed or not yet validated), a
 * binary envelope's bytes, or a decoded BinaryEnvelope. `expectedAad` comes
 * from where the item arrived (the URL), never from the envelope.
 * Throws SealError with code unknown_kid, bad_envelope or decrypt_failed.
 */
export async function open(
  envelope: SealedEnvelope | BinaryEnvelope | Uint8Array | ArrayBuffer | unknown,
  lookup: PrivateKeyLookup,
  expectedAad: SealAad,
): Promise<Bytes> {
  const expected = aadString(expectedAad);
  let parsed: BinaryEnvelope;
  try {
    parsed = toBinaryEnvelope(envelope);
  } catch (err) {
    throw err instanceof SealError ? err : new SealError('bad_envelope', 'envelope is not well formed');
  }
  const { header } = parsed;
  const failed = () => new SealError('decrypt_failed', 'the envelope could not be opened');
  if (header.aad !== undefined && header.aad !== expected) throw failed();
  const privateKey = await lookup(header.kid);
  if (!privateKey) throw new SealError('unknown_kid', 'no key with this id');
  const ct = parsed.ct.buffer instanceof ArrayBuffer ? (parsed.ct as Bytes) : new Uint8Array(parsed.ct);
  try {
    const s = subtle();
    // An epk that is not a point on the curve fails here, like any other forgery.
    const epkKey = await s.importKey('jwk', { ...header.epk, ext: true }, EC, true, []);
    const aesKey = await deriveAesKey(privateKey, epkKey, header.kid, header.epk, 'decrypt');
    const iv = b64urlDecode(header.iv);
    const pt = await s.decrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(expected), tagLength: 128 }, aesKey, ct);
    return new Uint8Array(pt);
  } catch {
    throw failed();
  }
}

export async function openJson(
  envelope: SealedEnvelope | BinaryEnvelope | Uint8Array | ArrayBuffer | unknown,
  lookup: PrivateKeyLookup,
  expectedAad: SealAad,
): Promise<unknown> {
  const bytes = await open(envelope, lookup, expectedAad);
  try {
    return JSON.parse(utf8Strict.decode(bytes));
  } catch {
    throw new SealError('bad_envelope', 'sealed content is not JSON');
  }
}
