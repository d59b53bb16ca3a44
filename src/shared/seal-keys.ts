/** Server keys for sealing: import, thumbprint key ids, ECDH → HKDF → AES key. */
import * as v from 'valibot';
import {
  SEAL_ALG,
  KID_CHARS,
  SealError,
  type PublicEcJwk,
  type Bytes,
  PublicEcJwkSchema,
} from './seal-format';
import { utf8, b64urlEncode, b64urlDecode } from './base64url';

export const subtle = () => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new SealError('bad_key', 'Web Crypto is not available (secure context required)');
  return s;
};

export const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

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

export function uncompressedPoint(jwk: PublicEcJwk): Bytes {
  const out = new Uint8Array(65);
  out[0] = 0x04;
  out.set(b64urlDecode(jwk.x), 1);
  out.set(b64urlDecode(jwk.y), 33);
  return out;
}

export function concat(parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export async function deriveAesKey(
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
