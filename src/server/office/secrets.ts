import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import * as OTPAuth from 'otpauth';

/**
 * The office's small cryptographic parts: staff passwords (scrypt with a
 * per-user salt), TOTP (RFC 6238 as authenticator apps do it by default:
 * SHA-1, 6 digits, 30 s) and random tokens stored only as hashes.
 */

// N = 2^15, r = 8: 32 MiB and about 100 ms per guess on a server core (OWASP's scrypt floor is N = 2^17 with r = 8, p = 1
// or equivalent memory-time; 2^15 with p = 1 keeps a 2-core box answering while someone signs in).
const SCRYPT = { logN: 15, r: 8, p: 1, keyLength: 32 };

function scryptAsync(password: string, salt: Buffer, logN: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$logN$r$p$salt$hash`: the parameters travel with the hash, so they can grow later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { logN, r, p, keyLength } = SCRYPT;
  const key = await scryptAsync(password, salt, logN, r, p, keyLength);
  return ['scrypt', logN, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, logN, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p), expected.length);
  return timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;
/** A hash to check against when there is no account: the answer takes as long as for a real one. */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('base64url'));
  return dummy;
}

/** A secret for a link or a cookie (256 bits), and the only form of it the database keeps. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameToken(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

const TOTP_PERIOD = 30;
export const TOTP_ISSUER = 'CIS Ombudsman intake';

function totp(secret: string, email: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: TOTP_ISSUER,
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The current code (tests and the CLI's self-check). */
export function totpCode(secret: string, nowMs: number): string {
  return totp(secret, '').generate({ timestamp: nowMs });
}

/**
 * The time step a code belongs to (one step of clock drift either way),
 * or null when it is not a current code. Callers refuse a step at or below
 * the last one used, so an overheard code cannot be replayed.
 */
export function totpStep(secret: string, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret, '').validate({ token: code, timestamp: nowMs, window: 1 });
  return delta === null ? null : Math.floor(nowMs / 1000 / TOTP_PERIOD) + delta;
}
