/** Unpadded base64url (RFC 4648 §5) and the text codecs sealing uses. */
import { type Bytes } from './seal-format';

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
export const utf8 = new TextEncoder();
export const utf8Strict = new TextDecoder('utf-8', { fatal: true });

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
