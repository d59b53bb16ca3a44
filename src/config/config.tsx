import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { DEFAULT_PUBLIC_CONFIG, readPublicConfig, type PublicConfig } from '../shared/public-config';

/** Reads /config.json (network first in the worker, cached for offline). */
export async function fetchPublicConfig(): Promise<PublicConfig> {
  try {
    const res = await fetch('/config.json', { credentials: 'same-origin' });
    if (!res.ok) return DEFAULT_PUBLIC_CONFIG;
    return readPublicConfig(await res.json());
  } catch {
    return DEFAULT_PUBLIC_CONFIG;
  }
}

export const ConfigContext = createContext<PublicConfig>(DEFAULT_PUBLIC_CONFIG);

export function useConfig(): PublicConfig {
  return useContext(ConfigContext);
}
