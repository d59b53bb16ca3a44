/**
 * Field rules of the case-assistance request (Form DHS-7001): pure
 * normalizers and validators, no valibot, no DOM. The wire schema
 * (schema.ts) runs them on the page and on the server alike, so both
 * always agree on what a valid value is and what it normalizes to.
 *
 * Every check answers a stable error code (see ERROR_CODES); the page
 * translates `request.error.<code>`, the server returns the code as it is.
 * Sources for the formats are listed in docs/dhs-7001-fields.md.
 */

export const ERROR_CODES = [
  'required',
  'type',
  'too_long',
  'too_many',
  'duplicate',
  'invalid_option',
  'unknown_field',
  'text.invalid_chars',
  'receipt.format',
  'receipt.prefix',
  'anumber.format',
  'account.format',
  'date.format',
  'date.invalid',
  'date.future',
  'date.too_old',
  'datetime.format',
  'email.format',
  'phone.format',
  'form_type.format',
  'service_request.format',
  'zip.format',
  'state.invalid',
  'country.invalid',
  'country.not_foreign',
  'postal_code.format',
  'language.format',
  'uuid.format',
  'version.unsupported',
  'contact.required',
  'g28.required',
  'consent.required',
  'consent.submitter_required',
  'signature.format',
  'signature.too_large',
  'attachment.type',
  'attachment.size',
  'attachment.too_large',
  'attachment.checksum',
  'attachments.total_too_large',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Message id of an error code in locales/<lang>/messages.json. */
export function errorMessageId(code: ErrorCode): string {
  return `request.error.${code}`;
}

export type FieldResult<T = string> = { ok: true; value: T } | { ok: false; code: ErrorCode };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = (code: ErrorCode): FieldResult<never> => ({ ok: false, code });

/**
 * Longest raw input any identifier check looks at. Spaces and dashes are
 * allowed, so raw input is longer than the normalized value, but nothing
 * real comes near this; it keeps regexes off megabyte strings.
 */
const MAX_RAW_IDENTIFIER = 40;

// Spaces (any kind, including no-break) and dashes (ASCII, hyphen,
// non-breaking hyphen, figure, en and em dash, minus) people type or paste
// between groups of digits.
const SEPARATORS = /[\s\u00A0\u2007\u202F\-\u2010\u2011\u2012\u2013\u2014\u2212]+/gu;

function compact(input: string): string {
  return input.replace(SEPARATORS, '');
}

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

/** A calendar date as YYYY-MM-DD. Strings compare in date order. */
export type IsoDate = string;

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

// ---------------------------------------------------------------------------
// USCIS form types

/**
 * USCIS form numbers: I-, N-, G- or AR- and a number with an optional
 * letter suffix. "i485" → "I-485", "i 129 f" → "I-129F", "ar11" → "AR-11".
 */
export function checkFormType(input: string): FieldResult {
  if (input.length > MAX_RAW_IDENTIFIER) return fail('too_long');
  const value = compact(input).toUpperCase();
  if (value === '') return fail('required');
  const m = /^(I|N|G|AR)([1-9]\d{0,3})([A-Z]{0,2})$/.exec(value);
  if (!m) return fail('form_type.format');
  return ok(`${m[1]}-${m[2]}${m[3]}`);
}

// ---------------------------------------------------------------------------
// USCIS service request numbers

/**
 * The number USCIS gives when a service request (inquiry) is opened. Its
 * exact published format could not be verified, so the rule is loose:
 * 5 to 30 letters and digits once spaces and dashes are removed, uppercased.
 */
export function checkServiceRequestNumber(input: string): FieldResult {
  if (input.length > MAX_RAW_IDENTIFIER) return fail('too_long');
  const value = compact(input).toUpperCase();
  if (value === '') return fail('required');
  if (!/^[A-Z0-9]{5,30}$/.test(value)) return fail('service_request.format');
  return ok(value);
}

// ---------------------------------------------------------------------------
// Addresses

/**
 * USPS two-letter codes: the 50 states, DC, the territories, the freely
 * associated states served by USPS, and the military (AA, AE, AP).
 */
export const US_STATE_CODES: readonly string[] = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY',
  'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV',
  'WI', 'WY', 'DC', 'AS', 'GU', 'MP', 'PR', 'VI', 'UM', 'FM', 'MH', 'PW', 'AA', 'AE', 'AP',
];
const US_STATE_SET = new Set(US_STATE_CODES);

export function checkUsState(input: string): FieldResult {
  const value = input.trim().toUpperCase();
  if (value === '') return fail('required');
  if (!US_STATE_SET.has(value)) return fail('state.invalid');
  return ok(value);
}

/** ZIP or ZIP+4: "20528" or "20528-0180" (a missing dash is added). */
export function checkZip(input: string): FieldResult {
  const value = input.trim();
  if (value === '') return fail('required');
  const m = /^(\d{5})(?:\s*[-\u2013]?\s*(\d{4}))?$/u.exec(value);
  if (!m) return fail('zip.format');
  return ok(m[2] ? `${m[1]}-${m[2]}` : m[1]!);
}

