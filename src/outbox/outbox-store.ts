/**
 * The outbox in IndexedDB: every read and write of outbox records, and the
 * small bits of bookkeeping delivery needs (cached server keys, the flush
 * lease, event mode). Loaded by the page and by the service worker, so it
 * imports no validation library and no DOM.
 *
 * Every state change is one transaction that reads the latest stored record
 * and applies the pure transition of src/outbox/state.ts; where a change also
 * removes plaintext (sealed, delivered), that removal is in the same
 * transaction. Nothing but IndexedDB is awaited inside a transaction.
 */
import type { IDBPTransaction } from 'idb';
import { getDb, getMany, type OmbudsDB } from '../storage/db';
import { publishDraftChange } from '../storage/draft-channel';
import type { OutboxRecord, PendingOutboxRecord, SealedAttachment } from '../storage/outbox-record';
import type { AttachmentRecord, DraftRecord } from '../storage/types';
import { transition, type OutboxEvent } from './state';
import type { DeliveryReceipt, Reason } from '../shared/protocol';
import type { KeysResponse } from './server-key';
import type { SealedEnvelope } from '../shared/seal';

export const KV_SERVER_KEYS = 'serverKeys';
export const KV_FLUSH_LEASE = 'flushLease';
/** Owned by event mode (src/settings or src/app): truthy while the device is a shared tablet. */
export const KV_EVENT_MODE = 'eventMode';

// ───────────────────────── change notices ─────────────────────────

/** Carries only the random id and the state: nothing personal crosses tabs. */
export interface OutboxChange {
  id: string;
  state: OutboxRecord['state'] | 'removed';
}

const CHANNEL = 'ombuds-outbox';
let sender: BroadcastChannel | null = null;
const localListeners = new Set<(change: OutboxChange) => void>();

/** Several changes go as one message: a flush confirming a batch changes many records at once. */
export function publish(...changes: OutboxChange[]): void {
  // Same context first (a channel never hears itself), then other tabs and the worker.
  for (const change of changes) for (const l of localListeners) l(change);
  if (typeof BroadcastChannel === 'undefined' || !changes.length) return;
  try {
    sender ??= new BroadcastChannel(CHANNEL);
    sender.postMessage(changes.length === 1 ? changes[0] : changes);
  } catch {
    // The status screen also re-reads on focus; a lost notice only delays it.
  }
}

export function onOutboxChange(listener: (change: OutboxChange) => void): () => void {
  localListeners.add(listener);
  let channel: BroadcastChannel | null = null;
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent) => {
      const data: unknown = event.data;
      for (const item of Array.isArray(data) ? data : [data]) {
        const d = item as Partial<OutboxChange> | null;
        if (d && typeof d.id === 'string' && typeof d.state === 'string') listener({ id: d.id, state: d.state as OutboxChange['state'] });
      }
    };
  }
  return () => {
    localListeners.delete(listener);
    channel?.close();
  };
}

// ───────────────────────── reads ─────────────────────────

