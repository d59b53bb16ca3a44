/**
 * One exchange with the intake server: a PUT, or a batch of requests, each
 * with a timeout that grows with its size on a slow link, and every answer
 * read by the pure classifier (protocol.ts). Never throws: a dead link is a
 * retry like any other.
 */
import { classify, isRetryStatus, parseBatchAnswer, requestBatchUrl, type BatchItem, type Outcome } from '../shared/protocol';
import type { BatchResult } from './request-batches';

/** What an exchange needs of the flush. */
export interface Link {
  apiBase: string;
  fetch: typeof fetch;
  now: () => number;
  /** Bytes per second assumed for the timeout on a slow link. */
  bytesPerSecond: number;
}

const BASE_TIMEOUT_MS = 30_000;

/** What came back: the status, headers and parsed JSON body (undefined when not JSON), or why nothing did. */
type Answer = { status: number; headers: Headers; body: unknown } | { failed: 'timeout' | 'network' };

/** One fetch with a timeout for its size, started once the caller holds a slot: waiting for the link is not the server's slowness. */
async function call(ctx: Link, url: string, init: RequestInit, bytes: number): Promise<Answer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), BASE_TIMEOUT_MS + (bytes / ctx.bytesPerSecond) * 1000);
  try {
    const res = await ctx.fetch(url, { ...init, signal: controller.signal, credentials: 'omit', cache: 'no-store' });
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    return { status: res.status, headers: res.headers, body };
  } catch {
    return { failed: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

export async function exchange(ctx: Link, url: string, init: RequestInit, bytes: number, expect: Parameters<typeof classify>[1]): Promise<Outcome> {
  const answer = await call(ctx, url, { ...init, method: 'PUT' }, bytes);
  if ('failed' in answer) return { kind: 'retry', code: answer.failed };
  return classify(answer, expect, { nowMs: ctx.now() });
}

/**
 * One batch of requests. Answers each request's outcome as its PUT's would
 * be read; "unsupported" from a server that has no batches (each then goes
 * by PUT); each alone too when the batch as a whole was refused for a
 * reason that may not be any one request's (its size, a proxy's page).
 * A busy server, a rate limit or a dead link is every request's retry.
 */
export async function exchangeBatch(ctx: Link, items: BatchItem[]): Promise<BatchResult> {
  const text = JSON.stringify({ requests: items });
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const answer = await call(ctx, requestBatchUrl(ctx.apiBase), { method: 'POST', body: text, headers }, text.length);
  if ('failed' in answer) {
    const outcome: Outcome = { kind: 'retry', code: answer.failed };
    return items.map(() => outcome);
  }
  const nowMs = ctx.now();
  if (answer.status === 200) {
    const each = parseBatchAnswer(answer.body, items.map((i) => i.id));
    if (!each) return items.map(() => ({ kind: 'retry', code: 'bad_response' }));
    return each.map((res, i) => classify(res, { id: items[i]!.id }, { nowMs }));
  }
  if (answer.status === 404 || answer.status === 405) return 'unsupported';
  if (isRetryStatus(answer.status)) {
    return items.map((item) => classify(answer, { id: item.id }, { nowMs }));
  }
  return 'alone';
}
