/**
 * Request drafts on the device: create, read, list, save, delete,
 * duplicate. The payload (`data`) is the form as typed; its shape belongs
 * to src/requests/form-model.ts, which migrates older `schemaVersion`s when
 * it reads a draft. Every write is one transaction; nothing but IndexedDB
 * is awaited inside one.
 */
import { stamp } from './clock';
import { getDb, getMany, peekDb } from './db';
import { publishDraftChange } from './draft-channel';
import type { AttachmentRecord, DraftRecord } from './types';
import { requestPersistence } from './usage';
import { localStore } from './web-storage';

export { requestPersistence, storageEstimate, isIosNotStandalone, type StorageStatus } from './usage';

/** Version of the draft payload's shape. Bump with a migration in form-model.ts. */
export const DRAFT_SCHEMA_VERSION = 1;

/** Why a draft cannot be written. */
export type DraftErrorCode = 'missing' | 'submitted';

export class DraftError extends Error {
  constructor(readonly code: DraftErrorCode) {
    super(`draft ${code}`);
    this.name = 'DraftError';
  }
}

function newId(): string {
  return crypto.randomUUID();
}

export interface NewDraft {
  data?: unknown;
  step?: string;
  sessionId?: string;
}

export async function createDraft(init: NewDraft = {}): Promise<DraftRecord> {
  const now = stamp();
  const record: DraftRecord = {
    id: newId(),
    createdAt: now,
    updatedAt: now,
    schemaVersion: DRAFT_SCHEMA_VERSION,
    data: init.data ?? {},
    status: 'editing',
    ...(init.step !== undefined ? { step: init.step } : {}),
    ...(init.sessionId !== undefined ? { sessionId: init.sessionId } : {}),
  };
  const db = await getDb();
  await db.add('drafts', record);
  return record;
}

export async function getDraft(id: string): Promise<DraftRecord | undefined> {
  const db = await getDb();
  return db.get('drafts', id);
}

/** The drafts with these ids in one read (undefined where none is stored). */
export function getDrafts(ids: readonly string[]): Promise<(DraftRecord | undefined)[]> {
  return getMany('drafts', ids);
}

/** Every draft, the most recently saved first. */
export async function listDrafts(): Promise<DraftRecord[]> {
  const db = await getDb();
  const all = await db.getAllFromIndex('drafts', 'by-updated');
  return all.reverse();
}

export interface SaveDraftInput {
  id: string;
  data: unknown;
  step?: string;
  /**
   * The `updatedAt` this editor last loaded or saved. When the stored copy
   * has another stamp, someone else (another tab) saved in between: the
   * save still goes through (last saved wins) but answers `conflict`, so
   * the person is told rather than overwritten in silence.
   */
  expectedUpdatedAt?: number;
  /** Who saves (an editor's id), so its own change notices can be ignored. */
  origin?: string;
  /** Write the draft again even if it was deleted meanwhile (the person chose to keep it). */
  recreate?: boolean;
  /**
   * What the editor knows of the stored record. With it the write is issued
   * in the same turn as the read, so a save started while the page is being
   * left (pagehide) still lands: a write issued only after the read answers
   * would never be made once the page is gone. The read then checks it, and
   * aborts the whole transaction if the draft was submitted or deleted.
   */
  known?: { createdAt: number; sessionId?: string };
}

export interface SaveDraftResult {
  record: DraftRecord;
  conflict: boolean;
}

let firstSave = true;

function sameMeta(a: DraftRecord, b: DraftRecord): boolean {
  return (
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.status === b.status &&
    a.step === b.step &&
    a.sessionId === b.sessionId &&
    a.schemaVersion === b.schemaVersion &&
    a.data === b.data &&
    Object.keys(a).length === Object.keys(b).length
  );
}