/** Sorts in place: oldest submission first, delivered ones by delivery time after the rest. */
export function sortOutbox(records: OutboxRecord[]): OutboxRecord[] {
  const key = (r: OutboxRecord) => (r.state === 'delivered' ? `1${r.deliveredAt}` : `0${r.submittedAt}`);
  return records.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Every record, in the order of sortOutbox. */
export async function listOutbox(): Promise<OutboxRecord[]> {
  const db = await getDb();
  return sortOutbox(await db.getAll('outbox'));
}

export async function getOutboxRecord(id: string): Promise<OutboxRecord | undefined> {
  return (await getDb()).get('outbox', id);
}

/** The records with these ids in one read (undefined where none is stored). */
export function getOutboxRecords(ids: readonly string[]): Promise<(OutboxRecord | undefined)[]> {
  return getMany('outbox', ids);
}

export async function isEventMode(): Promise<boolean> {
  try {
    return !!(await (await getDb()).get('kv', KV_EVENT_MODE));
  } catch {
    return false;
  }
}

/** The plaintext a personal-mode device keeps until delivery: the submitted draft's request and its files. */
export interface LocalCopy {
  request: unknown;
  files: AttachmentRecord[];
  /** The claim made at an earlier submit of this draft, if any. */
  claim?: string;
}

export async function readLocalCopy(id: string): Promise<LocalCopy | undefined> {
  const db = await getDb();
  const tx = db.transaction(['drafts', 'attachments'], 'readonly');
  const [draft, files] = await Promise.all([
    tx.objectStore('drafts').get(id),
    tx.objectStore('attachments').index('by-draft').getAll(id),
  ]);
  await tx.done;
  if (!draft || draft.status !== 'submitted' || draft.request === undefined) return undefined;
  return { request: draft.request, files, ...(draft.claim !== undefined ? { claim: draft.claim } : {}) };
}

// ───────────────────────── writes ─────────────────────────

type PlaintextTx = IDBPTransaction<OmbudsDB, ('outbox' | 'drafts' | 'attachments')[], 'readwrite'>;

/** Deletes a submitted draft and its files inside `tx` (which covers drafts and attachments). */
async function deleteSubmittedDraft(tx: PlaintextTx, id: string): Promise<boolean> {
  const drafts = tx.objectStore('drafts');
  const draft: DraftRecord | undefined = await drafts.get(id);
  // A draft the person is editing again is theirs: only a submitted copy goes.
  if (!draft || draft.status !== 'submitted') return false;
  const files = tx.objectStore('attachments');
  const keys = await files.index('by-draft').getAllKeys(id);
  await Promise.all([drafts.delete(id), ...keys.map((k) => files.delete(k))]);
  return true;
}

/** Keeps the record's claim on the submitted draft, so a refusal reopens it with the same wire id. */
async function keepClaim(tx: PlaintextTx, record: PendingOutboxRecord): Promise<void> {
  if (record.claim === undefined) return;
  const drafts = tx.objectStore('drafts');
  const draft: DraftRecord | undefined = await drafts.get(record.id);
  if (draft && draft.claim !== record.claim) await drafts.put({ ...draft, claim: record.claim });
}

/**
 * Writes a newly submitted record and, when asked, deletes the draft's
 * plaintext, in one transaction: either the sealed record exists and the
 * plaintext is gone, or nothing changed. A draft that stays keeps the claim.
 */
export async function putSubmitted(record: PendingOutboxRecord, deletePlaintext: boolean): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['outbox', 'drafts', 'attachments'], 'readwrite');
  const existing = await tx.objectStore('outbox').get(record.id);
  if (existing?.state === 'delivered' || existing?.state === 'sending') {
    tx.abort();
    await tx.done.catch(() => {});
    throw new OutboxError(existing.state === 'delivered' ? 'already_delivered' : 'busy');
  }
  const work: Promise<unknown>[] = [tx.objectStore('outbox').put(record)];
  let deleted: Promise<boolean> | undefined;
  if (deletePlaintext) work.push((deleted = deleteSubmittedDraft(tx, record.id)));
  else work.push(keepClaim(tx, record));
  await Promise.all(work);
  await tx.done;
  publish({ id: record.id, state: record.state });
  if (await deleted) publishDraftChange({ type: 'deleted', id: record.id, origin: 'outbox' });
}

export class OutboxError extends Error {
  constructor(readonly code: 'already_delivered' | 'busy' | 'missing' | 'invalid') {
    super(`outbox ${code}`);
    this.name = 'OutboxError';
  }
}

/** Applies one event to the stored record; answers the record as stored afterwards. */
export async function applyOutboxEvent(id: string, event: OutboxEvent): Promise<OutboxRecord | undefined> {
  return (await applyOutboxEventsToMany([{ id, events: [event] }]))[0];
}

