/**
 * Growing delay on failed sign-ins. Per account the count lives in the
 * database (staff-store.ts: it survives restarts and is shared by every
 * process, and locks the account at the limit); per client address it
 * lives here, in a bounded map, so guessing across many e-mails from one
 * address slows down too. The delay is served before the answer, so a
 * guesser waits for every try.
 */

const BASE_MS = 250;
const MAX_MS = 8_000;
const FORGET_MS = 15 * 60_000;
const MAX_ADDRESSES = 10_000;

/** 0 for no failures, then 250 ms, 500 ms, 1 s, … up to 8 s. */
export function delayFor(failures: number): number {
  return failures <= 0 ? 0 : Math.min(MAX_MS, BASE_MS * 2 ** (failures - 1));
}

export interface AddressFailures {
  count(address: string, nowMs: number): number;
  fail(address: string, nowMs: number): void;
  clear(address: string): void;
}

export function addressFailures(): AddressFailures {
  const seen = new Map<string, { n: number; at: number }>();
  const live = (address: string, nowMs: number) => {
    const e = seen.get(address);
    if (e && nowMs - e.at > FORGET_MS) {
      seen.delete(address);
      return undefined;
    }
    return e;
  };
  return {
    count: (address, nowMs) => live(address, nowMs)?.n ?? 0,
    fail(address, nowMs) {
      const e = live(address, nowMs);
      if (e) {
        e.n += 1;
        e.at = nowMs;
        return;
      }
      if (seen.size >= MAX_ADDRESSES) {
        for (const [k, v] of seen) if (nowMs - v.at > FORGET_MS) seen.delete(k);
        // Still full: the oldest entry goes (Map keeps insertion order).
        if (seen.size >= MAX_ADDRESSES) seen.delete(seen.keys().next().value!);
      }
      seen.set(address, { n: 1, at: nowMs });
    },
    clear: (address) => void seen.delete(address),
  };
}
