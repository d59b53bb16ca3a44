/**
 * Renders a view inside what the app shell gives every screen: the i18n
 * provider with real compiled messages, preact-iso's LocationProvider at a
 * chosen path, and the public config. Reuse it for any component test.
 *
 *   const { i18n } = renderWithI18n(<GuideView />, { locale: 'en', path: '/guide' });
 */
import type { ComponentChildren } from 'preact';
import { render, type RenderResult } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { compileMessages, type CompiledCatalog } from '../../scripts/locale-content';
import { I18nProvider, makeI18n, type I18n } from '../../src/i18n/context';
import { ConfigContext } from '../../src/config/config';
import { FactOverridesContext } from '../../src/facts/facts-context';
import type { PublicConfig } from '../../src/shared/public-config';
import { PUBLIC_CONFIG_DEFAULTS } from '../../src/shared/public-config-defaults';
import { existsSync, readFileSync } from '../unit/node-fs';

// Relative to the project root (vitest's working directory): under jsdom,
// import.meta.url is an http: URL and `URL` is jsdom's, which node:fs refuses.
const LOCALES_DIR = 'locales/';

const compiled = new Map<string, CompiledCatalog>();

function catalogFile(locale: string): CompiledCatalog {
  let catalog = compiled.get(locale);
  if (!catalog) {
    const file = `${LOCALES_DIR}${locale}/messages.json`;
    catalog = existsSync(file) ? compileMessages(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>, file) : {};
    compiled.set(locale, catalog);
  }
  return catalog;
}

/** The messages the app would use for `locale`: English underneath, the locale's own on top (as src/i18n/catalog.ts does). */
export function messagesFor(locale: string): CompiledCatalog {
  return locale === 'en' ? catalogFile('en') : { ...catalogFile('en'), ...catalogFile(locale) };
}

export interface RenderWithI18nOptions {
  locale?: string;
  /** Where the app is, path plus optional #fragment; the test's URL is moved there before rendering. */
  path?: string;
  config?: Partial<PublicConfig>;
  setLocale?: (code: string) => void;
}

export function renderWithI18n(
  ui: ComponentChildren,
  options: RenderWithI18nOptions = {},
): RenderResult & { i18n: I18n } {
  const { locale = 'en', path = '/', config = {}, setLocale } = options;
  history.replaceState(null, '', path);
  const i18n = makeI18n(locale, messagesFor(locale), setLocale);
  const full = { ...PUBLIC_CONFIG_DEFAULTS, ...config };
  const result = render(
    <I18nProvider value={i18n}>
      <ConfigContext.Provider value={full}>
        <FactOverridesContext.Provider value={full.factOverrides}>
          <LocationProvider>{ui}</LocationProvider>
        </FactOverridesContext.Provider>
      </ConfigContext.Provider>
    </I18nProvider>,
  );
  return Object.assign(result, { i18n });
}
