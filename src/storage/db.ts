import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { AttachmentRecord, DraftRecord, EventRecord, FollowUpDraft, OutboxRecord, StatusRecord } from './types';

export const DB_NAME = 'ombuds';
export const DB_VERSION = 3;

export interface OmbudsDB extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { 'by-updated': number } };
  attachments: { key: string; value: AttachmentRecord; indexes: { 'by-draft': string } };
  outbox: { key: string; value: OutboxRecord; indexes: { 'by-state': string } };
  /** Small settings and bookkeeping: event mode, sync lease, cached server key. */
  kv: { key: string; value: unknown };
  events: { key: string; value: EventRecord };
  /** The office's last known answer per request (src/storage/statuses.ts). */
  statuses: { key: string; value: StatusRecord };
  /** Answers to "needs information" being written or waiting to go (src/storage/follow-ups.ts). */
  followUps: { key: string; value: FollowUpDraft; indexes: { 'by-request': string } };
}

export type Db = IDBPDatabase<OmbudsDB>;
export type UpgradeTransaction = IDBPTransaction<OmbudsDB, StoreNames<OmbudsDB>[], 'versionchange'>;

/**
 * Every schema change, in order, in this one function. Each step uses only
 * the upgrade transaction; nothing else is awaited inside it.
 */
export function upgradeSchema(db: IDBPDatabase<OmbudsDB>, oldVersion: number, tx: UpgradeTransaction): void {
  if (oldVersion < 1) {
    const drafts = db.createObjectStore('drafts', { keyPath: 'id' });
    drafts.createIndex('by-updated', 'updatedAt');
    const attachments = db.createObjectStore('attachments', { keyPath: 'id' });
    attachments.createIndex('by-draft', 'draftId');
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('by-state', 'state');
    db.createObjectStore('kv');
    db.createObjectStore('events', { keyPath: 'id' });
  }
  if (oldVersion < 2) {
    // Version 1 drafts had no status: every one of them was still being edited.
    void backfillDraftStatus(tx);
  }
  if (oldVersion < 3) {
    db.createObjectStore('statuses', { keyPath: 'id' });
    db.createObjectStore('followUps', { keyPath: 'id' }).createIndex('by-request', 'requestId');
  }
}

async function backfillDraftStatus(tx: UpgradeTransaction): Promise<void> {
  try {
    let cursor = await tx.objectStore('drafts').openCursor();
    while (cursor) {
      const draft = cursor.value as Partial<DraftRecord> & { id: string };
      if (draft.status === undefined) await cursor.update({ ...(draft as DraftRecord), status: 'editing' });
      cursor = await cursor.continue();
    }
  } catch {
    // A half-done migration must not commit: abort, and the old version stays.
    try {
      tx.abort();
    } catch {
      /* already aborted */
    }
  }
}

let dbPromise: Promise<Db> | null = null;
/** The same connection once open, for the one write that cannot wait for a promise (see peekDb). */
let openConnection: Db | null = null;
const blockedListeners = new Set<() => void>();

/** Called when another tab holds an older version open and our upgrade waits. */
export function onDatabaseBlocked(listener: () => void): () => void {
  blockedListeners.add(listener);
  return () => blockedListeners.delete(listener);
}

/**
 * The one connection of this page (or worker). If the browser closes it
 * (storage cleared, another tab upgrading) the next call opens it again.
 */
export function getDb(): Promise<Db> {
  if (!dbPromise) {
    dbPromise = openDB<OmbudsDB>(DB_NAME, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => upgradeSchema(db, oldVersion, tx),
      blocked: () => blockedListeners.forEach((l) => l()),
      blocking: (_current, _next, event) => {
        // A newer version of the app wants to upgrade: let it, and reopen on next use.
        (event.target as IDBDatabase).close();
        dbPromise = null;
        openConnection = null;
      },
      terminated: () => {
        dbPromise = null;
        openConnection = null;
      },
    })
      .then((db) => {
        openConnection = db;
        return db;
      })
      .catch((err) => {
        dbPromise = null;
        throw err;
      });
  }
  return dbPromise;
}

/**
 * The open connection, or null: for a write made inside a `pagehide`
 * handler, where Chromium keeps only transactions created (and committed)
 * before the handler returns, not after an await.
 */
export function peekDb(): Db | null {
  return openConnection;
}

/** The records of one store with these keys, in one read (undefined where none is stored). */
export async function getMany<Name extends StoreNames<OmbudsDB>>(
  store: Name,
  keys: readonly OmbudsDB[Name]['key'][],
): Promise<(OmbudsDB[Name]['value'] | undefined)[]> {
  const tx = (await getDb()).transaction(store, 'readonly');
  const found = await Promise.all(keys.map((key) => tx.store.get(key)));
  await tx.done;
  return found;
}

/** For tests and "delete everything": drop the cached connection. */
export async function closeDb(): Promise<void> {
  const p = dbPromise;
  dbPromise = null;
  openConnection = null;
  if (p) (await p.catch(() => null))?.close();
}

/**
 * Whether this browser lets us keep drafts at all. Private modes and full
 * disks fail here; the app still opens and says so plainly.
 */
export async function probeStorage(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  try {
    const db = await getDb();
    await db.get('kv', '__probe__');
    return true;
  } catch {
    return false;
  }
}
