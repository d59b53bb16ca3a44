import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { apiError } from './errors';

/**
 * Token bucket per client address, in memory: `perMinute` tokens refill
 * evenly, a full bucket allows a burst of `perMinute`. One process serves
 * the API, so memory is the right place; a restart forgives everyone.
 *
 * Behind a reverse proxy every client has the proxy's address: set the
 * limit for the whole site then, or put the limit in the proxy.
 */
export interface RateLimiter {
  /** 0 when allowed, otherwise milliseconds until a token is free. */
  take(key: string, nowMs: number): number;
}

const MAX_KEYS = 10_000;

export function createRateLimiter(perMinute: number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;
  return {
    take(key, nowMs) {
      if (perMinute <= 0) return 0;
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= MAX_KEYS) {
          // Drop the buckets that have refilled: they hold no information.
          for (const [k, v] of buckets) if (v.tokens + (nowMs - v.at) * perMs >= perMinute) buckets.delete(k);
          if (buckets.size >= MAX_KEYS) buckets.delete(buckets.keys().next().value!);
        }
        b = { tokens: perMinute, at: nowMs };
        buckets.set(key, b);
      }
      b.tokens = Math.min(perMinute, b.tokens + Math.max(0, nowMs - b.at) * perMs);
      b.at = nowMs;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - b.tokens) / perMs);
    },
  };
}

export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'local';
  }
}

export function rateLimit(limiter: RateLimiter, now: () => Date): MiddlewareHandler {
  return async (c, next) => {
    const waitMs = limiter.take(clientAddress(c), now().getTime());
    if (waitMs > 0) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
      return apiError(c, 429, 'rate_limited');
    }
    await next();
  };
}
