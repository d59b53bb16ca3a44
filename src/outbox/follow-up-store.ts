/**
 * The outbox's side of follow-ups (answers to "needs information"): handing
 * one over, reading its plaintext to seal it again, and keeping only a
 * small record once it arrived. Like requests, every change that also
 * touches the plaintext is one transaction.
 */
import { getDb } from '../storage/db';
import type { OutboxRecord, PendingOutboxRecord } from '../storage/outbox-record';
import type { AttachmentRecord, FollowUpDraft } from '../storage/types';
import type { AnswerReceipt } from '../shared/protocol';
import { OutboxError, publish } from './outbox-store';
import { transition } from './state';

/** Writes the sealed follow-up and closes its draft for editing, together. */
export async function putFollowUpSubmitted(record: PendingOutboxRecord, stamped: { submittedAt: string; locale: string }): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['outbox', 'followUps'], 'readwrite');
  const existing = await tx.objectStore('outbox').get(record.id);
  const draft = await tx.objectStore('followUps').get(record.id);
  if (existing?.state === 'delivered' || existing?.state === 'sending' || !draft) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new OutboxError(!draft ? 'missing' : existing?.state === 'delivered' ? 'already_delivered' : 'busy');
  }
  await Promise.all([tx.objectStore('outbox').put(record), tx.objectStore('followUps').put({ ...draft, ...stamped, status: 'submitted' })]);
  await tx.done;
  publish({ id: record.id, state: record.state });
}

export interface FollowUpCopy {
  draft: FollowUpDraft;
  files: AttachmentRecord[];
}

/** The answer as the person wrote it, with its files, while it is on the device. */
export async function readFollowUpCopy(id: string): Promise<FollowUpCopy | undefined> {
  const tx = (await getDb()).transaction(['followUps', 'attachments'], 'readonly');
  const [draft, files] = await Promise.all([tx.objectStore('followUps').get(id), tx.objectStore('attachments').index('by-draft').getAll(id)]);
  await tx.done;
  return draft ? { draft, files: files.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)) } : undefined;
}

/** The office has the answer: a small record stays; the text and files leave the device. */
export async function storeAnswered(id: string, receipt: AnswerReceipt): Promise<OutboxRecord | undefined> {
  const db = await getDb();
  const tx = db.transaction(['outbox', 'followUps', 'attachments'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const current = await outbox.get(id);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next = transition(current, { type: 'answered', receipt });
  const files = tx.objectStore('attachments');
  const keys = await files.index('by-draft').getAllKeys(id);
  await Promise.all([...(next !== current ? [outbox.put(next)] : []), tx.objectStore('followUps').delete(id), ...keys.map((k) => files.delete(k))]);
  await tx.done;
  if (next !== current) publish({ id, state: 'delivered' });
  return next;
}

/** The person takes back an answer the office sent back: out of the outbox, editable again. */
export async function takeBackFollowUp(id: string): Promise<boolean> {
  const db = await getDb();
  const tx = db.transaction(['outbox', 'followUps'], 'readwrite');
  const record = await tx.objectStore('outbox').get(id);
  const draft = await tx.objectStore('followUps').get(id);
  if (record?.state !== 'needs-attention' || !draft) {
    await tx.done;
    return false;
  }
  await Promise.all([tx.objectStore('outbox').delete(id), tx.objectStore('followUps').put({ ...draft, status: 'editing', updatedAt: Date.now() })]);
  await tx.done;
  publish({ id, state: 'removed' });
  return true;
}

/** Removes an answer the person gave up on (still being written, or sent back), with its files. */
export async function discardFollowUp(id: string): Promise<boolean> {
  const db = await getDb();
  const tx = db.transaction(['outbox', 'followUps', 'attachments'], 'readwrite');
  const record = await tx.objectStore('outbox').get(id);
  const draft = await tx.objectStore('followUps').get(id);
  // Waiting or sending: it may already be on its way, so it cannot be taken back.
  if (!draft || (record && record.state !== 'needs-attention')) {
    await tx.done;
    return false;
  }
  const files = tx.objectStore('attachments');
  const keys = await files.index('by-draft').getAllKeys(id);
  await Promise.all([
    ...(record ? [tx.objectStore('outbox').delete(id)] : []),
    tx.objectStore('followUps').delete(id),
    ...keys.map((k) => files.delete(k)),
  ]);
  await tx.done;
  if (record) publish({ id, state: 'removed' });
  return true;
}
