import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, MAX_RETRY_AFTER_MS, backoffDelay, parseRetryAfter, retryDelay } from '../../src/shared/backoff';

describe('backoff with full jitter', () => {
  it('doubles the ceiling from 2 s and stops at 10 minutes', () => {
    const top = () => 0.999999999;
    expect(backoffDelay(1, { random: top })).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(2, { random: top })).toBe(4_000);
    expect(backoffDelay(3, { random: top })).toBe(8_000);
    expect(backoffDelay(9, { random: top })).toBe(512_000);
    expect(backoffDelay(10, { random: top })).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(10_000, { random: top })).toBe(BACKOFF_CAP_MS);
  });

  it('is anywhere from zero to the ceiling (full jitter)', () => {
    expect(backoffDelay(5, { random: () => 0 })).toBe(0);
    expect(backoffDelay(5, { random: () => 0.5 })).toBe(16_000);
  });

  it('stays within the spread around the doubling delay when one is given (a storage write)', () => {
    const save = { baseMs: 1000, capMs: 30_000, spread: 0.2 };
    expect(backoffDelay(1, { ...save, random: () => 0.5 })).toBe(1000);
    expect(backoffDelay(3, { ...save, random: () => 0.5 })).toBe(4000);
    expect(backoffDelay(20, { ...save, random: () => 0.5 })).toBe(30_000);
    expect(backoffDelay(1, { ...save, random: () => 0 })).toBe(800);
    expect(backoffDelay(1, { ...save, random: () => 1 })).toBe(1200);
  });

  it('never leaves [0, cap] whatever the attempt count or random source', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double()), fc.double({ min: -1, max: 2, noNaN: true }), (attempt, r) => {
        const d = backoffDelay(attempt, { random: () => r });
        return Number.isFinite(d) && d >= 0 && d <= BACKOFF_CAP_MS;
      }),
    );
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2025-05-03T12:00:00Z');

  it('reads delta seconds', () => {
    expect(parseRetryAfter('30', null, now)).toBe(30_000);
    expect(parseRetryAfter(' 0 ', null, now)).toBe(0);
  });

  it('reads an HTTP date against the server Date header, not the device clock', () => {
    const serverDate = 'Sat, 03 May 2025 09:00:00 GMT';
    const retryAt = 'Sat, 03 May 2025 09:02:00 GMT';
    // The device clock is three hours ahead of the server: still two minutes.
    expect(parseRetryAfter(retryAt, serverDate, now)).toBe(120_000);
    // Without a Date header the device clock is all there is: already past.
    expect(parseRetryAfter(retryAt, null, now)).toBe(0);
  });

  it('ignores garbage and caps absurd waits', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-5')).toBeUndefined();
    expect(parseRetryAfter('99999999', null, now)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('takes the server word over the backoff', () => {
    expect(retryDelay(7, 5_000, { random: () => 0.9 })).toBe(5_000);
    expect(retryDelay(1, undefined, { random: () => 0.5 })).toBe(1_000);
  });
});