/** Postal codes abroad: 2 to 12 letters, digits, spaces or dashes; uppercased. */
export function checkForeignPostalCode(input: string): FieldResult {
  const value = input.trim().replace(/\s+/g, ' ').toUpperCase();
  if (value === '') return fail('required');
  if (!/^[A-Z0-9][A-Z0-9 -]{0,10}[A-Z0-9]$/.test(value)) return fail('postal_code.format');
  return ok(value);
}

/**
 * ISO 3166-1 alpha-2 codes in use, plus XK (Kosovo), which USCIS and most
 * software use although ISO has not assigned it. Country names are shown
 * in the reader's language with Intl.DisplayNames, never stored.
 */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
  'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE ' +
  'EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM ' +
  'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC ' +
  'LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
  'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO ' +
  'TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');
const COUNTRY_SET = new Set(COUNTRY_CODES);

export function checkCountry(input: string): FieldResult {
  const value = input.trim().toUpperCase();
  if (value === '') return fail('required');
  if (!COUNTRY_SET.has(value)) return fail('country.invalid');
  return ok(value);
}

/** The value for citizenship when a person has none. */
export const STATELESS = 'stateless';

export function checkCitizenship(input: string): FieldResult {
  if (input.trim().toLowerCase() === STATELESS) return ok(STATELESS);
  return checkCountry(input);
}

// ---------------------------------------------------------------------------
// Languages

/**
 * A BCP 47 language tag of the common shape language[-Script][-REGION]:
 * "es", "zh-Hans", "pt-BR", "mam". Case is normalized.
 */
export function checkLanguageTag(input: string): FieldResult {
  const value = input.trim();
  if (value === '') return fail('required');
  const m = /^([a-zA-Z]{2,3})(?:-([a-zA-Z]{4}))?(?:-([a-zA-Z]{2}|\d{3}))?$/.exec(value);
  if (!m) return fail('language.format');
  const script = m[2] ? m[2][0]!.toUpperCase() + m[2].slice(1).toLowerCase() : '';
  return ok([m[1]!.toLowerCase(), script, m[3]?.toUpperCase() ?? ''].filter(Boolean).join('-'));
}

// ---------------------------------------------------------------------------
// Free text

// C0 controls, DEL and unpaired surrogates (with the u flag a surrogate
// class matches only a lone half). Multi-line text keeps tab and newline.
// Matching control characters is the point here.
/* eslint-disable no-control-regex */
const BAD_SINGLE_LINE = /[\u0000-\u001F\u007F\uD800-\uDFFF]/u;
const BAD_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/u;
/* eslint-enable no-control-regex */

/**
 * Trims and applies Unicode NFC. Single-line text turns pasted tabs and line
 * breaks into spaces; multi-line text turns CRLF into LF. Markup is left
 * exactly as typed: it is text, and whoever displays it escapes it.
 * Returns '' for blank input; the caller decides whether blank is allowed.
 */
export function checkText(input: string, maxLength: number, multiline = false): FieldResult {
  // Refuse a huge paste before doing any work on it.
  if (input.length > maxLength * 2 + 100) return fail('too_long');
  const unified = multiline ? input.replace(/\r\n?/g, '\n') : input.replace(/[\t\r\n]+/g, ' ');
  // Test before normalize(): a lone surrogate must be refused, not mangled.
  if ((multiline ? BAD_MULTI_LINE : BAD_SINGLE_LINE).test(unified)) return fail('text.invalid_chars');
  const value = unified.normalize('NFC').trim();
  if (value.length > maxLength) return fail('too_long');
  return ok(value);
}

// ---------------------------------------------------------------------------
// Identifiers and files

/** A lowercase UUID as crypto.randomUUID() makes it. */
export function checkUuid(input: string): FieldResult {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(input)) return fail('uuid.format');
  return ok(input);
}

/** A SHA-256 digest as 64 hex digits; uppercase is accepted and lowercased. */
export function checkSha256(input: string): FieldResult {
  if (!/^[0-9a-fA-F]{64}$/.test(input)) return fail('attachment.checksum');
  return ok(input.toLowerCase());
}

const PNG_DATA_URL_PREFIX = 'data:image/png;base64,';
/** Base64 of the 8-byte PNG signature, as every PNG data URL starts. */
const PNG_SIGNATURE_B64 = 'iVBORw0KGgo';

/** A drawn signature is a PNG data URL, bounded so a request stays small. */
export const MAX_SIGNATURE_DATA_URL = 300_000;

export function checkPngDataUrl(input: string): FieldResult {
  if (input.length > MAX_SIGNATURE_DATA_URL) return fail('signature.too_large');
  if (!input.startsWith(PNG_DATA_URL_PREFIX)) return fail('signature.format');
  const body = input.slice(PNG_DATA_URL_PREFIX.length);
  if (!body.startsWith(PNG_SIGNATURE_B64) || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    return fail('signature.format');
  }
  return ok(input);
}
