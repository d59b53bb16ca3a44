import { parseRetryAfter } from './backoff';

/**
 * The delivery protocol as both ends see it: URLs, response bodies, and how
 * the device reads each answer. Pure; the server builds the same bodies in
 * src/server/intake.ts.
 *
 *   PUT {apiBase}/requests/{id}/attachments/{attachmentId}
 *       Content-Type: application/octet-stream, X-Content-SHA256: <hex of body>,
 *       X-Request-Claim: <claim> (version-8 ids)
 *       body: binary sealed envelope  →  200 {id, attachmentId, sha256}
 *   PUT {apiBase}/requests/{id}
 *       Content-Type: application/json
 *       body: sealed JSON envelope    →  200/201 {id, confirmation, receivedAt}
 *   POST {apiBase}/request-batch
 *       Content-Type: application/json
 *       body: {requests: [{id, body}]}, body the sealed JSON envelope as
 *       text (the very bytes a PUT would send); at most BATCH_MAX_ITEMS
 *       → 200 {results: [{id, status, body, retryAfter?}]}: for each request,
 *       in order, what its PUT would have answered (retryAfter in seconds)
 *   PUT {apiBase}/feedback/{id}       sealed JSON envelope → 200/201 {id, receivedAt}
 *
 * `id` is the wire id: derived from the request's claim (request-claim.ts),
 * never the draft's id the page shows in its own URLs.
 *
 * Errors: {error: code, issues?: [{code, path}], missing?: [ids], current?: kid}.
 */

export const CONTENT_SHA256_HEADER = 'X-Content-SHA256';
/**
 * The request's claim (request-claim.ts) on each attachment upload under a
 * version-8 id: files are not sealed with it, so this is how the server
 * knows the uploader holds it. Only over HTTPS; never logged.
 */
export const REQUEST_CLAIM_HEADER = 'X-Request-Claim';

/** What a successful request PUT answers. `receivedAt` is the server's clock. */
export interface DeliveryReceipt {
  id: string;
  /** Formatted for reading aloud, e.g. "K7Q-4M2-XP9". */
  confirmation: string;
  receivedAt: string;
  /** What asks the office for the request's status (servers before statuses send none). */
  statusSecret?: string;
}

/** What a successful feedback PUT answers: nothing to keep but when it arrived. */
export interface FeedbackReceipt {
  id: string;
  receivedAt: string;
}

/** What a successful follow-up PUT answers. */
export interface AnswerReceipt {
  id: string;
  requestId: string;
  receivedAt: string;
}

export interface AttachmentReceipt {
  id: string;
  attachmentId: string;
  /** SHA-256 (hex) of the sealed bytes the server stored. */
  sha256: string;
}

/** One reason the server refused a request; `path` names the field when there is one. */
export interface Reason {
  code: string;
  path?: string;
}

export interface ErrorBody {
  error: string;
  issues?: Reason[];
  missing?: string[];
  current?: string;
}

export type Outcome =
  | { kind: 'delivered'; receipt: DeliveryReceipt }
  /** A follow-up arrived. */
  | { kind: 'answered'; receipt: AnswerReceipt }
  /** Feedback arrived. */
  | { kind: 'received'; receipt: FeedbackReceipt }
  | { kind: 'uploaded' }
  /** Try again later; `retryAfterMs` when the server said when. */
  | { kind: 'retry'; code: string; retryAfterMs?: number }
  /** Sealed to a key the server no longer has: re-seal to `current`. */
  | { kind: 'unknown-kid'; current?: string }
  /** The request arrived before (some of) its files: upload these again. */
  | { kind: 'missing-attachments'; ids: string[] }
  /** The server will never accept this as it is. */
  | { kind: 'refused'; reasons: Reason[] };

export function joinUrl(apiBase: string, ...parts: string[]): string {
  return [apiBase.replace(/\/+$/, ''), ...parts.map(encodeURIComponent)].join('/');
}

export const requestUrl = (apiBase: string, id: string) => joinUrl(apiBase, 'requests', id);
export const attachmentUrl = (apiBase: string, id: string, attachmentId: string) =>
  joinUrl(apiBase, 'requests', id, 'attachments', attachmentId);
