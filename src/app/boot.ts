import type { LoadedCatalog } from '../i18n/catalog';
import { namespaceFor, startCatalog } from '../i18n/store';
import { negotiateLocale } from '../i18n/negotiate';
import { localeInfo } from '../i18n/locales';
import { rememberedLocale } from '../i18n/remembered-locale';
import { applyTextScale } from '../ui/text-scale';

export function applyDocumentLocale(code: string): void {
  const info = localeInfo(code);
  document.documentElement.lang = info.code;
  document.documentElement.dir = info.dir;
}

export async function bootI18n(): Promise<LoadedCatalog> {
  applyTextScale();
  const code = negotiateLocale(navigator.languages ?? [navigator.language], rememberedLocale());
  // A deep link (/guide, /requests/…) needs its screen's strings and code
  // as well: fetch them beside the shell's rather than one after another.
  const deepLink = location.pathname !== '/';
  if (deepLink) prefetchScreen(location.pathname, code);
  const screen = location.pathname.split('/')[1]!;
  const loaded = await startCatalog(code, deepLink ? ['shell', namespaceFor(screen)] : ['shell']);
  applyDocumentLocale(loaded.locale);
  return loaded;
}

/**
 * Starts loading the first screen's chunks while the shell's strings load.
 * The same modules the router imports lazily, so nothing loads twice.
 */
function prefetchScreen(path: string, code: string): void {
  const quiet = () => {};
  if (path.startsWith('/guide')) {
    import('../guide/GuideView').catch(quiet);
    import('../guide/load').then((m) => m.loadGuide(code)).catch(quiet);
  } else if (path.startsWith('/screener')) import('../screener/ScreenerView').catch(quiet);
  else if (path.startsWith('/requests')) import('../requests/RequestsView').catch(quiet);
  else if (path.startsWith('/settings')) import('../settings/SettingsView').catch(quiet);
  else if (path.startsWith('/status')) import('../status/StatusView').catch(quiet);
}
