import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { DEFAULT_LOCALE } from './locales';

export type Catalog = Record<string, MessageFormatElement[]>;

// One lazily loaded chunk per locale; the plugin in scripts/ compiles each
// file to ICU ASTs at build time, so no parser ships to the page.
const loaders = import.meta.glob<Catalog>('/locales/*/messages.json', { import: 'default' });

export interface LoadedCatalog {
  locale: string;
  messages: Catalog;
  /** True when the asked-for locale could not be loaded and English stands in. */
  fellBack: boolean;
}

async function loadOne(code: string): Promise<Catalog> {
  const load = loaders[`/locales/${code}/messages.json`];
  if (!load) throw new Error(`no messages for ${code}`);
  return load();
}

/**
 * English is loaded beside every other locale so a key missing from a
 * translation falls back to English for that key alone.
 */
export async function loadCatalog(code: string): Promise<LoadedCatalog> {
  const english = loadOne(DEFAULT_LOCALE);
  if (code === DEFAULT_LOCALE) return { locale: code, messages: await english, fellBack: false };
  const [en, local] = await Promise.all([english, loadOne(code).catch(() => null)]);
  if (!local) return { locale: DEFAULT_LOCALE, messages: en, fellBack: true };
  return { locale: code, messages: { ...en, ...local }, fellBack: false };
}

export const availableMessageLocales = Object.keys(loaders).map((k) => k.split('/')[2]!);
