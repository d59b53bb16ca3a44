/**
 * The error codes every field rule answers (the page translates
 * `request.error.<code>`, the server returns the code as it is) and the
 * small helpers the rules in fields.ts and address-fields.ts share.
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
  'claim.mismatch',
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

export const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
export const fail = (code: ErrorCode): FieldResult<never> => ({ ok: false, code });

/**
 * Longest raw input any identifier check looks at. Spaces and dashes are
 * allowed, so raw input is longer than the normalized value, but nothing
 * real comes near this; it keeps regexes off megabyte strings.
 */
export const MAX_RAW_IDENTIFIER = 40;

// Spaces (any kind, including no-break) and dashes (ASCII, hyphen,
// non-breaking hyphen, figure, en and em dash, minus) people type or paste
// between groups of digits.
const SEPARATORS = /[\s\u00A0\u2007\u202F\-\u2010\u2011\u2012\u2013\u2014\u2212]+/gu;

export function compact(input: string): string {
  return input.replace(SEPARATORS, '');
}