export const requestBatchUrl = (apiBase: string) => joinUrl(apiBase, 'request-batch');
export const feedbackUrl = (apiBase: string, id: string) => joinUrl(apiBase, 'feedback', id);
export const followUpUrl = (apiBase: string, requestId: string, id: string) => joinUrl(apiBase, 'requests', requestId, 'follow-ups', id);
export const followUpAttachmentUrl = (apiBase: string, requestId: string, id: string, attachmentId: string) =>
  joinUrl(apiBase, 'requests', requestId, 'follow-ups', id, 'attachments', attachmentId);

const CODE = /^[a-z][a-z0-9_.]{0,63}$/;
const MAX_LIST = 200;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The error body, with anything not shaped like ours dropped (never trusted, never shown raw). */
export function parseErrorBody(json: unknown): ErrorBody | undefined {
  if (!isRecord(json) || typeof json.error !== 'string' || !CODE.test(json.error)) return undefined;
  const out: ErrorBody = { error: json.error };
  if (Array.isArray(json.issues)) {
    out.issues = json.issues
      .slice(0, MAX_LIST)
      .filter((i): i is Record<string, unknown> => isRecord(i) && typeof i.code === 'string' && CODE.test(i.code))
      .map((i) => (typeof i.path === 'string' && i.path.length <= 200 ? { code: i.code as string, path: i.path } : { code: i.code as string }));
  }
  if (Array.isArray(json.missing)) {
    out.missing = json.missing.slice(0, MAX_LIST).filter((m): m is string => typeof m === 'string' && m.length <= 100);
  }
  if (typeof json.current === 'string' && json.current.length <= 64) out.current = json.current;
  return out;
}

export function parseDeliveryReceipt(json: unknown, expectedId: string): DeliveryReceipt | undefined {
  if (!isRecord(json) || json.id !== expectedId) return undefined;
  const { confirmation, receivedAt } = json;
  if (typeof confirmation !== 'string' || !/^[A-Z0-9-]{4,20}$/.test(confirmation)) return undefined;
  if (typeof receivedAt !== 'string' || !Number.isFinite(Date.parse(receivedAt))) return undefined;
  const secret = json.statusSecret;
  return typeof secret === 'string' && /^[A-Za-z0-9_-]{22,128}$/.test(secret)
    ? { id: expectedId, confirmation, receivedAt, statusSecret: secret }
    : { id: expectedId, confirmation, receivedAt };
}

export function parseAnswerReceipt(json: unknown, expectedId: string, requestId: string): AnswerReceipt | undefined {
  if (!isRecord(json) || json.id !== expectedId || json.requestId !== requestId) return undefined;
  if (typeof json.receivedAt !== 'string' || !Number.isFinite(Date.parse(json.receivedAt))) return undefined;
  return { id: expectedId, requestId, receivedAt: json.receivedAt };
}

export function parseFeedbackReceipt(json: unknown, expectedId: string): FeedbackReceipt | undefined {
  if (!isRecord(json) || json.id !== expectedId) return undefined;
  if (typeof json.receivedAt !== 'string' || !Number.isFinite(Date.parse(json.receivedAt))) return undefined;
  return { id: expectedId, receivedAt: json.receivedAt };
}

export function parseAttachmentReceipt(json: unknown, expectedId: string, attachmentId: string): AttachmentReceipt | undefined {
  if (!isRecord(json) || json.id !== expectedId || json.attachmentId !== attachmentId) return undefined;
  if (typeof json.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(json.sha256)) return undefined;
  return { id: expectedId, attachmentId, sha256: json.sha256 };
}

/**
 * A batch carries the requests that are ready while the link is busy, so a
 * day's outbox is a few dozen exchanges rather than hundreds. Small enough
 * that one batch on a weak link finishes well within its timeout.
 */
export const BATCH_MAX_ITEMS = 20;
/** Sum of the sealed bodies in one batch; a larger request goes alone, by PUT. */
export const BATCH_MAX_BYTES = 256 * 1024;

/** One request in a batch: its wire id and the sealed envelope's JSON text. */
export interface BatchItem {
  id: string;
  body: string;
}

