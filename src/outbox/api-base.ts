import { readPublicConfig } from '../shared/public-config';
import { PUBLIC_CONFIG_DEFAULTS } from '../shared/public-config-defaults';

/**
 * Where the intake API lives, from the deployment's /config.json. The page's
 * fetch of it is answered by the worker's NetworkFirst route when offline;
 * the worker's own fetch bypasses itself, so it falls back to the 'config'
 * cache. Defaults to /api/v1.
 */
export async function resolveApiBase(fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<string> {
  const read = async (res: Response | undefined) => (res?.ok ? readPublicConfig(await res.json()).apiBase : undefined);
  try {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 4_000);
    try {
      const base = await read(await fetchFn('/config.json', { signal: controller.signal }));
      if (base) return base;
    } finally {
      clearTimeout(timer);
    }
  } catch {
    // Offline: try the cache below.
  }
  try {
    if (typeof caches !== 'undefined') {
      const base = await read(await (await caches.open('config')).match('/config.json'));
      if (base) return base;
    }
  } catch {
    // No cache either.
  }
  return PUBLIC_CONFIG_DEFAULTS.apiBase;
}