/** What one record is to go through, in one write. */
export interface RecordEvents {
  id: string;
  events: readonly OutboxEvent[];
}

/**
 * The events of several records in one transaction, as a flush's group
 * commit (group-commit.ts) gathers them; a record's own events (e.g. every
 * file a round uploaded) are one write. Answers each record as stored
 * afterwards, in the order asked.
 */
export async function applyOutboxEventsToMany(changes: readonly RecordEvents[]): Promise<(OutboxRecord | undefined)[]> {
  const db = await getDb();
  const tx = db.transaction('outbox', 'readwrite');
  const stored = await Promise.all(changes.map((c) => tx.store.get(c.id)));
  const before = new Map<string, OutboxRecord | undefined>();
  const after = new Map<string, OutboxRecord>();
  const notices: OutboxChange[] = [];
  const answers = changes.map((c, i) => {
    if (!before.has(c.id)) before.set(c.id, stored[i]);
    // A record named twice in one batch goes through both, in order.
    const current = after.get(c.id) ?? stored[i];
    if (!current) return undefined;
    const next = c.events.reduce(transition, current);
    after.set(c.id, next);
    if (next !== current && next.state !== current.state) notices.push({ id: c.id, state: next.state });
    return next;
  });
  const writes = [...after].filter(([id, record]) => record !== before.get(id)).map(([, record]) => tx.store.put(record));
  // With tx.done: a failed write aborts the transaction, and both rejections are handled.
  await Promise.all([...writes, tx.done]);
  publish(...notices);
  return answers;
}

/**
 * Stores a (re)sealed body and files under the sender's lease; with
 * `deletePlaintext`, the submitted draft goes in the same transaction.
 */
