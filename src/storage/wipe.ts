/**
 * "Delete everything on this device": the whole database (drafts, files,
 * outbox, settings, event counts), runtime caches, and this app's keys in
 * localStorage and sessionStorage. The precache (the app itself, no
 * personal data) stays so the app still opens offline.
 */
import { DB_NAME, closeDb } from './db';

/** Caches that hold only public deployment data (/config.json, the server's public keys). */
export const PUBLIC_CACHES: readonly string[] = ['config', 'keys'];

/** Workbox names its precache `workbox-precache-v2-<scope>`. */
export function isRuntimeCache(name: string): boolean {
  return !name.startsWith('workbox-precache') && !PUBLIC_CACHES.includes(name);
}

/**
 * Deletes the database. Other connections (another tab, the worker) are
 * asked to close by the browser; db.ts closes ours on `versionchange`. If
 * one stays open the deletion waits for it: after `waitMs` this resolves
 * `false`, and the browser finishes the deletion once that connection goes.
 */
export async function deleteDatabase(waitMs = 5000): Promise<boolean> {
  await closeDb();
  if (typeof indexedDB === 'undefined') return true;
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), waitMs);
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => {
      clearTimeout(timer);
      resolve(true);
    };
    req.onerror = () => {
      clearTimeout(timer);
      resolve(false);
    };
  });
}

export async function deleteRuntimeCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(names.filter(isRuntimeCache).map((name) => caches.delete(name)));
}

/** This app's keys start with `ombuds.`; other apps on the origin (none expected) keep theirs. */
export function clearAppStorage(storage: Storage | undefined): void {
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith('ombuds.')) keys.push(key);
    }
    keys.forEach((key) => storage.removeItem(key));
  } catch {
    // Blocked storage holds nothing of ours.
  }
}
