/**
 * Delivers what waits in the outbox. One function for the page (start,
 * online, visible, every minute, "Send now") and the service worker
 * ('sync'): WebWorker-safe, no DOM.
 *
 * Per record: claim it (waiting → sending, attempts + 1, a lease), seal it
 * if it was submitted before any server key was known, upload each file not
 * yet uploaded, then send the request: by PUT, or in a batch with others
 * ready at the same time (request-batches.ts). Every answer goes through
 * the pure classifier (protocol.ts) and the pure state machine (state.ts);
 * record writes share transactions (group-commit.ts). The server is
 * idempotent, so any step may be repeated after any failure.
 */
import pMap from 'p-map';
import {
  applyOutboxEventsToMany,
  listOutbox,
  readLocalCopy,
  storeDeliveredMany,
  storeRefused,
  storeSealed,
  type Confirmation,
  type RecordEvents,
} from './outbox-store';
import type { OutboxRecord, PendingOutboxRecord, SealedAttachment } from '../storage/outbox-record';
import { retryDelay } from '../shared/backoff';
import { withFlushLock, type LockHandle, type LockOptions } from './flush-lock';
import { BATCH_MAX_ITEMS, CONTENT_SHA256_HEADER, type Outcome, type Reason } from '../shared/protocol';
import { exchange, exchangeBatch, type Link } from './exchange';
import { currentSealingKey } from './sealing-key';
import { MissingFileError, onTheWire, sealRequest, wireIdOf, type SealedRequest } from './seal-request';
import { readFollowUpCopy, storeAnswered } from './follow-up-store';
import { sealFollowUp } from './seal-follow-up';
import { readFeedbackCopy, sealFeedback, storeFeedbackReceived } from './feedback-store';
import { routeOf } from './routes';
import type { SealingKey } from '../shared/seal';
import { isDue, type OutboxEvent } from './state';
import { createSlots, type Slots } from './slots';
import { groupCommit } from './group-commit';
import { createRequestBatches, type BatchEntry } from './request-batches';

/** Background Sync tag the page registers on submit and the worker answers. */
export const SYNC_TAG = 'ombuds-outbox';

export interface FlushOptions extends LockOptions {
  apiBase: string;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** "Send now": try waiting records even before their next try time. */
  force?: boolean;
  /** Bytes per second assumed for the upload timeout on a slow link. */
  slowLinkBytesPerSecond?: number;
  /** PUTs open at once (files and requests alike; each record's files before the record). */
  concurrency?: number;
}

export interface FlushSummary {
  /** False when another tab or the worker was already flushing. */
  ran: boolean;
  attempted: number;
  delivered: number;
  /** Still waiting after this flush (will be retried). */
  waiting: number;
  needsAttention: number;
}

/** A claim lapses this long after its last renewal: a crashed sender's record is retried after it. */
export const RECORD_LEASE_MS = 60_000;
const RENEW_EVERY_MS = 20_000;
/**
 * One record at a time spent most of a day's outbox waiting on round trips;
 * four PUTs open keep a link busy while leaving the browser's six
 * connections per host room for the page's own requests, and keep a slow
 * link from timing out uploads that would all share it.
 */
export const FLUSH_CONCURRENCY = 4;
/**
 * Records being worked on at once: enough to fill every slot with a full
 * batch while the answers of the last ones are written, so the link never
 * idles between records. Each still keeps its own claim and its own order
 * (files, then the request); only `size` exchanges are ever open.
 */
const recordsInFlight = (size: number) => size * BATCH_MAX_ITEMS;

type Result = 'delivered' | 'waiting' | 'needs-attention' | 'skipped';

interface Ctx extends Link {
  random: () => number;
  force: boolean;
  lock: LockHandle;
  slots: Slots;
  /** Record writes, each batched with the others' under way (group-commit.ts). */
  apply: (change: RecordEvents) => Promise<OutboxRecord | undefined>;
  confirm: (confirmation: Confirmation) => Promise<OutboxRecord | undefined>;
  /** Requests ready while the link is busy share one exchange (request-batches.ts). */
  batch: (entry: BatchEntry) => Promise<Outcome>;
}

