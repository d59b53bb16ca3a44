import type { LoadedCatalog } from '../i18n/catalog';
import { namespaceFor, startCatalog } from '../i18n/store';
import { negotiateLocale } from '../i18n/negotiate';
import { localeInfo } from '../i18n/locales';
import { rememberedLocale } from '../i18n/remembered-locale';
import { applyTextScale } from '../ui/text-scale';
import { warmIntlOffThread } from '../i18n/intl-warmup';

export function applyDocumentLocale(code: string): void {
  const info = localeInfo(code);
  document.documentElement.lang = info.code;
  document.documentElement.dir = info.dir;
}

/** The language the app opens in: the one chosen before, else the browser's best match. */
function firstLocale(): string {
  return negotiateLocale(navigator.languages ?? [navigator.language], rememberedLocale());
}

/**
 * Started before anything else: the first screen formats dates and numbers,
 * and the tables that takes are built off the main thread meanwhile. The
 * first render waits for it (at most WARM_LIMIT_MS), beside its strings.
 */
export function warmFormatting(): Promise<void> {
  return warmIntlOffThread(localeInfo(firstLocale()).code, WARM_LIMIT_MS);
}

const WARM_LIMIT_MS = 250;

export async function bootI18n(formatting: Promise<void> = Promise.resolve()): Promise<LoadedCatalog> {
  applyTextScale();
  const code = firstLocale();
  // A deep link (/guide, /requests/…) needs its screen's strings and code
  // as well: fetch them beside the shell's rather than one after another.
  const deepLink = location.pathname !== '/';
  if (deepLink) prefetchScreen(location.pathname, code);
  const screen = location.pathname.split('/')[1]!;
  const [loaded] = await Promise.all([startCatalog(code, deepLink ? ['shell', namespaceFor(screen)] : ['shell']), formatting]);
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
