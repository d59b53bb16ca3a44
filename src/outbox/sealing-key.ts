import { getCachedKeys, putCachedKeys } from './outbox-store';
import { fetchServerKeys, importSealingKey, parseKeysResponse, pickSealingKey, type KeysResponse } from './server-key';
import type { SealingKey } from '../shared/seal';

/**
 * The key to seal to: the server's published keys fresh from the network
 * when it answers (the worker's NetworkFirst cache answers offline too),
 * else the copy cached in IndexedDB. Null when no key was ever seen: the
 * outbox then waits with needsSeal (see docs/ARCHITECTURE-sync.md).
 */
export interface SealingKeyOptions {
  apiBase: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
}

async function fromNetwork(options: SealingKeyOptions): Promise<KeysResponse | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 5_000);
  try {
    const keys = await fetchServerKeys(options.apiBase, { fetch: options.fetch, signal: controller.signal });
    await putCachedKeys({ keys, fetchedAt: (options.now ?? Date.now)() });
    return keys;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The copy the worker cached at install ('keys' cache): reached directly,
 * for a page the worker does not control yet (the first visit).
 */
async function fromWorkerCache(apiBase: string): Promise<KeysResponse | undefined> {
  try {
    if (typeof caches === 'undefined') return undefined;
    const url = new URL(`${apiBase.replace(/\/+$/, '')}/keys`, globalThis.location?.href).href;
    const res = await (await caches.open('keys')).match(url);
    return res ? parseKeysResponse(await res.json()) : undefined;
  } catch {
    return undefined;
  }
}

export async function currentSealingKey(options: SealingKeyOptions): Promise<SealingKey | null> {
  const keys =
    (await fromNetwork(options)) ??
    (await getCachedKeys().catch(() => undefined))?.keys ??
    (await fromWorkerCache(options.apiBase));
  if (!keys) return null;
  const entry = pickSealingKey(keys);
  if (!entry) return null;
  try {
    return await importSealingKey(entry);
  } catch {
    return null;
  }
}
