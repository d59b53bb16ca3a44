/**
 * Field rules of the case-assistance request (Form DHS-7001): pure
 * normalizers and validators, no valibot, no DOM. The wire schema
 * (request-schema.ts) runs them on the page and on the server alike, so both
 * always agree on what a valid value is and what it normalizes to.
 *
 * Every check answers a stable error code (see ERROR_CODES); the page
 * translates `request.error.<code>`, the server returns the code as it is.
 * Sources for the formats are listed in docs/dhs-7001-fields.md.
 */
import { ok, fail, MAX_RAW_IDENTIFIER, compact, type FieldResult } from './field-codes';
import type { IsoDate } from './dates';

// One entry point for the field rules: the codes and the address rules too.
export { ERROR_CODES, errorMessageId, type ErrorCode, type FieldResult } from './field-codes';
export * from './address-fields';
export type { IsoDate } from './dates';

// ---------------------------------------------------------------------------
// Receipt numbers

export interface ReceiptPrefix {
  prefix: string;
  office: string;
}

/**
 * Three-letter prefixes of USCIS receipt numbers. Kept as data so an office
 * can add one without touching the rule. Sources (see docs/dhs-7001-fields.md):
 * - EAC, WAC, LIN, SRC, NBC, MSC, IOE, YSC and the center abbreviations
 *   VSC, CSC, NSC, TSC: cilawgroup.com "USCIS Receipt Numbers Explained"
 *   (2015, updated 2022) and andreiromanenko.com "Check USCIS case status
 *   online"; the first eight also in the project's FIELD-NOTES.
 * - PSC: visaverge.com and easy-visa-check receipt-number decoders
 *   ("YSC / PSC Potomac Service Center").
 * - ZAR, ZCH, ZHN, ZLA, ZMI, ZNK, ZNY, ZSF (asylum offices):
 *   andreiromanenko.com "Check USCIS case status online".
 * These are secondary sources; no USCIS page listing prefixes was found.
 */
export const RECEIPT_PREFIXES: readonly ReceiptPrefix[] = [
  { prefix: 'EAC', office: 'Vermont Service Center' },
  { prefix: 'VSC', office: 'Vermont Service Center' },
  { prefix: 'WAC', office: 'California Service Center' },
  { prefix: 'CSC', office: 'California Service Center' },
  { prefix: 'LIN', office: 'Nebraska Service Center' },
  { prefix: 'NSC', office: 'Nebraska Service Center' },
  { prefix: 'SRC', office: 'Texas Service Center' },
  { prefix: 'TSC', office: 'Texas Service Center' },
  { prefix: 'NBC', office: 'National Benefits Center' },
  { prefix: 'MSC', office: 'National Benefits Center' },
  { prefix: 'IOE', office: 'USCIS Electronic Immigration System (online filing)' },
  { prefix: 'YSC', office: 'Potomac Service Center' },
  { prefix: 'PSC', office: 'Potomac Service Center' },
  { prefix: 'ZAR', office: 'Arlington Asylum Office' },
  { prefix: 'ZCH', office: 'Chicago Asylum Office' },
  { prefix: 'ZHN', office: 'Houston Asylum Office' },
  { prefix: 'ZLA', office: 'Los Angeles Asylum Office' },
  { prefix: 'ZMI', office: 'Miami Asylum Office' },
  { prefix: 'ZNK', office: 'Newark Asylum Office' },
  { prefix: 'ZNY', office: 'New York Asylum Office' },
  { prefix: 'ZSF', office: 'San Francisco Asylum Office' },
];

const RECEIPT_PREFIX_SET = new Set(RECEIPT_PREFIXES.map((p) => p.prefix));

/** Uppercase with no spaces or dashes: "eac-21-900-12345" → "EAC2190012345". */
export function normalizeReceiptNumber(input: string): string {
  return compact(input).toUpperCase();
}

export function checkReceiptNumber(input: string): FieldResult {
  if (input.length > MAX_RAW_IDENTIFIER) return fail('too_long');
  const value = normalizeReceiptNumber(input);
  if (value === '') return fail('required');
  if (!/^[A-Z]{3}\d{10}$/.test(value)) return fail('receipt.format');
  if (!RECEIPT_PREFIX_SET.has(value.slice(0, 3))) return fail('receipt.prefix');
  return ok(value);
}

// ---------------------------------------------------------------------------
// A-number

/**
 * "A" and 7 to 9 digits; the "A" is optional on input and spaces, dashes and
 * dots between groups are fine. Normalized to 9 digits with leading zeros,
 * without the "A": "A12-345-678" → "012345678".
 */
export function checkANumber(input: string): FieldResult {
  if (input.length > MAX_RAW_IDENTIFIER) return fail('too_long');
  const value = compact(input).replace(/\./g, '').replace(/^a/i, '');
  if (value === '') return fail('required');
  if (!/^\d{7,9}$/.test(value)) return fail('anumber.format');
  const nine = value.padStart(9, '0');
  if (/^0+$/.test(nine)) return fail('anumber.format');
  return ok(nine);
}

