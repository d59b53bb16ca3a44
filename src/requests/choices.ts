/**
 * Long choice lists named in the reader's language: countries by
 * Intl.DisplayNames (codes are stored, names never), U.S. states by code,
 * languages by their own names.
 */
import { useMemo } from 'preact/hooks';
import { LOCALES } from '../i18n/locales';
import { COUNTRY_CODES, US_STATE_CODES } from '../shared/fields';
import type { Choice } from './controls';
import { countryName } from './display';

/** The U.S. and its territories take a U.S. address, so they are not offered for a foreign one. */
const US_DOMESTIC = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM']);

function sortByName(locale: string, choices: Choice[]): Choice[] {
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale);
  } catch {
    collator = new Intl.Collator('en');
  }
  return choices.sort((a, b) => collator.compare(a.label, b.label));
}

export function useCountries(locale: string, options: { foreignOnly?: boolean } = {}): Choice[] {
  const foreignOnly = options.foreignOnly === true;
  return useMemo(
    () =>
      sortByName(
        locale,
        COUNTRY_CODES.filter((code) => !foreignOnly || !US_DOMESTIC.has(code)).map((code) => ({
          value: code,
          label: countryName(locale, code),
        })),
      ),
    [locale, foreignOnly],
  );
}

export function useUsStates(): Choice[] {
  return useMemo(() => US_STATE_CODES.map((code) => ({ value: code, label: code })), []);
}

/** The app's languages, each in its own name: a person finds theirs whatever the app shows. */
export function useLanguages(): Choice[] {
  return useMemo(() => LOCALES.map((l) => ({ value: l.code, label: l.name })), []);
}
