import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_WAIT_MS,
  PBKDF2_ITERATIONS,
  afterFailure,
  checkPin,
  checkPinFormat,
  delayAfterFailures,
  hasPin,
  hashPin,
  pinMessage,
  pinWaitRemaining,
  setPin,
  verifyPinHash,
  waitRemaining,
} from '../../src/event-mode/pin';
import { DB_NAME, closeDb, getDb } from '../../src/storage/db';
import { KV_EVENT_PIN, KV_EVENT_PIN_THROTTLE } from '../../src/event-mode/events';

afterEach(async () => {
  await closeDb();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
});

/** A clock the test moves by hand. */
function clock(start = Date.parse('2025-05-03T10:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

// Low iterations keep the throttle tests quick; the default is checked on its own.
const FAST = { iterations: 1000 };

describe('PIN format', () => {
  it('wants 6 to 12 digits and nothing else', () => {
    expect(checkPinFormat('123456')).toBeNull();
    expect(checkPinFormat('123456789012')).toBeNull();
    expect(checkPinFormat('12345')).toBe('too_short');
    expect(checkPinFormat('')).toBe('too_short');
    expect(checkPinFormat('1234567890123')).toBe('too_long');
    expect(checkPinFormat('12345a')).toBe('digits_only');
    expect(checkPinFormat('123 456')).toBe('digits_only');
  });
});

describe('PIN hash', () => {
  it('stores a salted PBKDF2 hash with at least 600,000 iterations, never the PIN', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(await setPin('20250503')).toBeNull();
    const stored = await (await getDb()).get('kv', KV_EVENT_PIN);
    const text = JSON.stringify(stored);
    expect(text).not.toContain('20250503');
    expect(stored).toMatchObject({ v: 1, alg: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS });
    const salt = atob((stored as { salt: string }).salt);
    expect(salt).toHaveLength(16);
    expect(await checkPin('20250503')).toEqual({ ok: true });
  });

  it('verifies the right PIN only, and two hashes of one PIN differ by their salt', async () => {
    const a = await hashPin('654321', FAST);
    const b = await hashPin('654321', FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPinHash('654321', a)).toBe(true);
    expect(await verifyPinHash('654322', a)).toBe(false);
    expect(await verifyPinHash('6543210', a)).toBe(false);
  });

  it('refuses to set a PIN that is not 6+ digits', async () => {
    expect(await setPin('12345', FAST)).toBe('too_short');
    expect(await hasPin()).toBe(false);
    expect(await checkPin('123456')).toEqual({ ok: false, reason: 'no_pin' });
  });
});

describe('PIN throttle', () => {
  it('follows 0, 0, 0, then 5 s, 15 s, 30 s, 60 s… capped at 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(delayAfterFailures)).toEqual([0, 0, 0, 5_000, 15_000, 30_000, 60_000]);
    expect(delayAfterFailures(0)).toBe(0);
    for (const n of [10, 11, 50, 1000]) expect(delayAfterFailures(n)).toBe(MAX_WAIT_MS);
    for (let n = 1; n < 40; n++) expect(delayAfterFailures(n + 1)).toBeGreaterThanOrEqual(delayAfterFailures(n));
  });

  it('never makes a clock set back into a lockout', () => {
    const t = afterFailure({ failures: 3, nextTryAt: 0 }, 1_000_000);
    expect(t).toEqual({ failures: 4, nextTryAt: 1_005_000 });
    expect(waitRemaining(t, 1_002_000)).toBe(3_000);
    // The clock jumped back a day: still at most the step's own delay.
    expect(waitRemaining(t, 1_000_000 - 86_400_000)).toBe(5_000);
    expect(waitRemaining(t, 2_000_000)).toBe(0);
  });

  it('counts wrong PINs, makes the person wait, and forgets the failures after the right one', async () => {
    const c = clock();
    const opts = { ...FAST, now: c.now };
    await setPin('111222', opts);
    for (let i = 1; i <= 3; i++) expect(await checkPin('999999', opts)).toEqual({ ok: false, reason: 'wrong', waitMs: 0, failures: i });
    expect(await checkPin('999999', opts)).toEqual({ ok: false, reason: 'wrong', waitMs: 5_000, failures: 4 });
    // Too soon: not even the right PIN is checked, and nothing more is counted.
    expect(await checkPin('111222', opts)).toEqual({ ok: false, reason: 'wait', waitMs: 5_000 });
    c.advance(4_000);
    expect(await checkPin('111222', opts)).toEqual({ ok: false, reason: 'wait', waitMs: 1_000 });
    c.advance(1_000);
    expect(await checkPin('999999', opts)).toEqual({ ok: false, reason: 'wrong', waitMs: 15_000, failures: 5 });
    c.advance(15_000);
    // A typo in the format is not counted as a guess.
    expect(await checkPin('12', opts)).toEqual({ ok: false, reason: 'format', format: 'too_short' });
    expect(await checkPin('111222', opts)).toEqual({ ok: true });
    expect(await (await getDb()).get('kv', KV_EVENT_PIN_THROTTLE)).toBeUndefined();
    expect(await checkPin('999999', opts)).toEqual({ ok: false, reason: 'wrong', waitMs: 0, failures: 1 });
  });

  it('keeps the pause across a reload (a new database connection)', async () => {
    const c = clock();
    const opts = { ...FAST, now: c.now };
    await setPin('135790', opts);
    for (let i = 0; i < 5; i++) {
      await checkPin('000000', opts);
      c.advance(delayAfterFailures(i + 1));
    }
    await checkPin('000000', opts); // sixth failure: 30 s
    await closeDb();
    c.advance(10_000);
    expect(await pinWaitRemaining({ now: c.now })).toBe(20_000);
    expect(await checkPin('135790', opts)).toEqual({ ok: false, reason: 'wait', waitMs: 20_000 });
    c.advance(20_000);
    expect(await checkPin('135790', opts)).toEqual({ ok: true });
  });

  it('has a translated message for every answer', () => {
    expect(pinMessage('too_short')).toEqual({ id: 'event.pin.error.tooShort', values: { min: 6, max: 12 } });
    expect(pinMessage({ ok: false, reason: 'wait', waitMs: 4_200 })).toEqual({ id: 'event.pin.error.wait', values: { seconds: 5 } });
    expect(pinMessage({ ok: false, reason: 'wrong', waitMs: 0, failures: 1 }).id).toBe('event.pin.error.wrong');
    expect(pinMessage({ ok: false, reason: 'wrong', waitMs: 15_000, failures: 5 })).toEqual({
      id: 'event.pin.error.wrongWait',
      values: { seconds: 15 },
    });
  });
});
