import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from './errors';

/**
 * Token buckets per client, in memory: `capacity` tokens refill evenly over
 * `refillMs`, a full bucket allows a burst of `capacity`. Each server
 * process keeps its own buckets (a restart forgives everyone); with several
 * processes behind one proxy, each limits on its own, so a client gets up
 * to n times the budget: put the limit in the proxy for a whole site.
 */
export interface RateLimiter {
  /** Takes a token: 0 when allowed, otherwise milliseconds until one is free. */
  take(key: string, nowMs: number): number;
  /** Like take, without spending: how long until a token is free (0: now). */
  wait(key: string, nowMs: number): number;
}

const MAX_KEYS = 10_000;

export function createRateLimiter(capacity: number, refillMs = 60_000): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = capacity / refillMs;
  const refilled = (b: { tokens: number; at: number }, nowMs: number) => Math.min(capacity, b.tokens + Math.max(0, nowMs - b.at) * perMs);

  const bucket = (key: string, nowMs: number) => {
    let b = buckets.get(key);
    if (!b) {
      if (buckets.size >= MAX_KEYS) {
        // Drop the buckets that have refilled: they hold no information.
        for (const [k, v] of buckets) if (refilled(v, nowMs) >= capacity) buckets.delete(k);
        if (buckets.size >= MAX_KEYS) buckets.delete(buckets.keys().next().value!);
      }
      b = { tokens: capacity, at: nowMs };
      buckets.set(key, b);
    }
    b.tokens = refilled(b, nowMs);
    b.at = nowMs;
    return b;
  };
  const waitFor = (tokens: number) => (tokens >= 1 ? 0 : Math.ceil((1 - tokens) / perMs));

  return {
    take(key, nowMs) {
      if (capacity <= 0) return 0;
      const b = bucket(key, nowMs);
      const wait = waitFor(b.tokens);
      if (wait === 0) b.tokens -= 1;
      return wait;
    },
    wait(key, nowMs) {
      if (capacity <= 0) return 0;
      const b = buckets.get(key);
      return b ? waitFor(refilled(b, nowMs)) : 0;
    },
  };
}

/** A wait as Retry-After gives it: whole seconds, at least 1. */
export const retryAfterSeconds = (waitMs: number) => Math.max(1, Math.ceil(waitMs / 1000));

/** 429 with Retry-After in whole seconds (at least 1). */
export function tooManyRequests(c: Context, waitMs: number) {
  c.header('Retry-After', String(retryAfterSeconds(waitMs)));
  return apiError(c, 429, 'rate_limited');
}

/** Per request, the way to spend more of the same client's budget (see takeAnother). */
const budgets = new WeakMap<Context, () => number>();

/** Spends one token of the client's budget per request. */
export function rateLimit(limiter: RateLimiter, client: (c: Context) => string, now: () => Date): MiddlewareHandler {
  return async (c, next) => {
    const key = client(c);
    const waitMs = limiter.take(key, now().getTime());
    if (waitMs > 0) return tooManyRequests(c, waitMs);
    budgets.set(c, () => limiter.take(key, now().getTime()));
    await next();
  };
}

/**
 * One more token for a request that carries several (a batch costs what
 * its requests would cost one by one): 0 when allowed, otherwise
 * milliseconds until one is free. Free where no limit applies.
 */
export function takeAnother(c: Context): number {
  return budgets.get(c)?.() ?? 0;
}
