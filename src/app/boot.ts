import type { LoadedCatalog } from '../i18n/catalog';
import { namespaceFor, startCatalog } from '../i18n/store';
import { negotiateLocale } from '../i18n/negotiate';
import { localeInfo } from '../i18n/locales';
import { rememberedLocale } from '../i18n/remembered-locale';
import { applyTextScale } from '../ui/text-scale';
import { warmIntlOffThread } from '../i18n/intl-warmup';
import { preloadScreen } from './screens';
import { nextTask } from './next-task';

/**
 * Only what changed is written: setting lang or dir, even to the value it
 * has, makes the browser check :lang() and :dir() on every element again
 * (a trace of the guide's boot: 140 elements restyled for an unchanged
 * "en" and "ltr").
 */
export function applyDocumentLocale(code: string): void {
  const info = localeInfo(code);
  const root = document.documentElement;
  if (root.lang !== info.code) root.lang = info.code;
  if (root.dir !== info.dir) root.dir = info.dir;
}

/**
 * The language the app opens in: the one chosen before, else the browser's
 * best match. The page's first read of localStorage waits on the browser
 * process (9 ms of a 15 ms task in a trace of the guide's boot), so the
 * prerendered guide reads it in a task of its own (main.tsx).
 */
export function openingLocale(): string {
  return negotiateLocale(navigator.languages ?? [navigator.language], rememberedLocale());
}

/**
 * Started before anything else: the first screen formats dates and numbers,
 * and the tables that takes are built off the main thread meanwhile. The
 * first render waits for it (at most WARM_LIMIT_MS), beside its strings.
 */
export function warmFormatting(code: string): Promise<void> {
  return warmIntlOffThread(localeInfo(code).code, WARM_LIMIT_MS);
}

const WARM_LIMIT_MS = 250;

export async function bootI18n(code: string, formatting: Promise<void> = Promise.resolve()): Promise<LoadedCatalog> {
  applyTextScale();
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
