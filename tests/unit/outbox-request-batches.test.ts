/**
 * Requests ready while the link is busy share a batch; one that finds a
 * slot free, one too large to share, or any once the server has shown it
 * has no batches, goes by its own PUT.
 */
import { describe, expect, it } from 'vitest';
import { createSlots } from '../../src/outbox/slots';
import { createRequestBatches, type BatchResult } from '../../src/outbox/request-batches';
import { BATCH_MAX_BYTES, BATCH_MAX_ITEMS, type BatchItem, type Outcome } from '../../src/shared/protocol';

const receipt = (id: string): Outcome => ({ kind: 'delivered', receipt: { id, confirmation: 'K7Q-4M2-XP9', receivedAt: '2025-06-15T12:00:00.000Z' } });

function setup(answer: (items: BatchItem[]) => BatchResult = (items) => items.map((i) => receipt(i.id))) {
  const slots = createSlots(1);
  const batches: string[][] = [];
  const alone: string[] = [];
  const send = createRequestBatches(slots, async (items) => {
    batches.push(items.map((i) => i.id));
    return answer(items);
  });
  const entry = (id: string, size = 10) => ({
    id,
    body: 'x'.repeat(size),
    alone: async () => {
      alone.push(id);
      return receipt(id);
    },
  });
  return { slots, send, entry, batches, alone };
}

/** Holds the only slot until released. */
function holdSlot(slots: ReturnType<typeof createSlots>) {
  let release!: () => void;
  const held = slots.run(() => new Promise<void>((r) => (release = r)));
  return { release: () => release(), held };
}

describe('request batches', () => {
  it('sends one request with the slot free by its own PUT, and gathers those ready while the slot is busy into one batch', async () => {
    const t = setup();
    expect(await t.send(t.entry('a'))).toEqual(receipt('a'));
    expect(t.alone).toEqual(['a']);
    const hold = holdSlot(t.slots);
    const answers = ['b', 'c', 'd'].map((id) => t.send(t.entry(id)));
    hold.release();
    expect(await Promise.all(answers)).toEqual(['b', 'c', 'd'].map(receipt));
    expect(t.batches).toEqual([['b', 'c', 'd']]);
    expect(t.alone).toEqual(['a']);
  });

  it(`starts a new batch after ${BATCH_MAX_ITEMS} requests or ${BATCH_MAX_BYTES / 1024} KiB, and sends a larger request alone`, async () => {
    const t = setup();
    const hold = holdSlot(t.slots);
    const ids = Array.from({ length: BATCH_MAX_ITEMS + 2 }, (_, i) => `r${i}`);
    const answers = ids.map((id) => t.send(t.entry(id)));
    answers.push(t.send(t.entry('big', BATCH_MAX_BYTES + 1)));
    answers.push(t.send(t.entry('half1', BATCH_MAX_BYTES / 2)), t.send(t.entry('half2', BATCH_MAX_BYTES / 2)));
    hold.release();
    await Promise.all(answers);
    // half2 would take the second batch over the byte limit: it starts a third, where it is alone.
    expect(t.batches).toEqual([ids.slice(0, BATCH_MAX_ITEMS), [...ids.slice(BATCH_MAX_ITEMS), 'half1']]);
    expect(t.alone).toEqual(['big', 'half2']);
  });

  it('once the server answers a batch "unsupported", sends its requests and all later ones by PUT', async () => {
    const t = setup(() => 'unsupported');
    let hold = holdSlot(t.slots);
    const first = ['a', 'b'].map((id) => t.send(t.entry(id)));
    hold.release();
    expect(await Promise.all(first)).toEqual([receipt('a'), receipt('b')]);
    hold = holdSlot(t.slots);
    const later = ['c', 'd'].map((id) => t.send(t.entry(id)));
    hold.release();
    await Promise.all(later);
    expect(t.batches).toEqual([['a', 'b']]);
    expect(t.alone).toEqual(['a', 'b', 'c', 'd']);
  });

  it('answers each request of a batch its own outcome', async () => {
    const t = setup((items) => items.map((i, n): Outcome => (n === 1 ? { kind: 'retry', code: 'busy', retryAfterMs: 30_000 } : receipt(i.id))));
    const hold = holdSlot(t.slots);
    const answers = ['a', 'b', 'c'].map((id) => t.send(t.entry(id)));
    hold.release();
    expect(await Promise.all(answers)).toEqual([receipt('a'), { kind: 'retry', code: 'busy', retryAfterMs: 30_000 }, receipt('c')]);
  });
});
