import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PublicConfig } from '../shared/public-config';
import { PUBLIC_CONFIG_DEFAULTS } from '../shared/public-config-defaults';

/**
 * Reads /config.json (network first in the worker, cached for offline).
 * Its reader, and the validator under it, are asked for beside the file,
 * once the page is idle (App.tsx): the first screen needs neither.
 *
 * No file, or one that cannot be read, means the defaults. A reader that
 * cannot load rejects instead: the defaults are not the office's answer
 * (its corrected phone numbers, its notice), and the caller asks again.
 */
export async function fetchPublicConfig(): Promise<PublicConfig> {
  const reader = import('../shared/public-config');
  reader.catch(() => {});
  let body: unknown;
  try {
    const res = await fetch('/config.json', { credentials: 'same-origin' });
    if (!res.ok) return PUBLIC_CONFIG_DEFAULTS;
    body = await res.json();
  } catch {
    return PUBLIC_CONFIG_DEFAULTS;
  }
  return (await reader).readPublicConfig(body);
}

/**
 * Reads the office's settings into `take`, asking again every `retryMs`
 * while their reader cannot load (a browser that follows the current HTML
 * standard fetches a failed module again). Returns a stop.
 */
export function followPublicConfig(take: (config: PublicConfig) => void, retryMs = 30_000): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const load = (): Promise<void> =>
    fetchPublicConfig().then(
      (config) => void (stopped || take(config)),
      () => void (stopped || (timer = setTimeout(() => void load(), retryMs))),
    );
  void load();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

export const ConfigContext = createContext<PublicConfig>(PUBLIC_CONFIG_DEFAULTS);

export function useConfig(): PublicConfig {
  return useContext(ConfigContext);
}
