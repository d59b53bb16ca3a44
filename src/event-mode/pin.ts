/**
 * The event officer's PIN: at least 6 digits, kept only as a PBKDF2-SHA-256
 * hash with a random salt, and tried at a growing pace after repeated
 * mistakes. The pace is stored, so a reload does not reset it; it only ever
 * delays, never locks anything away, so no request is lost to a forgotten
 * PIN. A short PIN guards the screen of a tablet in an officer's sight, not
 * the disk (see FIELD-NOTES: a million guesses offline).
 */
import { KV_EVENT_PIN, KV_EVENT_PIN_THROTTLE, kvDelete, kvGet, kvSet } from './events';

export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 12;
/** OWASP's floor for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export type PinFormatError = 'too_short' | 'too_long' | 'digits_only';

/** Why a typed PIN cannot be a PIN at all; null when it can. */
export function checkPinFormat(pin: string): PinFormatError | null {
  if (!/^\d*$/.test(pin)) return 'digits_only';
  if (pin.length < PIN_MIN_LENGTH) return 'too_short';
  if (pin.length > PIN_MAX_LENGTH) return 'too_long';
  return null;
}

export interface PinHash {
  v: 1;
  alg: 'PBKDF2-SHA-256';
  iterations: number;
  /** Base64. */
  salt: string;
  /** Base64 of the derived bits. */
  hash: string;
}

const toB64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromB64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, options: { iterations?: number; salt?: Uint8Array<ArrayBuffer> } = {}): Promise<PinHash> {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return { v: 1, alg: 'PBKDF2-SHA-256', iterations, salt: toB64(salt), hash: toB64(await derive(pin, salt, iterations)) };
}

export function isPinHash(value: unknown): value is PinHash {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.v === 1 && v.alg === 'PBKDF2-SHA-256' && typeof v.iterations === 'number' && typeof v.salt === 'string' && typeof v.hash === 'string';
}

/** Compares every byte, so the time taken says nothing about how close a guess was. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export async function verifyPinHash(pin: string, stored: PinHash): Promise<boolean> {
  const derived = await derive(pin, fromB64(stored.salt), stored.iterations);
  return sameBytes(derived, fromB64(stored.hash));
}

// ───────────────────────── throttle ─────────────────────────

/** Wait before the next try after n failures (index n-1); the last step repeats. */
export const THROTTLE_STEPS_MS: readonly number[] = [0, 0, 0, 5_000, 15_000, 30_000, 60_000, 120_000, 240_000, 300_000];
export const MAX_WAIT_MS = 300_000;

export interface PinThrottle {
  failures: number;
  /** Device milliseconds before which no PIN is checked. */
  nextTryAt: number;
}

export const NO_THROTTLE: PinThrottle = { failures: 0, nextTryAt: 0 };

export function delayAfterFailures(failures: number): number {
  if (failures <= 0) return 0;
  return THROTTLE_STEPS_MS[Math.min(failures, THROTTLE_STEPS_MS.length) - 1]!;
}

/** The throttle after one more wrong PIN at `now`. */
export function afterFailure(throttle: PinThrottle, now: number): PinThrottle {
  const failures = throttle.failures + 1;
  return { failures, nextTryAt: now + delayAfterFailures(failures) };
}

/**
 * Milliseconds left to wait. Never more than the step's own delay: a clock
 * set back by hours must not turn a 5-second pause into a lockout.
 */
export function waitRemaining(throttle: PinThrottle, now: number): number {
  const left = throttle.nextTryAt - now;
  return Math.max(0, Math.min(left, delayAfterFailures(throttle.failures)));
}

function readThrottle(value: unknown): PinThrottle {
  if (typeof value !== 'object' || value === null) return NO_THROTTLE;
  const v = value as Record<string, unknown>;
  const failures = typeof v.failures === 'number' && v.failures >= 0 ? Math.floor(v.failures) : 0;
  const nextTryAt = typeof v.nextTryAt === 'number' && Number.isFinite(v.nextTryAt) ? v.nextTryAt : 0;
  return { failures, nextTryAt };
}

// ───────────────────────── stored PIN ─────────────────────────

