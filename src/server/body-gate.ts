import type { MiddlewareHandler } from 'hono';
import { apiError } from './errors';

/** Methods whose requests carry a body we read. */
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * At most `max` requests with a body are handled at once, over every
 * client: each may hold a large body in memory while it is read, checked
 * and stored, so many slow uploads at once could exhaust memory. The rest
 * get 503 with Retry-After, which the device treats as "try again soon"
 * and keeps the request.
 */
export function bodyGate(max: number, retryAfterSeconds = 2): MiddlewareHandler {
  let active = 0;
  return async (c, next) => {
    if (!WITH_BODY.has(c.req.method)) return next();
    if (active >= max) {
      c.header('Retry-After', String(retryAfterSeconds));
      return apiError(c, 503, 'busy');
    }
    active += 1;
    try {
      await next();
    } finally {
      active -= 1;
    }
  };
}
