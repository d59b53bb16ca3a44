import * as v from 'valibot';
import {
  SEAL_ALG,
  SEAL_VERSION,
  MAX_SEAL_BYTES,
  IV_BYTES,
  TAG_BYTES,
  MAX_AAD_PART,
  MAX_HEADER_BYTES,
  BINARY_MAGIC,
  SealError,
  type PublicEcJwk,
  type SealAad,
  type SealingKey,
  type SealedEnvelope,
  type SealedHeader,
  type BinaryEnvelope,
  type PrivateKeyLookup,
  type Bytes,
  b64url,
  PublicEcJwkSchema,
} from './seal-format';
import { utf8, utf8Strict, b64urlEncode, b64urlDecode } from './base64url';
import { subtle, EC, publicJwkOf, deriveAesKey } from './seal-keys';

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

// The sealing API in one place: page, worker and server import seal.ts.
export * from './seal-format';
export { b64urlDecode, b64urlEncode } from './base64url';
export { importServerPrivateKey, importServerPublicKey, jwkThumbprint, keyIdFor, publicJwkOf } from './seal-keys';

// ───────────────────────── schemas ─────────────────────────

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
    purpose === 'follow-up' ||
    purpose === 'feedback' ||
    (typeof purpose === 'string' &&
      ['attachment:', 'office:', 'follow-up-attachment:'].some((prefix) => purpose.startsWith(prefix) && purpose.length > prefix.length));
  if (!ok || purpose.length > MAX_AAD_PART) {
    throw new TypeError("purpose must be 'request', 'follow-up', 'feedback', 'attachment:<id>', 'follow-up-attachment:<id>' or 'office:<what>'");
  }
  return JSON.stringify([requestId, purpose]);
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
