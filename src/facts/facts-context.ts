import { createContext } from 'preact';
import type { FactOverride } from '../shared/public-config';

/**
 * The office's overrides from /config.json, given by the app shell. Only
 * the overrides: the facts themselves stay out of the shell's first chunk
 * and load with the screens that show them (use-facts.ts).
 */
export const FactOverridesContext = createContext<Readonly<Record<string, FactOverride>>>({});
