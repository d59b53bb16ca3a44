import type { CompiledGuide } from '../../scripts/locale-content';
import { DEFAULT_LOCALE } from '../i18n/locales';

export type { CompiledGuide, GuideSection } from '../../scripts/locale-content';

export type GuideLoaders = Record<string, () => Promise<CompiledGuide>>;

// One chunk per locale, compiled to HTML sections at build time by the
// plugin in scripts/ (no Markdown parser reaches the page) and precached by
// the worker, so every language reads offline after one visit.
const loaders = import.meta.glob<CompiledGuide>('/locales/*/guide.md', { import: 'default' });

export interface LoadedGuide {
  /** The locale the guide is written in: the one asked for, or English. */
  locale: string;
  guide: CompiledGuide;
  /** True when the asked-for locale has no guide or its chunk failed to load, and English stands in. */
  fellBack: boolean;
}

/** Separate from the glob so tests can hand in loaders that fail as an evicted cache does. */
export function makeGuideLoader(from: GuideLoaders): (code: string) => Promise<LoadedGuide> {
  const loadOne = async (code: string): Promise<CompiledGuide> => {
    const load = from[`/locales/${code}/guide.md`];
    if (!load) throw new Error(`no guide for ${code}`);
    return load();
  };
  return async (code) => {
    if (code !== DEFAULT_LOCALE) {
      const local = await loadOne(code).catch(() => null);
      if (local) return { locale: code, guide: local, fellBack: false };
    }
    // If English fails too the promise rejects and the view says so.
    return { locale: DEFAULT_LOCALE, guide: await loadOne(DEFAULT_LOCALE), fellBack: code !== DEFAULT_LOCALE };
  };
}

const loadAny = makeGuideLoader(loaders);
const loaded = new Map<string, LoadedGuide>();

/** Loads the guide for `code` and keeps it, so the view can show it in its very first render. */
export async function loadGuide(code: string): Promise<LoadedGuide> {
  // The same object again, so a view already showing it has nothing to redo.
  const kept = loaded.get(code);
  if (kept) return kept;
  const result = await loadAny(code);
  // A fallback is not kept: the language's own chunk may load next time.
  if (!result.fellBack) loaded.set(code, result);
  return result;
}

/**
 * The guide for `code` if it has already arrived (boot starts loading it
 * beside the shell's strings on a deep link): the view then renders the
 * text at once instead of a loading state first and the text a task later.
 */
export const loadedGuide = (code: string): LoadedGuide | undefined => loaded.get(code);
