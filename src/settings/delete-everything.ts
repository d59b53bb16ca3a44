/**
 * Deletes everything this app keeps on the device, in an order that leaves
 * nothing half done: the service worker first lets go of the database and
 * drops its runtime caches (so it cannot write a queued request back), then
 * the page deletes the database, the caches and its storage keys, and
 * reloads to the home screen with nothing in memory.
 */
import { localStore, tabStore } from '../storage/web-storage';
import { clearAppStorage, deleteDatabase, deleteRuntimeCaches } from '../storage/wipe';

/** Asks the worker to close its database connection and drop runtime caches; resolves when it says so (or soon). */
async function tellServiceWorker(timeoutMs = 3000): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const reg = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  const workers = new Set([navigator.serviceWorker.controller, reg?.active, reg?.waiting, reg?.installing].filter((w): w is ServiceWorker => !!w));
  await Promise.all(
    [...workers].map(
      (worker) =>
        new Promise<void>((resolve) => {
          const channel = new MessageChannel();
          const timer = setTimeout(resolve, timeoutMs);
          channel.port1.onmessage = () => {
            clearTimeout(timer);
            resolve();
          };
          try {
            worker.postMessage({ type: 'WIPE' }, [channel.port2]);
          } catch {
            clearTimeout(timer);
            resolve();
          }
        }),
    ),
  );
}

export async function deleteEverything(options: { reload?: (path: string) => void } = {}): Promise<boolean> {
  await tellServiceWorker();
  const deleted = await deleteDatabase();
  await deleteRuntimeCaches().catch(() => {});
  clearAppStorage(localStore());
  try {
    tabStore()?.clear();
  } catch {
    /* nothing stored */
  }
  (options.reload ?? ((path: string) => location.assign(path)))('/');
  return deleted;
}
