/**
 * When the page flushes the outbox: on start, when the browser comes
 * online, when the page becomes visible, every minute while open, right
 * after a submit, and on "Send now". The service worker flushes on its
 * 'sync' event where the browser has Background Sync (Chromium); elsewhere
 * (Safari, Firefox) requests go when the app is next open, and the UI says so.
 */
import { resolveApiBase } from './api-base';
import { SYNC_TAG, flush, type FlushSummary } from './flush';

export { SYNC_TAG };
const PERIOD_MS = 60_000;

let apiBase: Promise<string> | null = null;
let running: Promise<FlushSummary> | null = null;
let again = false;
let againForced = false;

function base(): Promise<string> {
  apiBase ??= resolveApiBase();
  return apiBase;
}

/** One flush at a time in this page; a call while one runs schedules one more after it. */
function run(force: boolean): Promise<FlushSummary> {
  if (running) {
    again = true;
    againForced ||= force;
    return running;
  }
  running = (async () => {
    try {
      return await flush({ apiBase: await base(), force });
    } finally {
      running = null;
      if (again) {
        const f = againForced;
        again = againForced = false;
        void run(f).catch(() => {});
      }
    }
  })();
  return running;
}

/** "Send now": tries everything waiting, whatever its next try time. */
export function sendNow(): Promise<FlushSummary> {
  return run(true);
}

export function hasBackgroundSync(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    typeof self !== 'undefined' &&
    'SyncManager' in self
  );
}

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

async function registerBackgroundSync(): Promise<void> {
  if (!hasBackgroundSync()) return;
  const ready = navigator.serviceWorker.ready as Promise<ServiceWorkerRegistration & SyncRegistration>;
  const reg = await Promise.race([ready, new Promise<undefined>((r) => setTimeout(() => r(undefined), 3_000))]);
  await reg?.sync?.register(SYNC_TAG);
}

/** After a submit: ask the worker to deliver even if the page closes, and try at once. Never throws. */
export function requestDelivery(): void {
  void registerBackgroundSync().catch(() => {});
  void run(false).catch(() => {});
}

/** Starts the page's triggers; answers a function that stops them. */
export function startDeliveryTriggers(): () => void {
  if (typeof window === 'undefined') return () => {};
  const tick = () => void run(false).catch(() => {});
  // Opening the app and getting a connection back are news: the backoff was
  // waiting for exactly that, so everything waiting is tried at once.
  const fresh = () => void run(true).catch(() => {});
  const onVisible = () => {
    if (document.visibilityState === 'visible') tick();
  };
  window.addEventListener('online', fresh);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(() => {
    if (document.visibilityState === 'visible') tick();
  }, PERIOD_MS);
  fresh();
  return () => {
    window.removeEventListener('online', fresh);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}
