/**
 * When to try again: exponential backoff with jitter. A delivery uses full
 * jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"), so a
 * roomful of tablets coming back online does not hit the server in step; a
 * write to the device's own storage uses a narrow spread around the doubling
 * delay, since it competes with nobody and must not retry at once.
 *
 * Pure: the random source and the clock are arguments.
 */

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 10 * 60_000;
/** A Retry-After longer than this is treated as this: a typo on the server must not park a request for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** A number in [0, 1). */
  random?: () => number;
  /**
   * Jitter as a fraction of the delay either side of it (0.2: ±20%);
   * without it, full jitter: anywhere from 0 to the delay.
   */
  spread?: number;
}

/**
 * Delay before try number `attempt + 1`, after `attempt` failed tries
 * (1 = the first try failed): uniformly random in [0, min(cap, base·2^(attempt−1))],
 * or within ±spread of that ceiling.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? BACKOFF_BASE_MS;
  const cap = options.capMs ?? BACKOFF_CAP_MS;
  const random = options.random ?? Math.random;
  const n = Math.max(1, Math.floor(Number.isFinite(attempt) ? attempt : 1));
  // 2^30 is far past any cap; stop there so the product stays finite.
  const ceiling = Math.min(cap, base * 2 ** Math.min(n - 1, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  if (options.spread === undefined) return Math.round(r * ceiling);
  return Math.round(ceiling * (1 - options.spread + 2 * options.spread * r));
}

/**
 * Retry-After (RFC 9110 §10.2.3) as milliseconds from now: delta-seconds, or
 * an HTTP date measured against the server's own `Date` header when it sent
 * one, so a device clock that is hours off does not matter. Undefined when
 * absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, serverDate?: string | null, nowMs: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  let ms: number;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    // An HTTP date names its day and month; anything else ("-5") is not one.
    if (!/[A-Za-z]/.test(text)) return undefined;
    const at = Date.parse(text);
    if (!Number.isFinite(at)) return undefined;
    const serverNow = serverDate ? Date.parse(serverDate) : NaN;
    ms = at - (Number.isFinite(serverNow) ? serverNow : nowMs);
  }
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/**
 * The wait after a failed try: the server's Retry-After when it gave one
 * (it knows its load), otherwise the jittered backoff.
 */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, options: BackoffOptions = {}): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  return backoffDelay(attempt, options);
}
