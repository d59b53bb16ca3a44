/**
 * Lets many senders share one IndexedDB transaction. A flush of a day's
 * outbox claims and confirms hundreds of records, each a read-modify-write;
 * one transaction per record spent most of "Send now" opening and
 * committing transactions. Here a call made while a batch commits waits for
 * the next one, which takes everything that queued meanwhile: one call
 * alone commits at once (after the current microtask), a burst shares.
 *
 * When a shared transaction fails, each of its calls is tried again alone,
 * so one write that cannot be made fails only its own caller.
 */
export function groupCommit<T, R>(commit: (items: readonly T[]) => Promise<readonly R[]>): (item: T) => Promise<R> {
  type Entry = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };
  let queue: Entry[] = [];
  let draining = false;
  const drain = async () => {
    while (queue.length) {
      const batch = queue;
      queue = [];
      try {
        const results = await commit(batch.map((e) => e.item));
        batch.forEach((e, i) => e.resolve(results[i]!));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        // One write that cannot be made must not fail the others: each alone.
        else for (const e of batch) await commit([e.item]).then((r) => e.resolve(r[0]!), e.reject);
      }
    }
    draining = false;
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (draining) return;
      draining = true;
      // Calls made in the same turn join the first batch.
      queueMicrotask(() => void drain());
    });
}
