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

/** An I18n that can take in more strings of its own language (see `widen`). */
export interface WidenableI18n extends I18n {
  /**
   * Takes in a larger catalog of the same language, the same object staying
   * in place. Nothing rendered changes, so nothing renders again: a phone
   * showing a whole guide does not redo it when the other screens' strings
   * come in. False (and nothing taken in) when some lookup already found its
   * string missing: what shows a blank needs a new I18n and a render.
   */
  widen(messages: Catalog, complete: boolean): boolean;
}

/**
 * `complete` is false while some screens' strings are still loading (they
 * follow the first paint): a missing key then renders empty for a moment
 * rather than as its id.
 */
export function makeI18n(locale: string, messages: Catalog, setLocale: (code: string) => void = () => {}, complete = true): WidenableI18n {
  const info = localeInfo(locale);
  const intlFor = (table: Catalog) =>
    createIntl<string>(
      {
        locale: info.code,
        // Strings in the catalog are never given to formatMessage (see t).
        messages: table as Record<string, MessageFormatElement[]>,
        defaultLocale: 'en',
        // A missing key is caught by the completeness test; at run time it
        // must not spam the console of a person's phone.
        onError: () => {},
      },
      cache,
    );
  let table = messages;
  let whole = complete;
  let blanked = false;
  const i18n: WidenableI18n = {
    locale,
    dir: info.dir,
    intl: intlFor(messages),
    t: (id, values) => {
      const message = table[id];
      // Plain-text messages ship as strings: no formatting needed (and none
      // possible without the parser the build leaves out).
      if (typeof message === 'string') return message;
      if (!message && !whole) {
        blanked = true;
        return '';
      }
      return i18n.intl.formatMessage({ id }, values as Record<string, string>);
    },
    setLocale,
    widen: (more, nowComplete) => {
      if (blanked) return false;
      table = more;
      whole = nowComplete;
      i18n.intl = intlFor(more);
      return true;
    },
  };
  return i18n;
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
