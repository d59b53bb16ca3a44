/**
 * How stored answers are shown on the review page and the print view:
 * countries and languages by name in the reader's language, dates in the
 * reader's format, identifiers in their usual written form. Invalid
 * answers are shown exactly as typed.
 */
import type { IntlShape } from '@formatjs/intl';
import { LOCALES } from '../i18n/locales';
import { checkANumber, checkReceiptNumber, formatANumber, isRealDate, STATELESS } from '../shared/fields';

export function countryName(locale: string, code: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A language by its own name when the app offers it, else in the reader's language. */
export function languageName(locale: string, tag: string): string {
  if (!tag) return '';
  const own = LOCALES.find((l) => l.code.toLowerCase() === tag.toLowerCase());
  if (own) return own.name;
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A YYYY-MM-DD date in the reader's format; anything else as typed. */
export function formatIsoDate(intl: IntlShape<string>, iso: string): string {
  if (!isRealDate(iso)) return iso;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // Noon UTC: the same calendar day in every time zone.
  return intl.formatDate(new Date(Date.UTC(y, m - 1, d, 12)), { dateStyle: 'long', timeZone: 'UTC' });
}

/** Chinese says the family name first; a name in Han characters is written without a space. */
export function familyNameFirst(locale: string): boolean {
  return locale === 'zh-Hans' || locale === 'zh-Hant';
}

/** Who a request is for, as the reader says it: a company by its name, a person in the reader's name order. */
export function requesterName(
  p: { kind: string; businessName: string; givenName: string; middleName?: string; familyName: string },
  locale: string,
): string {
  if (p.kind === 'company') return p.businessName.trim();
  const given = [p.givenName, p.middleName ?? '']
    .map((x) => x.trim())
    .filter(Boolean)
    .join(' ');
  const family = p.familyName.trim();
  if (!familyNameFirst(locale)) return [given, family].filter(Boolean).join(' ');
  const han = /^[\p{Script=Han}·・]+$/u;
  return [family, given].filter(Boolean).join(han.test(family) && han.test(given) ? '' : ' ');
}

export function displayANumber(input: string): string {
  const result = checkANumber(input);
  return result.ok ? formatANumber(result.value) : input;
}

export function displayReceipt(input: string): string {
  const result = checkReceiptNumber(input);
  return result.ok ? result.value : input;
}

export function isStateless(value: string): boolean {
  return value.trim().toLowerCase() === STATELESS;
}

/** Bytes in the reader's number format: "1.2 MB". */
export function formatBytes(intl: IntlShape<string>, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return intl.formatNumber(value, {
    style: 'unit',
    unit: units[unit],
    // CLDR's short English byte is "byte" for any count ("0 byte"); the long form is plural-aware.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  });
}