/** Display form of a normalized A-number: "012345678" → "A012-345-678". */
export function formatANumber(nineDigits: string): string {
  return `A${nineDigits.slice(0, 3)}-${nineDigits.slice(3, 6)}-${nineDigits.slice(6)}`;
}

// ---------------------------------------------------------------------------
// USCIS online account number

/** 12 digits; spaces and dashes between groups allowed. */
export function checkUscisAccountNumber(input: string): FieldResult {
  if (input.length > MAX_RAW_IDENTIFIER) return fail('too_long');
  const value = compact(input);
  if (value === '') return fail('required');
  if (!/^\d{12}$/.test(value)) return fail('account.format');
  return ok(value);
}

// ---------------------------------------------------------------------------
// Dates


/** The earliest date any field accepts; catches typos like 0985 for 1985. */
export const EARLIEST_DATE: IsoDate = '1900-01-01';

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 no). */
export function isRealDate(input: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * A real date, not before 1900 and not after `today`. `today` is injected:
 * the page passes the device's date, the server passes serverToday().
 */
export function checkPastDate(input: string, today: IsoDate): FieldResult {
  const value = input.trim();
  if (value === '') return fail('required');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return fail('date.format');
  if (!isRealDate(value)) return fail('date.invalid');
  if (value < EARLIEST_DATE) return fail('date.too_old');
  if (value > today) return fail('date.future');
  return ok(value);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The device's own calendar date, in its local time zone. */
export function deviceToday(now: Date = new Date()): IsoDate {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/**
 * The server's "today" for the not-in-the-future rule: the date in the
 * furthest-ahead time zone (UTC+14), so a person whose local date is already
 * tomorrow by UTC is never told that today is in the future. A device clock
 * that runs fast is still caught by the page's own check.
 */
export function serverToday(now: Date = new Date()): IsoDate {
  const ahead = new Date(now.getTime() + 14 * 60 * 60 * 1000);
  return `${ahead.getUTCFullYear()}-${pad2(ahead.getUTCMonth() + 1)}-${pad2(ahead.getUTCDate())}`;
}

/** An instant as the device wrote it, e.g. Date#toISOString(). Informational only. */
export function checkIsoDateTime(input: string): FieldResult {
  if (input.length > 40) return fail('too_long');
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/.exec(input);
  if (!m || !isRealDate(m[1]!)) return fail('datetime.format');
  return ok(input);
}

// ---------------------------------------------------------------------------
// E-mail

export const MAX_EMAIL = 254;

/**
 * A pragmatic address check: something@domain.tld, no spaces, domain labels
 * of letters, digits and hyphens (international letters allowed). The domain
 * is lowercased; the part before @ is kept as typed.
 */
export function checkEmail(input: string): FieldResult {
  const value = input.trim();
  if (value === '') return fail('required');
  if (value.length > MAX_EMAIL) return fail('too_long');
  const at = value.lastIndexOf('@');
  if (at < 1) return fail('email.format');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length > 64) return fail('email.format');
  if (!/^[^\s@<>()[\]\\,;:"]+$/u.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return fail('email.format');
  }
  const labels = domain.split('.');
  if (labels.length < 2) return fail('email.format');
  const labelOk = (l: string) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(l);
  const tld = labels[labels.length - 1]!;
  if (!labels.every(labelOk) || !/^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u.test(tld)) return fail('email.format');
  return ok(`${local}@${domain}`);
}

// ---------------------------------------------------------------------------
// Phone

/**
 * Normalized to digits, with a leading + for international numbers.
 * - "+" or "00" or "011" then the country code: 7 to 15 digits (E.164),
 *   e.g. "+52 55 1234 5678" → "+525512345678".
 * - No prefix: a U.S. number of 10 digits (an 11th leading 1 is dropped),
 *   area code and exchange not starting with 0 or 1,
 *   e.g. "(202) 357-8100" → "2023578100".
 * Spaces, dashes, dots and parentheses between digits are fine.
 */
export function checkPhone(input: string): FieldResult {
  const trimmed = input.trim();
  if (trimmed === '') return fail('required');
  if (trimmed.length > MAX_RAW_IDENTIFIER) return fail('too_long');
  let rest = compact(trimmed).replace(/[.()/]/g, '');
  let international = false;
  if (rest.startsWith('+')) {
    international = true;
    rest = rest.slice(1);
  } else if (rest.startsWith('011')) {
    international = true;
    rest = rest.slice(3);
  } else if (rest.startsWith('00')) {
    international = true;
    rest = rest.slice(2);
  }
  if (!/^\d+$/.test(rest)) return fail('phone.format');
  if (international) {
    if (!/^[1-9]\d{6,14}$/.test(rest)) return fail('phone.format');
    if (rest.startsWith('1') && !isNanp(rest.slice(1))) return fail('phone.format');
    return ok(`+${rest}`);
  }
  const national = rest.length === 11 && rest.startsWith('1') ? rest.slice(1) : rest;
  if (!isNanp(national)) return fail('phone.format');
  return ok(national);
}

function isNanp(digits: string): boolean {
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(digits);
}
