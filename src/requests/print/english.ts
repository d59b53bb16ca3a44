/**
 * The English catalog for the office's copy of a printed request. Loaded
 * on demand through the i18n layer's own loader (the English chunks are the
 * ones every language already loads beside itself), so no English text is
 * bundled into the first screen's code.
 */
import { loadCatalog } from '../../i18n/catalog';
import { makeI18n, type I18n } from '../../i18n/context';
import { DEFAULT_LOCALE } from '../../i18n/locales';

// 'shell' too: the office's changed contact facts are named with its strings.
const NAMESPACES = ['shell', 'app'];

let loading: Promise<I18n> | null = null;

export function loadEnglish(): Promise<I18n> {
  if (!loading) {
    const next = loadCatalog(DEFAULT_LOCALE, NAMESPACES).then((catalog) => makeI18n(catalog.locale, catalog.messages));
    // A chunk that failed to load (offline, evicted) is tried again next time.
    next.catch(() => {
      if (loading === next) loading = null;
    });
    loading = next;
  }
  return loading;
}
