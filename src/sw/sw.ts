/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { resolveApiBase } from '../outbox/api-base';
import { SYNC_TAG, flush } from '../outbox/flush';
import { closeDb } from '../storage/db';
import { isEventMode } from '../outbox/outbox-store';
import { PERIODIC_TAG, refreshStatuses } from '../status/refresh';
import { deleteRuntimeCaches } from '../storage/wipe';

declare const self: ServiceWorkerGlobalScope;

// The shell, every locale's messages and guide, and the icons: after one
// visit the app works in any language with no network.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The guide has its own copy of the shell that asks for the guide's files
// at once (scripts/vite-plugin-preload.ts), as the server answers online.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/guide.html'), { allowlist: [/^\/guide\/?$/] }));

// Every app path (/guide, /requests/…) is the same shell; the router picks
// the screen. API calls, files and the office console (/staff, its own page,
// never cached here) are never answered with the shell.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/staff(?:\/|$)/, /\/[^/?]+\.[a-z0-9]+$/i],
  }),
);

// Deployment settings: fresh when online, the last copy when not.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname === '/config.json',
  new NetworkFirst({ cacheName: 'config', networkTimeoutSeconds: 4 }),
);

// The intake server's public sealing keys: fresh when online, the last copy
// when not, so a request submitted offline can still be sealed.
const isKeysUrl = (url: URL) => url.pathname.endsWith('/api/v1/keys');
registerRoute(({ url }) => isKeysUrl(url), new NetworkFirst({ cacheName: 'keys', networkTimeoutSeconds: 4 }));

/** Fetched at install, so even a first visit that goes offline at once can seal. */
async function cacheDeliverySettings(): Promise<void> {
  try {
    const config = await fetch('/config.json', { cache: 'no-cache' });
    if (config.ok) await (await caches.open('config')).put('/config.json', config);
    const base = await resolveApiBase();
    const keysUrl = new URL(`${base.replace(/\/+$/, '')}/keys`, self.location.href).href;
    const keys = await fetch(keysUrl, { cache: 'no-cache' });
    if (keys.ok) await (await caches.open('keys')).put(keysUrl, keys);
  } catch {
    // Offline during install: the page fetches both on its next online visit.
  }
}

self.addEventListener('install', (event) => event.waitUntil(cacheDeliverySettings()));

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// Background Sync (Chromium): deliver the outbox even with no page open. A
// rejected promise asks the browser to fire the event again later.
self.addEventListener('sync', (event: Event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== SYNC_TAG) return;
  sync.waitUntil(
    (async () => {
      // Forced: the browser fires 'sync' when a connection is back, which is what the backoff waited for.
      const summary = await flush({ apiBase: await resolveApiBase(), force: true });
      if (!summary.ran || summary.waiting > 0) throw new Error('outbox not yet empty');
    })(),
  );
});

// Periodic Background Sync (installed Chromium apps; the page registers it
// only while something is followed): ask the office about delivered
// requests with no page open. A shared tablet never asks in the background.
self.addEventListener('periodicsync', (event: Event) => {
  const periodic = event as SyncEvent;
  if (periodic.tag !== PERIODIC_TAG) return;
  periodic.waitUntil(
    (async () => {
      if (await isEventMode()) return;
      await refreshStatuses({ apiBase: await resolveApiBase(), minAgeMs: 60 * 60_000 });
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
  // "Delete everything" (src/settings/delete-everything.ts): let go of the
  // database so the page can delete it, drop runtime caches, then answer.
  if (event.data && event.data.type === 'WIPE') {
    event.waitUntil(
      Promise.allSettled([closeDb(), deleteRuntimeCaches()]).then(() => event.ports[0]?.postMessage({ type: 'WIPED' })),
    );
  }
});
