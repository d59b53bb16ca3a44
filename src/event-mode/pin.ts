/**
 * The event officer's PIN: at least 6 digits, kept only as a PBKDF2-SHA-256
 * hash with a random salt, and tried at a growing pace after repeated
 * mistakes. The failure count is stored, so a reload does not reset it; it
 * only ever delays, never locks anything away, so no request is lost to a
 * forgotten PIN. A short PIN guards the screen of a tablet in an officer's sight, not
 * the disk (see FIELD-NOTES: a million guesses offline).
 */
import { KV_EVENT_PIN, KV_EVENT_PIN_THROTTLE, kvDelete, kvGet, kvSet } from './events';
import { getDb } from '../storage/db';

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

export function delayAfterFailures(failures: number): number {
  if (failures <= 0) return 0;
  return THROTTLE_STEPS_MS[Math.min(failures, THROTTLE_STEPS_MS.length) - 1]!;
}

/**
 * Times the wait with the page's monotonic clock (performance.now), never
 * the device's date: setting the clock forward skips nothing, setting it
 * back adds nothing. Only the failure count is stored. When a page first
 * sees a count (after a reload, or a failure in another tab) the full wait
 * for that count starts then, so a reload restarts the wait and never
 * shortens it; it is still at most MAX_WAIT_MS, never a lockout.
 */
export interface WaitClock {
  /** Milliseconds still to wait with this many failures stored. */
  remaining(failures: number): number;
  /** A check just ended wrong with this count: its wait starts now. */
  started(failures: number): void;
}

export function createWaitClock(now: () => number = () => performance.now()): WaitClock {
  let seen = { failures: 0, at: -Infinity };
  return {
    remaining(failures) {
      if (failures !== seen.failures) seen = { failures, at: now() };
      return Math.max(0, delayAfterFailures(failures) - (now() - seen.at));
    },
    started(failures) {
      // Parallel checks end in any order: the highest count sets the pace.
      if (failures >= seen.failures) seen = { failures, at: now() };
    },
  };
}

/** This page's clock; tests make their own (a new one is a reload). */
const PAGE_CLOCK = createWaitClock();

function readFailures(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const failures = (value as Record<string, unknown>).failures;
  return typeof failures === 'number' && failures >= 0 ? Math.floor(failures) : 0;
}

// ───────────────────────── stored PIN ─────────────────────────

export interface PinOptions {
  clock?: WaitClock;
  /** Tests may lower it; the app never passes it. */
  iterations?: number;
}

/** Stores a new PIN (as its hash only) and clears any earlier failures. */
export async function setPin(pin: string, options: PinOptions = {}): Promise<PinFormatError | null> {
  const problem = checkPinFormat(pin);
  if (problem) return problem;
  const hashed = await hashPin(pin, options.iterations !== undefined ? { iterations: options.iterations } : {});
  await kvSet(KV_EVENT_PIN, hashed);
  await kvDelete(KV_EVENT_PIN_THROTTLE);
  return null;
}

export async function hasPin(): Promise<boolean> {
  return isPinHash(await kvGet(KV_EVENT_PIN));
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

type Admission = Exclude<PinCheck, { ok: true } | { reason: 'wrong' }> | { ok: 'check'; hash: PinHash; failures: number };

/**
 * Decides whether this try may be checked and, if so, counts it as a
 * failure before the hash is even derived, in one IndexedDB readwrite
 * transaction: transactions on the kv store run one after another (in every
 * tab), so parallel tries each see the count the one before wrote, and
 * none gets a free guess. The right PIN clears the count afterwards.
 */
async function admit(pin: string, clock: WaitClock): Promise<Admission> {
  const tx = (await getDb()).transaction('kv', 'readwrite');
  const kv = tx.objectStore('kv');
  const [hash, throttle] = await Promise.all([kv.get(KV_EVENT_PIN), kv.get(KV_EVENT_PIN_THROTTLE)]);
  let admission: Admission;
  const failures = readFailures(throttle);
  const waitMs = clock.remaining(failures);
  const format = checkPinFormat(pin);
  if (!isPinHash(hash)) admission = { ok: false, reason: 'no_pin' };
  else if (waitMs > 0) admission = { ok: false, reason: 'wait', waitMs };
  else if (format) admission = { ok: false, reason: 'format', format };
  else {
    admission = { ok: 'check', hash, failures: failures + 1 };
    void kv.put({ failures: failures + 1 }, KV_EVENT_PIN_THROTTLE);
  }
  await tx.done;
  return admission;
}

export async function checkPin(pin: string, options: PinOptions = {}): Promise<PinCheck> {
  const clock = options.clock ?? PAGE_CLOCK;
  const admission = await admit(pin, clock);
  if (admission.ok !== 'check') return admission;
  if (await verifyPinHash(pin, admission.hash)) {
    await kvDelete(KV_EVENT_PIN_THROTTLE);
    return { ok: true };
  }
  // The pause starts when the person sees the answer, after the slow hash.
  clock.started(admission.failures);
  return { ok: false, reason: 'wrong', waitMs: delayAfterFailures(admission.failures), failures: admission.failures };
}

/** How long the PIN form must wait right now (after a reload: the full wait for the stored count). */
export async function pinWaitRemaining(options: PinOptions = {}): Promise<number> {
  return (options.clock ?? PAGE_CLOCK).remaining(readFailures(await kvGet(KV_EVENT_PIN_THROTTLE)));
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
