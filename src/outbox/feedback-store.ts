/**
 * The outbox's side of listening-session feedback: sealing it (the worker
 * too, so no schema library here), handing it over, the plaintext kept only
 * while no server key is known, and what a delivery leaves: a small record
 * saying when it arrived, which "Next person" clears on a shared tablet.
 */
import { getDb } from '../storage/db';
import { KV_FEEDBACK_COPY, KV_FEEDBACK_OPEN } from '../storage/feedback-drafts';
import type { OutboxRecord, PendingOutboxRecord } from '../storage/outbox-record';
import type { FeedbackReceipt } from '../shared/protocol';
import { sealJson, type SealingKey } from '../shared/seal';
import { OutboxError, publish } from './outbox-store';
import type { SealedRequest } from './seal-request';
import { transition } from './state';

/** The purpose the server opens it with (src/shared/feedback-schema.ts feedbackPurpose). */
const FEEDBACK_PURPOSE = 'feedback';

/** Feedback as the server reads it (the FeedbackSchema shape), bound to its own id. */
export interface FeedbackBody {
  id: string;
  [field: string]: unknown;
}

export async function sealFeedback(body: FeedbackBody, key: SealingKey): Promise<SealedRequest> {
  return { body: await sealJson(body, key, { requestId: body.id, purpose: FEEDBACK_PURPOSE }), kid: key.kid, attachments: [] };
}

/**
 * Writes the record and closes the open form in one transaction; `copy`
 * (no key known yet) keeps the plaintext for the outbox to seal later.
 */
export async function putFeedbackSubmitted(record: PendingOutboxRecord, copy: FeedbackBody | undefined): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['outbox', 'kv'], 'readwrite');
  const existing = await tx.objectStore('outbox').get(record.id);
  if (existing) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new OutboxError(existing.state === 'delivered' ? 'already_delivered' : 'busy');
  }
  const kv = tx.objectStore('kv');
  const open = (await kv.get(KV_FEEDBACK_OPEN)) as { id?: string } | undefined;
  await Promise.all([
    tx.objectStore('outbox').put(record),
    ...(open?.id === record.id ? [kv.delete(KV_FEEDBACK_OPEN)] : []),
    ...(copy ? [kv.put(copy, KV_FEEDBACK_COPY + record.id)] : []),
  ]);
  await tx.done;
  publish({ id: record.id, state: record.state });
}

/** The plaintext of feedback submitted before any key was known. */
export async function readFeedbackCopy(id: string): Promise<FeedbackBody | undefined> {
  const copy = (await (await getDb()).get('kv', KV_FEEDBACK_COPY + id)) as FeedbackBody | undefined;
  return copy?.id === id ? copy : undefined;
}

/** The office has it: the record keeps when it arrived; any plaintext goes in the same transaction. */
export async function storeFeedbackReceived(id: string, receipt: FeedbackReceipt): Promise<OutboxRecord | undefined> {
  const db = await getDb();
  const tx = db.transaction(['outbox', 'kv'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const current = await outbox.get(id);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next = transition(current, { type: 'received', receipt });
  await Promise.all([...(next !== current ? [outbox.put(next)] : []), tx.objectStore('kv').delete(KV_FEEDBACK_COPY + id)]);
  await tx.done;
  if (next !== current) publish({ id, state: 'delivered' });
  return next;
}

export const isFeedback = (r: OutboxRecord): boolean => r.feedback === true;

/**
 * "Next person" on a shared tablet: the open form goes, and so does every
 * trace of delivered feedback. Feedback not yet delivered stays, sealed (a
 * plaintext copy only until the outbox could seal it), as requests do.
 */
export async function wipeSessionFeedback(): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['outbox', 'kv'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const kv = tx.objectStore('kv');
  const gone: string[] = [];
  let cursor = await outbox.openCursor();
  while (cursor) {
    const r = cursor.value;
    if (isFeedback(r) && (r.state === 'delivered' || !r.needsSeal)) {
      if (r.state === 'delivered') {
        gone.push(r.id);
        await cursor.delete();
      }
      await kv.delete(KV_FEEDBACK_COPY + r.id);
    }
    cursor = await cursor.continue();
  }
  await kv.delete(KV_FEEDBACK_OPEN);
  await tx.done;
  gone.forEach((id) => publish({ id, state: 'removed' }));
}
