import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { loaders, NAMESPACES } from 'virtual:ombuds-messages';
import { DEFAULT_LOCALE } from './locales';

export type Catalog = Record<string, MessageFormatElement[]>;

export interface LoadedCatalog {
  locale: string;
  messages: Catalog;
  /** True when the asked-for locale could not be loaded and English stands in. */
  fellBack: boolean;
  /** Namespaces merged into `messages`. */
  namespaces: readonly string[];
}

export const ALL_NAMESPACES: readonly string[] = NAMESPACES;
export const availableMessageLocales = Object.keys(loaders);

async function loadPart(code: string, ns: string): Promise<Catalog> {
  const load = loaders[code]?.[ns];
  if (!load) throw new Error(`no ${ns} messages for ${code}`);
  return load();
}

/**
 * Loads some namespaces of a locale. English is loaded beside any other
 * locale so a key missing from a translation falls back to English for
 * that key alone; if the locale's chunk cannot load (evicted cache), the
 * whole part is English and `fellBack` says so.
 */
export async function loadCatalog(code: string, namespaces: readonly string[] = ['shell']): Promise<LoadedCatalog> {
  const parts = await Promise.all(
    namespaces.map(async (ns) => {
      const en = loadPart(DEFAULT_LOCALE, ns);
      if (code === DEFAULT_LOCALE) return { messages: await en, fellBack: false };
      const [english, local] = await Promise.all([en, loadPart(code, ns).catch(() => null)]);
      return local ? { messages: { ...english, ...local }, fellBack: false } : { messages: english, fellBack: true };
    }),
  );
  const fellBack = parts.some((p) => p.fellBack) && parts.every((p) => p.fellBack);
  return {
    locale: fellBack ? DEFAULT_LOCALE : code,
    messages: Object.assign({}, ...parts.map((p) => p.messages)) as Catalog,
    fellBack,
    namespaces,
  };
}

/** Adds namespaces to a loaded catalog, in the same locale. */
export async function extendCatalog(current: LoadedCatalog, namespaces: readonly string[]): Promise<LoadedCatalog> {
  const missing = namespaces.filter((ns) => !current.namespaces.includes(ns));
  if (!missing.length) return current;
  const more = await loadCatalog(current.locale, missing);
  return {
    locale: current.locale,
    messages: { ...current.messages, ...more.messages },
    fellBack: current.fellBack,
    namespaces: [...current.namespaces, ...missing],
  };
}