export async function storeSealed(
  id: string,
  leaseId: string,
  sealed: { body: SealedEnvelope; kid: string; attachments: SealedAttachment[] },
  deletePlaintext: boolean,
): Promise<OutboxRecord | undefined> {
  const db = await getDb();
  const tx = db.transaction(['outbox', 'drafts', 'attachments'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const current = await outbox.get(id);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next = transition(current, { type: 'sealed', leaseId, ...sealed });
  let deleted = false;
  if (next !== current) {
    await outbox.put(next);
    if (deletePlaintext) deleted = await deleteSubmittedDraft(tx, id);
  }
  await tx.done;
  if (deleted) publishDraftChange({ type: 'deleted', id, origin: 'outbox' });
  return next;
}

export interface Confirmation {
  id: string;
  receipt: DeliveryReceipt;
}

/**
 * The server confirmed: keep the receipt and the form types; the sealed data
 * and any plaintext copy go. Several confirmations share one transaction (a
 * flush's group commit); answers each record as stored afterwards.
 */
export async function storeDeliveredMany(confirmations: readonly Confirmation[]): Promise<(OutboxRecord | undefined)[]> {
  // One confirmation per record: a second for the same id would read the same snapshot and write twice.
  const unique = [...new Map(confirmations.map((c) => [c.id, c])).values()];
  if (unique.length < confirmations.length) {
    const stored = new Map((await storeDeliveredMany(unique)).map((r, i) => [unique[i]!.id, r]));
    return confirmations.map((c) => stored.get(c.id));
  }
  const db = await getDb();
  const tx = db.transaction(['outbox', 'drafts', 'attachments'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const [answers] = await Promise.all([
    Promise.all(
      confirmations.map(async ({ id, receipt }) => {
        const current = await outbox.get(id);
        if (!current) return { next: undefined, changed: false, deleted: false };
        const next = transition(current, { type: 'delivered', receipt });
        const [, deleted] = await Promise.all([next !== current ? outbox.put(next) : undefined, deleteSubmittedDraft(tx, id)]);
        return { next, changed: next !== current, deleted };
      }),
    ),
    // Awaited beside the writes: should one fail, the abort is handled too.
    tx.done,
  ]);
  publish(...confirmations.filter((_, i) => answers[i]!.changed).map(({ id }): OutboxChange => ({ id, state: 'delivered' })));
  publishDraftChange(...confirmations.filter((_, i) => answers[i]!.deleted).map(({ id }) => ({ type: 'deleted' as const, id, origin: 'outbox' })));
  return answers.map((a) => a.next);
}

/**
 * The server refused the request. With a plaintext copy on the device
 * (personal mode) the draft opens for editing again in the same
 * transaction, so the person can fix what the reasons name and submit again.
 */
export async function storeRefused(id: string, leaseId: string, reasons: Reason[]): Promise<OutboxRecord | undefined> {
  const db = await getDb();
  const tx = db.transaction(['outbox', 'drafts'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const current = await outbox.get(id);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next = transition(current, { type: 'refused', leaseId, reasons });
  let reopened: DraftRecord | undefined;
  if (next !== current) {
    await outbox.put(next);
    const drafts = tx.objectStore('drafts');
    const draft = await drafts.get(id);
    if (draft && draft.status === 'submitted') {
      const { request: _request, submittedAt: _submittedAt, ...rest } = draft;
      reopened = { ...rest, status: 'editing', updatedAt: Math.max(Date.now(), draft.updatedAt + 1) };
      await drafts.put(reopened);
    }
  }
  await tx.done;
  if (next !== current) publish({ id, state: next.state });
  if (reopened) publishDraftChange({ type: 'saved', id, updatedAt: reopened.updatedAt, origin: 'outbox' });
  return next;
}

/** Removes a record the person gave up on (needs attention) or no longer wants listed (delivered). */
export async function removeOutboxRecord(id: string): Promise<boolean> {
  const db = await getDb();
  const tx = db.transaction('outbox', 'readwrite');
  const current = await tx.store.get(id);
  const removable = current && (current.state === 'needs-attention' || current.state === 'delivered');
  if (removable) await tx.store.delete(id);
  await tx.done;
  if (removable) publish({ id, state: 'removed' });
  return !!removable;
}

// ───────────────────────── server keys ─────────────────────────

export interface CachedKeys {
  keys: KeysResponse;
  /** Device ms: a submit reuses a copy this recent without a round trip (sealing-key.ts). */
  fetchedAt: number;
}

export async function getCachedKeys(): Promise<CachedKeys | undefined> {
  return (await (await getDb()).get('kv', KV_SERVER_KEYS)) as CachedKeys | undefined;
}

export async function putCachedKeys(value: CachedKeys): Promise<void> {
  await (await getDb()).put('kv', value, KV_SERVER_KEYS);
}

// ───────────────────────── flush lease (no Web Locks) ─────────────────────────

interface Lease {
  owner: string;
  until: number;
}

/**
 * Takes or renews the flush lease when it is free, expired or already ours.
 * IndexedDB serializes read-write transactions on a store across tabs and
 * the worker, so check-and-set here is atomic.
 */
export async function acquireFlushLease(owner: string, now: number, ttlMs: number): Promise<boolean> {
  const db = await getDb();
  const tx = db.transaction('kv', 'readwrite');
  const lease = (await tx.store.get(KV_FLUSH_LEASE)) as Lease | undefined;
  // A lease further off than one term is from a clock that went back: free.
  const free = !lease || lease.owner === owner || lease.until <= now || lease.until - now > ttlMs;
  if (free) await tx.store.put({ owner, until: now + ttlMs } satisfies Lease, KV_FLUSH_LEASE);
  await tx.done;
  return free;
}

export async function releaseFlushLease(owner: string): Promise<void> {
  const db = await getDb();
  const tx = db.transaction('kv', 'readwrite');
  const lease = (await tx.store.get(KV_FLUSH_LEASE)) as Lease | undefined;
  if (lease?.owner === owner) await tx.store.delete(KV_FLUSH_LEASE);
  await tx.done;
}
