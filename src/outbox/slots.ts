/**
 * A bound on work in flight, granted first come first served: the flush
 * asks for a slot per PUT in the order its records are due, so the oldest
 * request is never overtaken by a newer one waiting for the same link.
 */
export interface Slots {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createSlots(size: number): Slots {
  let free = Math.max(1, size);
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (free > 0) free--;
      else await new Promise<void>((grant) => waiting.push(grant));
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
