/**
 * Gathers the requests that become ready while every slot of the link is
 * busy into one batch (POST /request-batch), sent when a slot frees: a
 * day's outbox goes as a few dozen exchanges instead of hundreds, and a
 * request that finds a slot free still goes at once. A request alone, one
 * too large to share, or every request once the server has shown it has no
 * batches (404) goes by its own PUT. Each request's answer is classified
 * exactly as its PUT's would be, so nothing else in the flush changes.
 */
import { BATCH_MAX_BYTES, BATCH_MAX_ITEMS, type BatchItem, type Outcome } from '../shared/protocol';
import type { Slots } from './slots';

export interface BatchEntry extends BatchItem {
  /** This request's own PUT, run inside the slot its batch holds. */
  alone: () => Promise<Outcome>;
}

/**
 * One batch exchange's answer: an outcome per request, in order; "no
 * batches here" (every later request goes alone too); or "each alone" for
 * this batch only.
 */
export type BatchResult = Outcome[] | 'unsupported' | 'alone';

interface Batch {
  entries: BatchEntry[];
  bytes: number;
  answers: ((outcome: Outcome) => void)[];
  closed: boolean;
}

export function createRequestBatches(
  slots: Slots,
  exchange: (items: BatchItem[]) => Promise<BatchResult>,
): (entry: BatchEntry) => Promise<Outcome> {
  let open: Batch | undefined;
  let supported = true;

  const run = async (batch: Batch): Promise<Outcome[]> => {
    // Requests readied by one burst of answers arrive a few microtasks
    // apart: they join before the batch closes.
    await new Promise((r) => setTimeout(r, 0));
    batch.closed = true;
    if (open === batch) open = undefined;
    if (batch.entries.length > 1 && supported) {
      const result = await exchange(batch.entries.map(({ id, body }) => ({ id, body })));
      if (Array.isArray(result)) return result;
      if (result === 'unsupported') supported = false;
    }
    const outcomes: Outcome[] = [];
    for (const entry of batch.entries) outcomes.push(await entry.alone());
    return outcomes;
  };

  const start = (batch: Batch) =>
    slots.run(() => run(batch)).then(
      (outcomes) => batch.answers.forEach((answer, i) => answer(outcomes[i]!)),
      () => batch.answers.forEach((answer) => answer({ kind: 'retry', code: 'network' })),
    );

  return (entry) => {
    const fits = (b: Batch | undefined): b is Batch =>
      !!b && !b.closed && b.entries.length < BATCH_MAX_ITEMS && b.bytes + entry.body.length <= BATCH_MAX_BYTES;
    let batch = open;
    if (!fits(batch)) {
      batch = { entries: [], bytes: 0, answers: [], closed: false };
      // Too large to share: a batch of its own, which goes as a PUT.
      if (entry.body.length <= BATCH_MAX_BYTES) open = batch;
      const starting = batch;
      queueMicrotask(() => void start(starting));
    }
    batch.entries.push(entry);
    batch.bytes += entry.body.length;
    const joined = batch;
    return new Promise<Outcome>((resolve) => joined.answers.push(resolve));
  };
}
