import { localStore } from '../storage/web-storage';

const LOCALE_KEY = 'ombuds.locale';

/** The remembered language choice. localStorage holds no personal data here: only a locale code. */
export function rememberedLocale(): string | null {
  try {
    return localStore()?.getItem(LOCALE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberLocale(code: string): void {
  try {
    localStore()?.setItem(LOCALE_KEY, code);
  } catch {
    // Storage blocked (private mode): the choice lasts this visit only.
  }
}
