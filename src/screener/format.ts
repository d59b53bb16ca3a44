/**
 * Small conversions between what a person types or sees and the engine's
 * values: today's calendar date on this device, dates shown in the
 * person's language, and month counts typed with any digits or decimal mark.
 */
import type { IntlShape } from '@formatjs/intl';
import { parseIsoDate, type IsoDate } from '../shared/dates';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The device's calendar date in its own time zone: the day the person lives in. */
export function deviceToday(now: Date = new Date()): IsoDate {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/**
 * A calendar date in the person's language ("March 12, 2026"). Formatted at
 * UTC midnight in UTC: any other zone would show the day before for
 * everyone west of Greenwich.
 */
export function formatDay(intl: IntlShape<string>, date: IsoDate): string {
  const parts = parseIsoDate(date);
  if (!parts) return date;
  return intl.formatDate(Date.UTC(parts.year, parts.month - 1, parts.day), { dateStyle: 'long', timeZone: 'UTC' });
}

// Arabic-Indic (U+0660) and Extended Arabic-Indic (U+06F0) digits, as Arabic,
// Persian and Urdu keyboards type them.
const DIGIT_BLOCKS = [0x0660, 0x06f0];

function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    const base = DIGIT_BLOCKS.find((b) => code >= b && code <= b + 9)!;
    return String(code - base);
  });
}

/**
 * A number of months as typed: "8", "10.5", "10,5", "١٠". Undefined when
 * blank (the engine then says "empty"), NaN when it is not a number ("not a
 * number"); a minus sign is kept so the engine can say "bigger than 0".
 */
export function parseMonths(text: string): number | undefined {
  const s = westernDigits(text.trim()).replace(/\s+/g, '').replace(/[,\u066b]/, '.');
  if (s === '') return undefined;
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
}
