import type { LoadedCatalog } from '../i18n/catalog';
import { startCatalog } from '../i18n/store';
import { negotiateLocale } from '../i18n/negotiate';
import { localeInfo } from '../i18n/locales';
import { applyTextScale } from './text-scale';

const LOCALE_KEY = 'ombuds.locale';

/** The remembered language choice. localStorage holds no personal data here: only a locale code. */
export function rememberedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
}

export function rememberLocale(code: string): void {
  try {
    localStorage.setItem(LOCALE_KEY, code);
  } catch {
    // Storage blocked (private mode): the choice lasts this visit only.
  }
}

export function applyDocumentLocale(code: string): void {
  const info = localeInfo(code);
  document.documentElement.lang = info.code;
  document.documentElement.dir = info.dir;
}

export async function bootI18n(): Promise<LoadedCatalog> {
  applyTextScale();
  const code = negotiateLocale(navigator.languages ?? [navigator.language], rememberedLocale());
  // The route's own strings load beside the shell's, so a deep link
  // (/screener) paints its screen in one go.
  const loaded = await startCatalog(code);
  applyDocumentLocale(loaded.locale);
  return loaded;
}