/** Where the hash and the throttle are kept: the kv store by default, a Map in tests. */
export interface PinStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export const KV_PIN_STORE: PinStore = { get: kvGet, set: kvSet, delete: kvDelete };

export interface PinOptions {
  store?: PinStore;
  now?: () => number;
  /** Tests may lower it; the app never passes it. */
  iterations?: number;
}

/** Stores a new PIN (as its hash only) and clears any earlier failures. */
export async function setPin(pin: string, options: PinOptions = {}): Promise<PinFormatError | null> {
  const problem = checkPinFormat(pin);
  if (problem) return problem;
  const store = options.store ?? KV_PIN_STORE;
  const hashed = await hashPin(pin, options.iterations !== undefined ? { iterations: options.iterations } : {});
  await store.set(KV_EVENT_PIN, hashed);
  await store.delete(KV_EVENT_PIN_THROTTLE);
  return null;
}

export async function hasPin(options: PinOptions = {}): Promise<boolean> {
  return isPinHash(await (options.store ?? KV_PIN_STORE).get(KV_EVENT_PIN));
}

export type PinCheck =
  | { ok: true }
  /** Not a possible PIN: nothing was checked or counted. */
  | { ok: false; reason: 'format'; format: PinFormatError }
  /** Too soon after failures: nothing was checked. */
  | { ok: false; reason: 'wait'; waitMs: number }
  /** Checked and wrong; `waitMs` is the pause before the next try (0 for the first few). */
  | { ok: false; reason: 'wrong'; waitMs: number; failures: number }
  | { ok: false; reason: 'no_pin' };

export async function checkPin(pin: string, options: PinOptions = {}): Promise<PinCheck> {
  const store = options.store ?? KV_PIN_STORE;
  const now = options.now ?? Date.now;
  const stored = await store.get(KV_EVENT_PIN);
  if (!isPinHash(stored)) return { ok: false, reason: 'no_pin' };
  const throttle = readThrottle(await store.get(KV_EVENT_PIN_THROTTLE));
  const wait = waitRemaining(throttle, now());
  if (wait > 0) return { ok: false, reason: 'wait', waitMs: wait };
  const format = checkPinFormat(pin);
  if (format) return { ok: false, reason: 'format', format };
  if (await verifyPinHash(pin, stored)) {
    if (throttle.failures > 0) await store.delete(KV_EVENT_PIN_THROTTLE);
    return { ok: true };
  }
  // Stamped after the slow hash, so the pause starts when the person sees the answer.
  const next = afterFailure(throttle, now());
  await store.set(KV_EVENT_PIN_THROTTLE, next);
  return { ok: false, reason: 'wrong', waitMs: delayAfterFailures(next.failures), failures: next.failures };
}

/** How long the PIN form must wait right now (after a reload too). */
export async function pinWaitRemaining(options: PinOptions = {}): Promise<number> {
  const store = options.store ?? KV_PIN_STORE;
  return waitRemaining(readThrottle(await store.get(KV_EVENT_PIN_THROTTLE)), (options.now ?? Date.now)());
}

/** The message to show for a PIN problem: an id under `event.pin.` and its values. */
export function pinMessage(problem: PinCheck | { ok: false; reason: 'mismatch' } | PinFormatError): { id: string; values?: Record<string, number> } {
  if (typeof problem === 'string') return { id: `event.pin.error.${formatKey(problem)}`, values: { min: PIN_MIN_LENGTH, max: PIN_MAX_LENGTH } };
  if (problem.ok) return { id: 'event.pin.ok' };
  switch (problem.reason) {
    case 'format':
      return pinMessage(problem.format);
    case 'wait':
      return { id: 'event.pin.error.wait', values: { seconds: Math.ceil(problem.waitMs / 1000) } };
    case 'wrong':
      return problem.waitMs > 0
        ? { id: 'event.pin.error.wrongWait', values: { seconds: Math.ceil(problem.waitMs / 1000) } }
        : { id: 'event.pin.error.wrong' };
    case 'mismatch':
      return { id: 'event.pin.error.mismatch' };
    case 'no_pin':
      return { id: 'event.pin.error.noPin' };
  }
}

function formatKey(format: PinFormatError): string {
  return format === 'too_short' ? 'tooShort' : format === 'too_long' ? 'tooLong' : 'digitsOnly';
}