export async function flush(options: FlushOptions): Promise<FlushSummary> {
  const ctxBase = {
    apiBase: options.apiBase,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    force: options.force ?? false,
    bytesPerSecond: options.slowLinkBytesPerSecond ?? 8 * 1024,
  };
  const summary = await withFlushLock(async (lock) => {
    const size = Math.max(1, options.concurrency ?? FLUSH_CONCURRENCY);
    const slots = createSlots(size);
    const ctx: Ctx = {
      ...ctxBase,
      lock,
      slots,
      apply: groupCommit(applyOutboxEventsToMany),
      confirm: groupCommit(storeDeliveredMany),
      batch: createRequestBatches(slots, (items) => exchangeBatch(ctxBase, items)),
    };
    const out: FlushSummary = { ran: true, attempted: 0, delivered: 0, waiting: 0, needsAttention: 0 };
    const due = (await listOutbox()).filter((record) => isDue(record, ctx.now(), ctx.force, lock.exclusive));
    // Oldest first into a bounded pool: records are independent (each
    // keeps its own files-then-request order and its own claim), so they
    // overlap; every PUT takes a slot, so at most `size` are open, granted
    // oldest record first. The one lock still keeps every other flush out.
    await pMap(
      due,
      async (record) => {
        await lock.renew();
        const result = await deliverOne(record.id, ctx);
        if (result === 'skipped') return;
        out.attempted++;
        if (result === 'delivered') out.delivered++;
      },
      { concurrency: recordsInFlight(size) },
    );
    for (const r of await listOutbox()) {
      if (r.state === 'waiting' || r.state === 'sending') out.waiting++;
      if (r.state === 'needs-attention') out.needsAttention++;
    }
    return out;
  }, options);
  return summary ?? { ran: false, attempted: 0, delivered: 0, waiting: 0, needsAttention: 0 };
}

