/**
 * Event mode's storage: its `event.*` keys in the kv store, the `events`
 * store of anonymous counts, the outbox counts the officer sees, and the
 * wipe of one session's drafts.
 */
import { getDb } from '../storage/db';
import { deleteDraft, listDrafts } from '../storage/drafts';
import type { DraftRecord } from '../storage/types';
import { EMPTY_COUNTS, type EventRecord } from '../storage/event-record';
import { KV_EVENT_CURRENT, KV_EVENT_PIN, KV_EVENT_PIN_THROTTLE, KV_OUTBOX_EVENT_MODE } from './event-flag';
import type { SessionTally } from './session';

export { KV_EVENT_CURRENT, KV_EVENT_PIN, KV_EVENT_PIN_THROTTLE, KV_OUTBOX_EVENT_MODE, readCurrentEventId } from './event-flag';

export async function kvGet(key: string): Promise<unknown> {
  return (await getDb()).get('kv', key);
}

export async function kvSet(key: string, value: unknown): Promise<void> {
  await (await getDb()).put('kv', value, key);
}

export async function kvDelete(key: string): Promise<void> {
  await (await getDb()).delete('kv', key);
}

export async function getEvent(id: string): Promise<EventRecord | undefined> {
  return (await getDb()).get('events', id);
}

/** The event being served now, if the device is in event mode. */
export async function currentEvent(): Promise<EventRecord | undefined> {
  const db = await getDb();
  const tx = db.transaction(['kv', 'events'], 'readonly');
  const id = await tx.objectStore('kv').get(KV_EVENT_CURRENT);
  const record = typeof id === 'string' ? await tx.objectStore('events').get(id) : undefined;
  await tx.done;
  return record;
}

/** Writes the event and makes it current, in one transaction. */
export async function beginEvent(record: EventRecord): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['kv', 'events'], 'readwrite');
  await Promise.all([
    tx.objectStore('events').put(record),
    tx.objectStore('kv').put(record.id, KV_EVENT_CURRENT),
    tx.objectStore('kv').put(true, KV_OUTBOX_EVENT_MODE),
  ]);
  await tx.done;
}

/** Leaves event mode: the event's counts stay for the officer; the PIN and its throttle go. */
export async function finishEvent(now: number): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['kv', 'events'], 'readwrite');
  const kv = tx.objectStore('kv');
  const id = await kv.get(KV_EVENT_CURRENT);
  const record = typeof id === 'string' ? await tx.objectStore('events').get(id) : undefined;
  await Promise.all([
    record ? tx.objectStore('events').put({ ...record, endedAt: now }) : Promise.resolve(),
    kv.delete(KV_EVENT_CURRENT),
    kv.delete(KV_OUTBOX_EVENT_MODE),
    kv.delete(KV_EVENT_PIN),
    kv.delete(KV_EVENT_PIN_THROTTLE),
  ]);
  await tx.done;
}

function bump(counts: Record<string, number>, keys: readonly string[]): Record<string, number> {
  const out = { ...counts };
  for (const key of keys) out[key] = (out[key] ?? 0) + 1;
  return out;
}

/** Pure: the event's counts after one more session. An unused session adds nothing. */
export function addSession(record: EventRecord, tally: SessionTally): EventRecord {
  if (!tally.used) return record;
  return {
    ...record,
    served: record.served + 1,
    outcomes: bump(record.outcomes, tally.outcomes),
    languages: bump(record.languages, tally.languages),
    submitted: record.submitted + tally.submitted.length,
  };
}

/** Adds a finished session to the event's counts (read and write in one transaction). */
export async function recordSession(eventId: string, tally: SessionTally): Promise<EventRecord | undefined> {
  if (!tally.used) return getEvent(eventId);
  const db = await getDb();
  const tx = db.transaction('events', 'readwrite');
  const record = await tx.store.get(eventId);
  const next = record ? addSession({ ...EMPTY_COUNTS, ...record }, tally) : undefined;
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}

export async function markEventSent(eventId: string, at: number): Promise<void> {
  const db = await getDb();
  const tx = db.transaction('events', 'readwrite');
  const record = await tx.store.get(eventId);
  if (record) await tx.store.put({ ...record, sentAt: at });
  await tx.done;
}

export interface OutboxCounts {
  /** Waiting or being sent now. */
  waiting: number;
  needsAttention: number;
  delivered: number;
}

/** How many requests on this device stand in each state (read from the state index only). */
export async function outboxCounts(): Promise<OutboxCounts> {
  const db = await getDb();
  const tx = db.transaction('outbox', 'readonly');
  const index = tx.store.index('by-state');
  const [waiting, sending, needsAttention, delivered] = await Promise.all([
    index.count('waiting'),
    index.count('sending'),
    index.count('needs-attention'),
    index.count('delivered'),
  ]);
  await tx.done;
  return { waiting: waiting + sending, needsAttention, delivered };
}

export interface SessionDraft {
  id: string;
  updatedAt: number;
  status: 'editing' | 'submitted';
  step?: string;
}

/** This session's drafts still being written (and untagged ones made since the event began), newest first; ids and times only. */
export async function openSessionDrafts(sessionId: string, eventStartedAt = Number.POSITIVE_INFINITY): Promise<SessionDraft[]> {
  const drafts = await listDrafts();
  return drafts
    .filter((d) => (d.sessionId === sessionId || (d.sessionId === undefined && d.createdAt >= eventStartedAt)) && d.status === 'editing')
    .map((d) => ({ id: d.id, updatedAt: d.updatedAt, status: d.status, ...(d.step !== undefined ? { step: d.step } : {}) }));
}

/**
 * Whether a submitted draft's plaintext can go: only when the outbox holds
 * its sealed copy. A request submitted before the device knew the server's
 * key waits (locked, shown to no session) until the outbox seals it.
 */
async function sealedInOutbox(id: string): Promise<boolean> {
  const record = await (await getDb()).get('outbox', id);
  return !!record && (record.state === 'delivered' || record.needsSeal !== true);
}

/** What a wipe decides on: who owns the draft and when it was made and last saved. */
export type DraftOwner = Pick<DraftRecord, 'sessionId' | 'createdAt' | 'updatedAt'>;

/**
 * Deletes the drafts (and their files) that `which` picks: every one being
 * written, and submitted ones already sealed in the outbox. Answers how
 * many were deleted.
 */
export async function wipeSessionDrafts(which: (draft: DraftOwner) => boolean): Promise<number> {
  const drafts = (await listDrafts()).filter(which);
  let deleted = 0;
  for (const draft of drafts) {
    if (draft.status === 'submitted' && !(await sealedInOutbox(draft.id))) continue;
    await deleteDraft(draft.id, 'event-mode');
    deleted += 1;
  }
  return deleted;
}

/**
 * Whether a draft belongs to a person at the event: made in a session, or
 * made after the event began without a session (a screen that did not tag
 * it). Drafts the device's owner made before event mode are not.
 */
export function isEventDraft(draft: DraftOwner, eventStartedAt: number): boolean {
  return draft.sessionId !== undefined || draft.createdAt >= eventStartedAt;
}
