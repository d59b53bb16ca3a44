import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { apiError } from './errors';
import { createRateLimiter, tooManyRequests } from './rate-limit';

/** Wrong tokens a client may send in a burst; after that one more every FAILURE_REFILL_MS / FAILURE_BURST. */
export const FAILURE_BURST = 10;
const FAILURE_REFILL_MS = 60 * 60 * 1000;

/** Compares digests, so neither the token's length nor its bytes leak through timing. */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export interface StaffAuthOptions {
  /** INTAKE_TOKEN; without it the staff routes do not exist (404). */
  token: string | null;
  client: (c: Context) => string;
  now: () => Date;
}

/**
 * `Authorization: Bearer $INTAKE_TOKEN` for the staff routes. A client that
 * sent FAILURE_BURST wrong tokens waits (429, Retry-After) before any token
 * of its own is checked again, right or wrong, so guessing goes at a few
 * tries an hour. Only wrong tokens count: staff who signed in are never slowed.
 */
export function staffAuth({ token, client, now }: StaffAuthOptions): MiddlewareHandler {
  const failures = createRateLimiter(FAILURE_BURST, FAILURE_REFILL_MS);
  // Our own error shape for every refusal; a malformed header is just as unauthorized.
  const unauthorized = (c: Context) => {
    c.header('WWW-Authenticate', 'Bearer');
    return apiError(c, 401, 'unauthorized');
  };
  const check = token
    ? bearerAuth({
        verifyToken: (given, c) => {
          if (tokenMatches(given, token)) return true;
          failures.take(client(c), now().getTime());
          return false;
        },
        noAuthenticationHeader: { message: unauthorized },
        invalidAuthenticationHeader: { message: unauthorized },
        invalidToken: { message: unauthorized },
      })
    : null;
  return async (c, next) => {
    if (!check) return apiError(c, 404, 'not_found');
    const wait = failures.wait(client(c), now().getTime());
    if (wait > 0) return tooManyRequests(c, wait);
    return check(c, next);
  };
}
