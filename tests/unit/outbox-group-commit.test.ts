/**
 * Record writes of a flush share transactions: calls in one turn, or made
 * while a commit runs, go in one batch; each caller gets its own answer, and
 * a failed batch fails each of its callers.
 */
import { describe, expect, it } from 'vitest';
import { gate } from './gate';
import { groupCommit } from '../../src/outbox/group-commit';

describe('group commit', () => {
  it('commits calls of one turn together, and those made meanwhile in the next batch, each answered its own result', async () => {
    const batches: number[][] = [];
    const first = gate();
    const write = groupCommit(async (items: readonly number[]) => {
      batches.push([...items]);
      if (batches.length === 1) await first.opened;
      return items.map((n) => n * 10);
    });
    const a = [write(1), write(2), write(3)];
    await Promise.resolve();
    await Promise.resolve();
    expect(batches).toEqual([[1, 2, 3]]);
    // While the first batch commits, more calls queue for one next batch.
    const b = [write(4), write(5)];
    await Promise.resolve();
    expect(batches).toHaveLength(1);
    first.open();
    expect(await Promise.all([...a, ...b])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2, 3], [4, 5]]);
    // Alone, a call commits on its own at once.
    expect(await write(6)).toBe(60);
    expect(batches.at(-1)).toEqual([6]);
  });

  it('fails a call whose write fails, and goes on with the next', async () => {
    let fail = true;
    const write = groupCommit(async (items: readonly string[]) => {
      if (fail) throw new Error('QuotaExceededError');
      return items.map((s) => s.toUpperCase());
    });
    const failed = [write('a'), write('b')];
    for (const p of failed) await expect(p).rejects.toThrow('QuotaExceededError');
    fail = false;
    expect(await write('c')).toBe('C');
  });

  it('when a shared commit fails, tries each call alone: only the write that cannot be made fails', async () => {
    const commits: string[][] = [];
    const write = groupCommit(async (items: readonly string[]) => {
      commits.push([...items]);
      if (items.includes('bad')) throw new Error('DataError');
      return items.map((s) => s.toUpperCase());
    });
    const calls = [write('a'), write('bad'), write('c')];
    expect(await calls[0]).toBe('A');
    await expect(calls[1]).rejects.toThrow('DataError');
    expect(await calls[2]).toBe('C');
    expect(commits).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });
});
