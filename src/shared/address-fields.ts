/**
 * Field rules for where a person lives and what they write: addresses,
 * countries, languages, free text, and the ids and signature a request
 * carries. Pure, like fields.ts, which re-exports them.
 */
import { ok, fail, MAX_RAW_IDENTIFIER, compact, type FieldResult } from './field-codes';

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
 * 5 to 30 letters and digits once spaces and dashes are removed. Kept as
 * typed (only trimmed): with no known format, a normalized copy could
 * differ from what USCIS wrote down and the office searches for.
 */
export function checkServiceRequestNumber(input: string): FieldResult {
  if (input.length > MAX_RAW_IDENTIFIER) return fail('too_long');
  const value = compact(input).toUpperCase();
  if (value === '') return fail('required');
  if (!/^[A-Z0-9]{5,30}$/.test(value)) return fail('service_request.format');
  return ok(input.trim());
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
