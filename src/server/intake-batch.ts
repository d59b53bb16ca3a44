import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiRoutes, AppDeps } from './types';
import { DB_RETRY_AFTER_SECONDS, apiError } from './errors';
import { log } from './log';
import { mediaType, receiveRequest, type DeliveryAnswer } from './intake';
import { retryAfterSeconds, takeAnother } from './rate-limit';
import { DbUnavailableError } from './db/engine';
import { BATCH_MAX_ITEMS, type BatchItem } from '../shared/protocol';

/**
 * POST /request-batch: several sealed requests in one exchange, each
 * received exactly as its own PUT would be (receiveRequest) and answered in
 * a list, in order. A flush sends what is ready while its link is busy; the
 * per-request HTTP work was most of what a day's outbox cost.
 *
 * What an anonymous client can make the server do stays what it could do
 * request by request: the body has the same limit as one request, each
 * request after the first spends another token of the client's rate budget
 * (the rest are answered 429 with Retry-After), and requests are received
 * one after another, never more at once than one PUT.
 */

/** Each answer names its request, so a device never reads one request's answer as another's. */
type ItemAnswer = DeliveryAnswer & { id: string; retryAfter?: number };

const DB_AWAY: DeliveryAnswer & { retryAfter: number } = { status: 503, body: { error: 'unavailable' }, retryAfter: DB_RETRY_AFTER_SECONDS };

function parseItems(text: string): BatchItem[] | 'malformed' | 'too_many' {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  const list = (json as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(list) || list.length === 0) return 'malformed';
  if (list.length > BATCH_MAX_ITEMS) return 'too_many';
  const items: BatchItem[] = [];
  for (const item of list as unknown[]) {
    const { id, body } = (item ?? {}) as Partial<BatchItem>;
    if (typeof id !== 'string' || typeof body !== 'string') return 'malformed';
    items.push({ id, body });
  }
  return items;
}

async function receiveItem(c: Context, deps: AppDeps, item: BatchItem, first: boolean, at: Date): Promise<DeliveryAnswer & { retryAfter?: number }> {
  const waitMs = first ? 0 : takeAnother(c);
  if (waitMs > 0) return { status: 429, body: { error: 'rate_limited' }, retryAfter: retryAfterSeconds(waitMs) };
  try {
    return await receiveRequest(deps, item.id, new TextEncoder().encode(item.body), at);
  } catch (err) {
    if (!(err instanceof DbUnavailableError)) throw err;
    log.info('db_unavailable', { code: err.code });
    return DB_AWAY;
  }
}

export const intakeBatchRoutes: ApiRoutes = (api, deps: AppDeps) => {
  const limit = bodyLimit({ maxSize: deps.settings.maxJsonBytes, onError: (c) => apiError(c, 413, 'payload_too_large') });
  api.post('/request-batch', async (c, next) => {
    const media = mediaType(c);
    if (media.type !== 'application/json' || !media.charsetOk) return apiError(c, 415, 'unsupported_media_type');
    return limit(c, next);
  }, async (c) => {
    const items = parseItems(await c.req.text());
    if (items === 'malformed') return apiError(c, 400, 'malformed_json');
    if (items === 'too_many') return apiError(c, 413, 'too_many_requests_in_batch');
    const at = deps.now?.() ?? new Date();
    const results: ItemAnswer[] = [];
    for (const [i, item] of items.entries()) {
      // The database away for one is away for the rest: they wait without trying it again.
      const away = results.at(-1)?.body.error === 'unavailable';
      results.push({ id: item.id, ...(away ? DB_AWAY : await receiveItem(c, deps, item, i === 0, at)) });
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ results });
  });
};