/**
 * The batch answer, one ResponseLike per request for classify(); undefined
 * when it is not ours or does not answer exactly these requests in order.
 */
export function parseBatchAnswer(json: unknown, ids: readonly string[]): ResponseLike[] | undefined {
  if (!isRecord(json) || !Array.isArray(json.results) || json.results.length !== ids.length) return undefined;
  const out: ResponseLike[] = [];
  for (const [i, r] of (json.results as unknown[]).entries()) {
    // Each answer names its request: a list out of order is nobody's answer.
    if (!isRecord(r) || r.id !== ids[i]) return undefined;
    if (!Number.isInteger(r.status) || (r.status as number) < 200 || (r.status as number) > 599) return undefined;
    const retryAfter = typeof r.retryAfter === 'number' && Number.isFinite(r.retryAfter) ? String(r.retryAfter) : null;
    out.push({ status: r.status as number, headers: { get: (name) => (name.toLowerCase() === 'retry-after' ? retryAfter : null) }, body: r.body });
  }
  return out;
}

/** What the device needs of a Response, so classification stays pure and testable. */
export interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
}

export interface ClassifyOptions {
  nowMs?: number;
}

/** Statuses that say "not now" (a timeout, a rate limit, a server fault), never "not this". */
export const isRetryStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** Reads an answer to any PUT. `expect` says which receipt a 2xx must echo (`requestId`: a follow-up's; `feedback`: feedback's). */
export function classify(
  res: ResponseLike,
  expect: { id: string; attachmentId?: string; sha256?: string; requestId?: string; feedback?: true },
  options: ClassifyOptions = {},
): Outcome {
  const { status } = res;
  if (status >= 200 && status < 300) {
    if (expect.attachmentId !== undefined) {
      const receipt = parseAttachmentReceipt(res.body, expect.id, expect.attachmentId);
      if (receipt && (expect.sha256 === undefined || receipt.sha256 === expect.sha256)) return { kind: 'uploaded' };
      return { kind: 'retry', code: 'bad_response' };
    }
    if (expect.requestId !== undefined) {
      const answer = parseAnswerReceipt(res.body, expect.id, expect.requestId);
      return answer ? { kind: 'answered', receipt: answer } : { kind: 'retry', code: 'bad_response' };
    }
    if (expect.feedback) {
      const received = parseFeedbackReceipt(res.body, expect.id);
      return received ? { kind: 'received', receipt: received } : { kind: 'retry', code: 'bad_response' };
    }
    const receipt = parseDeliveryReceipt(res.body, expect.id);
    // A captive portal or a proxy can answer 200 with its own page: only our echo counts.
    return receipt ? { kind: 'delivered', receipt } : { kind: 'retry', code: 'bad_response' };
  }
  const error = parseErrorBody(res.body);
  const retryAfterMs = parseRetryAfter(res.headers.get('Retry-After'), res.headers.get('Date'), options.nowMs);
  const retry = (code: string): Outcome => (retryAfterMs === undefined ? { kind: 'retry', code } : { kind: 'retry', code, retryAfterMs });

  if (isRetryStatus(status)) return retry(error?.error ?? `http_${status}`);
  if (status === 409 && error?.error === 'unknown_kid') {
    return error.current ? { kind: 'unknown-kid', current: error.current } : { kind: 'unknown-kid' };
  }
  if (status === 409 && error?.error === 'missing_attachments') return { kind: 'missing-attachments', ids: error.missing ?? [] };
  // A bad checksum is damage on the way: the same bytes again will do.
  if (error?.error === 'checksum_mismatch') return retry('checksum_mismatch');
  if (status === 413 || status === 415) return { kind: 'refused', reasons: [{ code: error?.error ?? `http_${status}` }] };
  if (status >= 400 && status < 500 && error) {
    const reasons: Reason[] = error.issues?.length ? error.issues : [{ code: error.error }];
    return { kind: 'refused', reasons };
  }
  // A 4xx without our error body came from something in between (a portal, a
  // proxy), not from the intake server: the request itself may be fine.
  return retry(`http_${status}`);
}
