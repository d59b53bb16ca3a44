import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PublicConfig } from '../shared/public-config';
import { PUBLIC_CONFIG_DEFAULTS } from '../shared/public-config-defaults';

/**
 * Reads /config.json (network first in the worker, cached for offline).
 * Its reader, and the validator under it, load with the file, once the
 * page is idle (App.tsx): the first screen needs neither.
 */
export async function fetchPublicConfig(): Promise<PublicConfig> {
  try {
    const res = await fetch('/config.json', { credentials: 'same-origin' });
    if (!res.ok) return PUBLIC_CONFIG_DEFAULTS;
    const [{ readPublicConfig }, body] = await Promise.all([import('../shared/public-config'), res.json()]);
    return readPublicConfig(body);
  } catch {
    return PUBLIC_CONFIG_DEFAULTS;
  }
}

export const ConfigContext = createContext<PublicConfig>(PUBLIC_CONFIG_DEFAULTS);

export function useConfig(): PublicConfig {
  return useContext(ConfigContext);
}
