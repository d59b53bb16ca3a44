import { randomInt } from 'node:crypto';

/**
 * Confirmation numbers people read aloud over a phone: 9 characters from an
 * alphabet without 0/O, 1/I/L, shown in groups of three (K7Q-4M2-XP9).
 * 31^9 ≈ 2.6·10^13 values: guessing one is hopeless, and a collision is
 * caught by the UNIQUE constraint and drawn again.
 */
export const CONFIRMATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CONFIRMATION_LENGTH = 9;

export function newConfirmation(random: (max: number) => number = randomInt): string {
  let out = '';
  for (let i = 0; i < CONFIRMATION_LENGTH; i++) out += CONFIRMATION_ALPHABET[random(CONFIRMATION_ALPHABET.length)];
  return out;
}

export function formatConfirmation(raw: string): string {
  return raw.match(/.{1,3}/g)?.join('-') ?? raw;
}

/** A number as typed or read back (any case, spaces, dashes) → its stored form, or null. */
export function normalizeConfirmation(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]+/g, '');
  if (compact.length !== CONFIRMATION_LENGTH) return null;
  for (const ch of compact) if (!CONFIRMATION_ALPHABET.includes(ch)) return null;
  return compact;
}
