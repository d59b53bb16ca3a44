/**
 * Lets many senders share one IndexedDB transaction. A flush of a day's
 * outbox claims and confirms hundreds of records, each a read-modify-write;
 * one transaction per record spent most of "Send now" opening and
 * committing transactions. Here a call made while a batch commits waits for
 * the next one, which takes everything that queued meanwhile: one call
 * alone commits at once (after the current microtask), a burst shares.
 *
 * A batch that fails fails every call in it: each sender then sees what it
 * would have seen alone, a write that did not happen.
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
        for (const e of batch) e.reject(error);
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
