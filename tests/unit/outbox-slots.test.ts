/**
 * The flush's bound on open PUTs: never more than its size at once, and
 * slots granted in the order they were asked for.
 */
import { describe, expect, it } from 'vitest';
import { gate } from './gate';
import { createSlots } from '../../src/outbox/slots';

describe('flush slots', () => {
  it('runs at most `size` at once and grants waiting work first come first served', async () => {
    const slots = createSlots(2);
    const gates = Array.from({ length: 6 }, gate);
    const started: number[] = [];
    let open = 0;
    let maxOpen = 0;
    const runs = gates.map((g, i) =>
      slots.run(async () => {
        started.push(i);
        maxOpen = Math.max(maxOpen, ++open);
        await g.opened;
        open--;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    // The later of the two finishes first: the next in line still is 2, then 3.
    gates[1]!.open();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.open();
    await runs[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(maxOpen).toBe(2);
  });

  it('frees the slot when the work fails', async () => {
    const slots = createSlots(1);
    await expect(slots.run(() => Promise.reject(new Error('network')))).rejects.toThrow('network');
    expect(await slots.run(async () => 'next')).toBe('next');
  });
});
