import { getCachedKeys, putCachedKeys } from './outbox-store';
import { fetchServerKeys, importSealingKey, parseKeysResponse, pickSealingKey, type KeysResponse } from './server-key';
import type { SealingKey } from '../shared/seal';

/**
 * The key to seal to: the server's published keys fresh from the network
 * when it answers (the worker's NetworkFirst cache answers offline too),
 * else the copy cached in IndexedDB (at once, for a submit, when that copy
 * is recent). Null when no key was ever seen: the
 * outbox then waits with needsSeal (see docs/ARCHITECTURE-sync.md).
 */
export interface SealingKeyOptions {
  apiBase: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
  /**
   * Take the IndexedDB copy without asking the network when it was fetched
   * this recently. Submitting passes it: a round trip per submit was a third
   * of each submit's time at a busy event, and a key a few minutes old still
   * opens (rotation keeps old keys; one the server dropped answers
   * unknown_kid and the flush re-seals to a fresh key). Flushing never
   * passes it.
   */
  reuseWithinMs?: number;
}

/** How long a submit trusts the key it last fetched. */
export const SUBMIT_KEY_REUSE_MS = 10 * 60_000;

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

function isRecent(fetchedAt: number, options: SealingKeyOptions): boolean {
  if (options.reuseWithinMs === undefined) return false;
  const age = (options.now ?? Date.now)() - fetchedAt;
  // A clock set back makes a negative age: not trusted as recent.
  return age >= 0 && age <= options.reuseWithinMs;
}

export async function currentSealingKey(options: SealingKeyOptions): Promise<SealingKey | null> {
  const cached = await getCachedKeys().catch(() => undefined);
  const keys =
    (cached && isRecent(cached.fetchedAt, options) ? cached.keys : undefined) ??
    (await fromNetwork(options)) ??
    cached?.keys ??
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