export async function saveDraft(input: SaveDraftInput): Promise<SaveDraftResult> {
  const db = await getDb();
  const tx = db.transaction('drafts', 'readwrite');
  const store = tx.store;
  const now = stamp();
  const reading = store.get(input.id);
  let early: DraftRecord | undefined;
  if (input.known) {
    early = {
      id: input.id,
      createdAt: input.known.createdAt,
      updatedAt: Math.max(now, (input.expectedUpdatedAt ?? 0) + 1),
      schemaVersion: DRAFT_SCHEMA_VERSION,
      data: input.data,
      status: 'editing',
      ...(input.known.sessionId !== undefined ? { sessionId: input.known.sessionId } : {}),
      ...(input.step !== undefined ? { step: input.step } : {}),
    };
    // An abort below rejects this request too; the abort is the answer.
    store.put(early).catch(() => {});
  }
  const existing = await reading;
  const refuse = async (code: DraftErrorCode): Promise<never> => {
    tx.abort();
    await tx.done.catch(() => {});
    throw new DraftError(code);
  };
  if (existing && existing.status !== 'editing') return refuse('submitted');
  if (!existing && !input.recreate) return refuse('missing');
  const conflict =
    existing !== undefined && input.expectedUpdatedAt !== undefined && existing.updatedAt !== input.expectedUpdatedAt;
  const record: DraftRecord = {
    ...(existing ?? { id: input.id, createdAt: input.known?.createdAt ?? now, status: 'editing' as const }),
    data: input.data,
    schemaVersion: DRAFT_SCHEMA_VERSION,
    // Never backwards, even if the clock is: the stamp is also a version.
    updatedAt: Math.max(early?.updatedAt ?? now, (existing?.updatedAt ?? 0) + 1),
    ...(input.step !== undefined ? { step: input.step } : {}),
  };
  // The early write stands when it was right; otherwise the merged record replaces it.
  if (!early || !sameMeta(early, record)) await store.put(record);
  await tx.done;
  publishDraftChange({ type: 'saved', id: record.id, updatedAt: record.updatedAt, origin: input.origin ?? '' });
  if (firstSave) {
    firstSave = false;
    void requestPersistence();
  }
  return { record, conflict };
}

/** Deletes a draft and all its attachments, in one transaction. */
export async function deleteDraft(id: string, origin = ''): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['drafts', 'attachments', 'kv'], 'readwrite');
  const attachments = tx.objectStore('attachments');
  const keys = await attachments.index('by-draft').getAllKeys(id);
  await Promise.all([
    tx.objectStore('drafts').delete(id),
    tx.objectStore('kv').delete(rescueKey(id)),
    ...keys.map((key) => attachments.delete(key)),
  ]);
  await tx.done;
  forgetRescue(id);
  publishDraftChange({ type: 'deleted', id, origin });
}

/** The draft's payload without what belongs to one request alone: the consent and its signature. */
function withoutConsent(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const { consent: _consent, ...rest } = data as Record<string, unknown>;
  return rest;
}

/**
 * A new request started from an old one (a submitted request cannot be
 * edited): new id and times, the same answers and attachments, but never
 * the consent or signature, which the person gives again for each request.
 */
export async function duplicateDraft(id: string): Promise<DraftRecord> {
  const db = await getDb();
  const tx = db.transaction(['drafts', 'attachments'], 'readwrite');
  const source = await tx.objectStore('drafts').get(id);
  if (!source) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new DraftError('missing');
  }
  const now = stamp();
  const copy: DraftRecord = {
    id: newId(),
    createdAt: now,
    updatedAt: now,
    schemaVersion: source.schemaVersion,
    data: withoutConsent(source.data),
    status: 'editing',
    ...(source.sessionId !== undefined ? { sessionId: source.sessionId } : {}),
  };
  const attachments = tx.objectStore('attachments');
  const files = await attachments.index('by-draft').getAll(id);
  const copies: AttachmentRecord[] = files
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((file) => ({ ...file, id: newId(), draftId: copy.id, createdAt: stamp() }));
  await Promise.all([tx.objectStore('drafts').add(copy), ...copies.map((file) => attachments.add(file))]);
  await tx.done;
  return copy;
}

/**
 * Closes a draft for editing and stores the validated wire request beside
 * it, for the outbox to take. Fails if the draft is gone or already
 * submitted (a second tab pressing Submit too).
 */
export async function markSubmitted(id: string, request: unknown, origin = ''): Promise<DraftRecord> {
  const db = await getDb();
  const tx = db.transaction(['drafts', 'kv'], 'readwrite');
  const drafts = tx.objectStore('drafts');
  const existing = await drafts.get(id);
  if (!existing) throw new DraftError('missing');
  if (existing.status !== 'editing') throw new DraftError('submitted');
  const now = stamp();
  const record: DraftRecord = { ...existing, status: 'submitted', submittedAt: now, request, updatedAt: Math.max(now, existing.updatedAt + 1) };
  // An unsaved copy from leaving a page is moot now: what was submitted is final.
  await Promise.all([drafts.put(record), tx.objectStore('kv').delete(rescueKey(id))]);
  await tx.done;
  forgetRescue(id);
  publishDraftChange({ type: 'submitted', id, origin });
  return record;
}

/**
 * Opens a submitted draft for editing again: the outbox calls this when the
 * server refused the request, or when handing it over failed.
 */
export async function reopenDraft(id: string): Promise<DraftRecord | undefined> {
  const db = await getDb();
  const tx = db.transaction('drafts', 'readwrite');
  const existing = await tx.store.get(id);
  if (!existing) return undefined;
  const { request: _request, submittedAt: _submittedAt, ...rest } = existing;
  const record: DraftRecord = { ...rest, status: 'editing', updatedAt: Math.max(stamp(), existing.updatedAt + 1) };
  await tx.store.put(record);
  await tx.done;
  publishDraftChange({ type: 'saved', id, updatedAt: record.updatedAt, origin: '' });
  return record;
}

