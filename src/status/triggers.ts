/**
 * When the page asks the office about followed requests: when the app
 * opens and when the connection comes back. Where the browser has Periodic
 * Background Sync (installed Chromium apps) the worker also asks now and
 * then with no page open (src/sw/sw.ts); elsewhere the next open does.
 */
import { isEventMode } from '../event-mode/session';
import { checkStatuses } from './check';
import { listFollowed } from './followed';
import { PERIODIC_TAG } from './refresh';

/** Opening the app twice in a few minutes is not news. */
const OPEN_MIN_AGE_MS = 5 * 60_000;
const PERIODIC_MIN_INTERVAL_MS = 12 * 60 * 60_000;

interface PeriodicSyncManager {
  register(tag: string, options: { minInterval: number }): Promise<void>;
  unregister(tag: string): Promise<void>;
}

async function periodicSync(): Promise<PeriodicSyncManager | null> {
  if (!('serviceWorker' in navigator)) return null;
  const ready = navigator.serviceWorker.ready as Promise<ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManager }>;
  const reg = await Promise.race([ready, new Promise<undefined>((r) => setTimeout(() => r(undefined), 3_000))]);
  if (!reg?.periodicSync) return null;
  try {
    // Chromium grants it to installed apps only; asking elsewhere would just fail.
    const permission = await navigator.permissions.query({ name: 'periodic-background-sync' as PermissionName });
    return permission.state === 'granted' ? reg.periodicSync : null;
  } catch {
    return null;
  }
}

/** Background checks only while there is something to follow, and never on a shared tablet. */
async function syncPeriodicRegistration(): Promise<void> {
  const manager = await periodicSync();
  if (!manager) return;
  const wanted = !isEventMode() && (await listFollowed()).length > 0;
  await (wanted ? manager.register(PERIODIC_TAG, { minInterval: PERIODIC_MIN_INTERVAL_MS }) : manager.unregister(PERIODIC_TAG));
}

export function startStatusTriggers(): () => void {
  // A shared tablet asks only on the status screen, for the person in front of it.
  if (isEventMode()) return () => {};
  const onOnline = () => void checkStatuses(0).catch(() => {});
  window.addEventListener('online', onOnline);
  void checkStatuses(OPEN_MIN_AGE_MS)
    .catch(() => {})
    .then(() => syncPeriodicRegistration())
    .catch(() => {});
  return () => window.removeEventListener('online', onOnline);
}
