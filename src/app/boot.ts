import type { LoadedCatalog } from '../i18n/catalog';
import { namespaceFor, startCatalog } from '../i18n/store';
import { negotiateLocale } from '../i18n/negotiate';
import { localeInfo } from '../i18n/locales';
import { rememberedLocale } from '../i18n/remembered-locale';
import { applyTextScale } from '../ui/text-scale';
import { warmIntlOffThread } from '../i18n/intl-warmup';
import { preloadScreen } from './screens';
import { nextTask } from './next-task';

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
  // as well (and the guide its text): loaded beside the shell's rather than
  // one after another, and in before the first render, which then shows
  // the screen whole. A screen slower than that limit renders when it comes.
  const deepLink = location.pathname !== '/';
  const screenReady = deepLink ? withinMs(preloadScreen(location.pathname, code), SCREEN_LIMIT_MS) : undefined;
  const screen = location.pathname.split('/')[1]!;
  // Asking for a chunk is ~6 ms of main thread each on a cold start: the
  // screen's in one task, the strings' in the next.
  if (deepLink) await nextTask();
  const [loaded] = await Promise.all([startCatalog(code, deepLink ? ['shell', namespaceFor(screen)] : ['shell']), formatting, screenReady]);
  applyDocumentLocale(loaded.locale);
  return loaded;
}

const SCREEN_LIMIT_MS = 3000;

/** Settles when `work` does or after `ms`, whichever is first; never rejects (the screen's own render reports a failure). */
function withinMs(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    work.then(
      () => (clearTimeout(timer), resolve()),
      () => (clearTimeout(timer), resolve()),
    );
  });
}
