import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_WAIT_MS,
  PBKDF2_ITERATIONS,
  checkPin,
  checkPinFormat,
  createWaitClock,
  delayAfterFailures,
  hasPin,
  hashPin,
  pinMessage,
  pinWaitRemaining,
  setPin,
  verifyPinHash,
} from '../../src/event-mode/pin';
import { DB_NAME, closeDb, getDb } from '../../src/storage/db';
import { KV_EVENT_PIN, KV_EVENT_PIN_THROTTLE } from '../../src/event-mode/events';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeDb();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
});

/** A monotonic clock the test moves by hand, and the page's wait clock on it. */
function clock() {
  let t = 1_000;
  const now = () => t;
  return { now, advance: (ms: number) => (t += ms), page: () => createWaitClock(now) };
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

  it('times the wait on the monotonic clock, from when this page saw the count', () => {
    const c = clock();
    const page = c.page();
    page.started(4);
    c.advance(2_000);
    expect(page.remaining(4)).toBe(3_000);
    // A count this page has not seen (another tab, a reload) starts its full wait now.
    expect(page.remaining(5)).toBe(15_000);
    c.advance(15_000);
    expect(page.remaining(5)).toBe(0);
    expect(page.remaining(0)).toBe(0);
  });

  it('counts wrong PINs, makes the person wait, and forgets the failures after the right one', async () => {
    const c = clock();
    const opts = { ...FAST, clock: c.page() };
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

  it('counts every one of several wrong PINs checked at the same time', async () => {
    const opts = { ...FAST, clock: clock().page() };
    await setPin('111222', opts);
    const results = await Promise.all(Array.from({ length: 6 }, () => checkPin('999999', opts)));
    // Each try was either counted before its hash was checked, or refused unchecked: no free guesses.
    const wrong = results.filter((r) => !r.ok && r.reason === 'wrong').map((r) => (r as { failures: number }).failures);
    expect(wrong.sort()).toEqual([1, 2, 3, 4]);
    expect(results.filter((r) => !r.ok && r.reason === 'wait')).toHaveLength(2);
    expect(await (await getDb()).get('kv', KV_EVENT_PIN_THROTTLE)).toEqual({ failures: 4 });
  });

  it('does not let a clock set forward skip the wait', async () => {
    const c = clock();
    const opts = { ...FAST, clock: c.page() };
    await setPin('135790', opts);
    for (let i = 0; i < 4; i++) await checkPin('000000', opts);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 86_400_000);
    expect(await checkPin('135790', opts)).toEqual({ ok: false, reason: 'wait', waitMs: 5_000 });
    c.advance(5_000);
    expect(await checkPin('135790', opts)).toEqual({ ok: true });
  });

  it('keeps the count across a reload, which restarts the full wait', async () => {
    const c = clock();
    const opts = { ...FAST, clock: c.page() };
    await setPin('135790', opts);
    for (let i = 0; i < 5; i++) {
      await checkPin('000000', opts);
      c.advance(delayAfterFailures(i + 1));
    }
    await checkPin('000000', opts); // sixth failure: 30 s
    c.advance(10_000);
    expect(await pinWaitRemaining(opts)).toBe(20_000);
    // A reload: a new connection and a new page clock.
    await closeDb();
    const reloaded = { ...FAST, clock: c.page() };
    expect(await pinWaitRemaining(reloaded)).toBe(30_000);
    expect(await checkPin('135790', reloaded)).toEqual({ ok: false, reason: 'wait', waitMs: 30_000 });
    c.advance(30_000);
    expect(await checkPin('135790', reloaded)).toEqual({ ok: true });
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
