import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { loaders, NAMESPACES, type CatalogPart } from 'virtual:ombuds-messages';
import { DEFAULT_LOCALE } from './locales';

/** Compiled messages: plain-text ones as strings, the rest as ICU ASTs. */
export type Catalog = Record<string, string | MessageFormatElement[]>;

export interface LoadedCatalog {
  locale: string;
  messages: Catalog;
  /** True when (part of) the asked-for locale could not be loaded and English stands in. */
  fellBack: boolean;
  /** Namespaces merged into `messages`. */
  namespaces: readonly string[];
}

export const ALL_NAMESPACES: readonly string[] = NAMESPACES;

async function loadPart(code: string, ns: string): Promise<CatalogPart> {
  const load = loaders[code]?.[ns];
  if (!load) throw new Error(`no ${ns} messages for ${code}`);
  return load();
}

/**
 * An empty catalog. Without a prototype the object is a plain hash table
 * from the start: filled with ~1,000 keys like an ordinary object, V8 makes
 * a hidden class for each key added, and building and merging the catalogs
 * took 20–57 ms of the first screen's main thread (1–9 ms like this).
 */
function emptyCatalog(): Catalog {
  return Object.create(null) as Catalog;
}

/** English part + (optionally) a locale's values in the same key order → one catalog. */
function zip(english: CatalogPart, local?: CatalogPart | null): Catalog {
  if (Array.isArray(english)) throw new Error('the English part must carry the keys');
  const out = emptyCatalog();
  const values = Array.isArray(local) ? local : null;
  english.keys.forEach((key, i) => {
    out[key] = values?.[i] ?? english.values[i]!;
  });
  return out;
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
      if (code === DEFAULT_LOCALE) return { messages: zip(await en), fellBack: false };
      const [english, local] = await Promise.all([en, loadPart(code, ns).catch(() => null)]);
      return { messages: zip(english, local), fellBack: !local };
    }),
  );
  // Every part missing: the app is English. Some parts missing: the app
  // stays in the language, English fills the gaps, and the notice says so.
  const allMissing = parts.every((p) => p.fellBack);
  const fellBack = parts.some((p) => p.fellBack);
  return {
    locale: allMissing ? DEFAULT_LOCALE : code,
    messages: Object.assign(emptyCatalog(), ...parts.map((p) => p.messages)) as Catalog,
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
    messages: Object.assign(emptyCatalog(), current.messages, more.messages),
    fellBack: current.fellBack || more.fellBack,
    namespaces: [...current.namespaces, ...missing],
  };
}