/** Keeps the record's claim (and the flush lease) alive while slow work runs. */
async function renewing<T>(id: string, lease: () => string, ctx: Ctx, work: () => Promise<T>): Promise<T> {
  const renew = () => {
    // The lease of now: a record claimed again (files the server lacked) has a new one.
    void ctx.apply({ id, events: [{ type: 'renew', now: ctx.now(), leaseId: lease(), leaseMs: RECORD_LEASE_MS }] }).catch(() => {});
    void ctx.lock.renew().catch(() => false);
  };
  // The claim itself set the lease: the first renewal is due a period later.
  const timer = setInterval(renew, RENEW_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

function send(ctx: Ctx, url: string, init: RequestInit, bytes: number, expect: Parameters<typeof exchange>[4]): Promise<Outcome> {
  // The timeout starts once the slot is granted: waiting for the link is not the server's slowness.
  return ctx.slots.run(() => exchange(ctx, url, init, bytes, expect));
}

function putAttachment(ctx: Ctx, record: PendingOutboxRecord, a: SealedAttachment): Promise<Outcome> {
  const route = routeOf(ctx.apiBase, record);
  return send(
    ctx,
    route.attachmentUrl(a.id),
    { body: a.sealed, headers: { 'Content-Type': 'application/octet-stream', [CONTENT_SHA256_HEADER]: a.sha256, ...route.headers, ...route.uploadHeaders } },
    a.sealed.size,
    { id: route.id, attachmentId: a.id, sha256: a.sha256 },
  );
}

function putRequest(ctx: Ctx, record: PendingOutboxRecord): Promise<Outcome> {
  const route = routeOf(ctx.apiBase, record);
  const text = JSON.stringify(record.body);
  const init = { body: text, headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...route.headers } };
  // Only requests share batches (feedback has its own route), and a batch
  // carries no headers of its own (a follow-up shows its request's secret).
  if (record.followUp || record.feedback || Object.keys(route.headers).length) return send(ctx, route.url, init, text.length, route.expect);
  return ctx.batch({ id: route.id, body: text, alone: () => exchange(ctx, route.url, init, text.length, route.expect) });
}

/** Seals what the device still holds in plaintext for this record: a request's draft, a follow-up, or feedback. */
async function sealLocalCopy(record: PendingOutboxRecord, key: SealingKey): Promise<SealedRequest | undefined> {
  if (record.followUp) {
    const copy = await readFollowUpCopy(record.id);
    return copy ? sealFollowUp(copy.draft, copy.files, key) : undefined;
  }
  if (record.feedback) {
    const copy = await readFeedbackCopy(record.id);
    return copy ? sealFeedback(copy, key) : undefined;
  }
  const copy = await readLocalCopy(record.id);
  return copy ? sealRequest(wireIdOf(record), onTheWire(copy.request, record), copy.files, key) : undefined;
}

const pending = (r: OutboxRecord | undefined, leaseId: string): PendingOutboxRecord | undefined =>
  r && r.state === 'sending' && r.leaseId === leaseId ? r : undefined;

async function retry(id: string, leaseId: string, ctx: Ctx, record: PendingOutboxRecord, code: string, retryAfterMs?: number): Promise<Result> {
  const delayMs = retryDelay(record.attempts, retryAfterMs, { random: ctx.random });
  await ctx.apply({ id, events: [{ type: 'retry', leaseId, now: ctx.now(), code, delayMs }] });
  return 'waiting';
}

async function refuse(id: string, leaseId: string, reasons: Reason[]): Promise<Result> {
  await storeRefused(id, leaseId, reasons);
  return 'needs-attention';
}

/**
 * Seals from the plaintext the device still holds: a record submitted with
 * no key known, or (personal mode) one whose key the server dropped.
 * Answers the updated record, or the result that ends this try.
 */
async function sealAgain(
  record: PendingOutboxRecord,
  leaseId: string,
  ctx: Ctx,
  deletePlaintext: boolean,
): Promise<PendingOutboxRecord | Result> {
  const key = await currentSealingKey({ apiBase: ctx.apiBase, fetch: ctx.fetch, now: ctx.now });
  if (!key || (record.kid !== undefined && key.kid === record.kid && !record.needsSeal)) {
    return retry(record.id, leaseId, ctx, record, record.needsSeal ? 'no_key' : 'unknown_kid');
  }
  try {
    const sealed = await sealLocalCopy(record, key);
    if (!sealed) return refuse(record.id, leaseId, [{ code: record.needsSeal ? 'no_local_copy' : 'unknown_kid' }]);
    const next = pending(await storeSealed(record.id, leaseId, sealed, deletePlaintext), leaseId);
    return next ?? 'skipped';
  } catch (err) {
    if (err instanceof MissingFileError) return refuse(record.id, leaseId, [{ code: 'no_local_copy' }]);
    return retry(record.id, leaseId, ctx, record, 'seal_failed');
  }
}

/**
 * Sends every file not yet uploaded, side by side (each in a slot), and
 * marks the ones the server took in one write. Answers the first failure in
 * the record's own order, if any: the request goes only once all are up.
 */
async function uploadFiles(
  ctx: Ctx,
  record: PendingOutboxRecord,
  leaseId: string,
): Promise<{ record: PendingOutboxRecord; failed?: Outcome } | 'skipped'> {
  const todo = record.attachments.filter((a) => !a.uploaded);
  if (!todo.length) return { record };
  const outcomes = await Promise.all(todo.map((file) => putAttachment(ctx, record, file)));
  const events: OutboxEvent[] = [];
  todo.forEach((file, i) => {
    if (outcomes[i]!.kind === 'uploaded') events.push({ type: 'attachment-uploaded', leaseId, attachmentId: file.id });
  });
  const next = events.length ? pending(await ctx.apply({ id: record.id, events }), leaseId) : record;
  if (!next) return 'skipped';
  const failed = outcomes.find((o) => o.kind !== 'uploaded');
  return failed ? { record: next, failed } : { record: next };
}

async function deliverOne(id: string, ctx: Ctx): Promise<Result> {
  let leaseId = crypto.randomUUID();
  let record = pending(
    await ctx.apply({
      id,
      events: [{ type: 'claim', now: ctx.now(), leaseId, leaseMs: RECORD_LEASE_MS, force: ctx.force, takeOver: ctx.lock.exclusive }],
    }),
    leaseId,
  );
  if (!record) return 'skipped';
  let resealed = false;
  let rounds = 0;

  return renewing(id, () => leaseId, ctx, async (): Promise<Result> => {
    for (;;) {
      if (!record) return 'skipped';
      if (record.needsSeal || !record.body) {
        const sealed = await sealAgain(record, leaseId, ctx, !record.hasLocalCopy);
        if (typeof sealed === 'string') return sealed;
        record = sealed;
      }

      const files = await uploadFiles(ctx, record, leaseId);
      if (files === 'skipped') return 'skipped';
      record = files.record;
      const outcome = files.failed ?? (await putRequest(ctx, record));

      switch (outcome.kind) {
        case 'delivered':
          await ctx.confirm({ id, receipt: outcome.receipt });
          return 'delivered';
        case 'answered':
          await storeAnswered(id, outcome.receipt);
          return 'delivered';
        case 'received':
          await storeFeedbackReceived(id, outcome.receipt);
          return 'delivered';
        case 'uploaded':
          // Not an answer a request PUT gives; treat as garbled.
          return retry(id, leaseId, ctx, record, 'bad_response');
        case 'retry':
          return retry(id, leaseId, ctx, record, outcome.code, outcome.retryAfterMs);
        case 'refused':
          return refuse(id, leaseId, outcome.reasons);
        case 'unknown-kid': {
          // The device cannot read what it sealed: only a plaintext copy lets it seal again.
          if (resealed || !record.hasLocalCopy) return refuse(id, leaseId, [{ code: 'unknown_kid' }]);
          resealed = true;
          const sealed = await sealAgain(record, leaseId, ctx, false);
          if (typeof sealed === 'string') return sealed;
          record = sealed;
          continue;
        }
        case 'missing-attachments': {
          const after = await ctx.apply({ id, events: [{ type: 'missing-attachments', leaseId, now: ctx.now(), ids: outcome.ids }] });
          // Upload them again at once, but not forever within one flush.
          if (++rounds >= 2 || !after) return 'waiting';
          leaseId = crypto.randomUUID();
          record = pending(
            await ctx.apply({ id, events: [{ type: 'claim', now: ctx.now(), leaseId, leaseMs: RECORD_LEASE_MS, force: true }] }),
            leaseId,
          );
          continue;
        }
      }
    }
  });
}
