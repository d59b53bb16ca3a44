import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../src/ui/coalesce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A run that stays open until `finish` is called, counting how often it started. */
function gatedRun() {
  const gate = { starts: 0, finish: () => {} };
  const run = () =>
    new Promise<void>((resolve) => {
      gate.starts++;
      gate.finish = resolve;
    });
  return { gate, run };
}

describe('coalesce', () => {
  it('folds a burst of calls into one run, a gap after the first', async () => {
    const { gate, run } = gatedRun();
    const later = coalesce(run, 250);
    for (let i = 0; i < 50; i++) later();
    await vi.advanceTimersByTimeAsync(249);
    expect(gate.starts).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(gate.starts).toBe(1);
  });

  it('calls during a run ask for exactly one more run after it', async () => {
    const { gate, run } = gatedRun();
    const later = coalesce(run, 250);
    later();
    await vi.advanceTimersByTimeAsync(250);
    later();
    later();
    await vi.advanceTimersByTimeAsync(1000);
    expect(gate.starts).toBe(1);
    gate.finish();
    await vi.advanceTimersByTimeAsync(250);
    expect(gate.starts).toBe(2);
    gate.finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(gate.starts).toBe(2);
  });

  it('now() runs at once, or right after the run under way', async () => {
    const { gate, run } = gatedRun();
    const later = coalesce(run, 250);
    later.now();
    await vi.advanceTimersByTimeAsync(0);
    expect(gate.starts).toBe(1);
    later.now();
    expect(gate.starts).toBe(1);
    gate.finish();
    await vi.advanceTimersByTimeAsync(250);
    expect(gate.starts).toBe(2);
  });

  it('runs nothing more once cancelled, and survives a failing run', async () => {
    let starts = 0;
    const later = coalesce(async () => {
      starts++;
      throw new Error('storage refused');
    }, 250);
    later();
    await vi.advanceTimersByTimeAsync(250);
    later();
    await vi.advanceTimersByTimeAsync(250);
    expect(starts).toBe(2);
    later();
    later.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts).toBe(2);
  });
});