// ---------------------------------------------------------------------------
// Leaving the page with changes not yet written.
//
// A write started in `pagehide` has to finish before the page is gone, and
// an IndexedDB write cannot be relied on for that: Chromium drops any
// transaction made after an await, and even one made and committed at
// once is sometimes lost when the next page loads at the same moment. So
// on leaving, the unsaved copy is written synchronously to localStorage
// (IndexedDB's `kv` store only where localStorage refuses), beside the
// draft, never over it: a blind write could bring back a draft another tab
// deleted or submitted. The next time the list or the form opens,
// recoverRescuedDrafts() folds it into its draft with the usual checks and
// deletes it. Keys start with `ombuds.` so "Delete everything" clears them.

const RESCUE_PREFIX = 'ombuds.draftRescue.';

function rescueKey(id: string): string {
  return `${RESCUE_PREFIX}${id}`;
}

interface RescueRecord {
  id: string;
  data: unknown;
  step?: string;
  savedAt: number;
}

function isRescue(value: unknown): value is RescueRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.savedAt === 'number' && 'data' in v;
}

function forgetRescue(id: string): void {
  try {
    localStore()?.removeItem(rescueKey(id));
  } catch {
    /* nothing stored there */
  }
}

/** Writes the unsaved copy now, synchronously. False when it could not be written anywhere. */
export function rescueDraftSync(input: { id: string; data: unknown; step?: string }): boolean {
  const record: RescueRecord = { id: input.id, data: input.data, savedAt: stamp(), ...(input.step !== undefined ? { step: input.step } : {}) };
  try {
    const storage = localStore();
    if (storage) {
      storage.setItem(rescueKey(input.id), JSON.stringify(record));
      return true;
    }
  } catch {
    // Full or refused (private mode): try IndexedDB.
  }
  const db = peekDb();
  if (!db) return false;
  try {
    const tx = db.transaction('kv', 'readwrite');
    tx.objectStore('kv').put(record, rescueKey(input.id)).catch(() => {});
    tx.done.catch(() => {});
    // Without commit() Chromium drops the transaction with the page.
    tx.commit?.();
    return true;
  } catch {
    return false;
  }
}

function localRescues(): RescueRecord[] {
  const storage = localStore();
  if (!storage) return [];
  const out: RescueRecord[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(RESCUE_PREFIX)) continue;
      try {
        const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
        if (isRescue(value) && key === rescueKey(value.id)) out.push(value);
        else storage.removeItem(key);
      } catch {
        storage.removeItem(key);
      }
    }
  } catch {
    return out;
  }
  return out;
}

/**
 * Folds copies saved on leaving a page into their drafts: a copy wins when
 * it was written after the draft's last save and the draft is still being
 * edited; otherwise it is dropped. Answers the ids of drafts that changed.
 */
export async function recoverRescuedDrafts(): Promise<string[]> {
  const db = await getDb();
  const stored = (await db.getAll('kv', IDBKeyRange.bound(RESCUE_PREFIX, `${RESCUE_PREFIX}\uffff`))).filter(isRescue);
  // The newest copy of each draft, wherever it was kept.
  const newest = new Map<string, RescueRecord>();
  for (const rescue of [...stored, ...localRescues()]) {
    const seen = newest.get(rescue.id);
    if (!seen || rescue.savedAt > seen.savedAt) newest.set(rescue.id, rescue);
  }
  const ids = new Set([...newest.keys(), ...stored.map((r) => r.id)]);
  const changed: DraftRecord[] = [];
  for (const id of ids) {
    const rescue = newest.get(id);
    const tx = db.transaction(['drafts', 'kv'], 'readwrite');
    const work: Promise<unknown>[] = [tx.objectStore('kv').delete(rescueKey(id))];
    const draft = await tx.objectStore('drafts').get(id);
    if (rescue && draft && draft.status === 'editing' && rescue.savedAt > draft.updatedAt) {
      const record: DraftRecord = {
        ...draft,
        data: rescue.data,
        ...(rescue.step !== undefined ? { step: rescue.step } : {}),
        updatedAt: Math.max(stamp(), draft.updatedAt + 1),
      };
      work.push(tx.objectStore('drafts').put(record));
      changed.push(record);
    }
    await Promise.all(work);
    await tx.done;
    // Only once the draft holds it (or it was moot) does the copy go.
    forgetRescue(id);
  }
  for (const record of changed) publishDraftChange({ type: 'saved', id: record.id, updatedAt: record.updatedAt, origin: '' });
  return changed.map((r) => r.id);
}

/** For tests: behave as a fresh page (persistence is asked again on the next first save). */
export function resetDraftsModule(): void {
  firstSave = true;
}
