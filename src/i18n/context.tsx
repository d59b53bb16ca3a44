import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { Catalog } from './catalog';
import { localeInfo } from './locales';

export type MessageValues = Record<string, string | number | Date | null | undefined>;

export interface I18n {
  locale: string;
  dir: 'ltr' | 'rtl';
  intl: IntlShape<string>;
  /** Formats a message by id; unknown ids show the id, never a blank. */
  t: (id: string, values?: MessageValues) => string;
  setLocale: (code: string) => void;
}

const cache = createIntlCache();

/**
 * `complete` is false while some screens' strings are still loading (they
 * follow the first paint): a missing key then renders empty for a moment
 * rather than as its id.
 */
export function makeI18n(locale: string, messages: Catalog, setLocale: (code: string) => void = () => {}, complete = true): I18n {
  const intl = createIntl<string>(
    {
      locale: localeInfo(locale).code,
      // Strings in the catalog are never given to formatMessage (see t).
      messages: messages as Record<string, MessageFormatElement[]>,
      defaultLocale: 'en',
      // A missing key is caught by the completeness test; at run time it
      // must not spam the console of a person's phone.
      onError: () => {},
    },
    cache,
  );
  return {
    locale,
    dir: localeInfo(locale).dir,
    intl,
    t: (id, values) => {
      const message = messages[id];
      // Plain-text messages ship as strings: no formatting needed (and none
      // possible without the parser the build leaves out).
      if (typeof message === 'string') return message;
      if (!message && !complete) return '';
      return intl.formatMessage({ id }, values as Record<string, string>);
    },
    setLocale,
  };
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { value: I18n; children: ComponentChildren }) {
  return <I18nContext.Provider value={props.value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
