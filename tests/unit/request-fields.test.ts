import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COUNTRY_CODES,
  RECEIPT_PREFIXES,
  US_STATE_CODES,
  checkANumber,
  checkCitizenship,
  checkCountry,
  checkEmail,
  checkForeignPostalCode,
  checkFormType,
  checkIsoDateTime,
  checkLanguageTag,
  checkPastDate,
  checkPhone,
  checkPngDataUrl,
  checkReceiptNumber,
  checkServiceRequestNumber,
  checkSha256,
  checkText,
  checkUscisAccountNumber,
  checkUsState,
  checkUuid,
  checkZip,
  deviceToday,
  formatANumber,
  isRealDate,
  normalizeReceiptNumber,
  serverToday,
  type FieldResult,
} from '../../src/shared/fields';

const value = (r: FieldResult) => (r.ok ? r.value : `!${r.code}`);

describe('receipt numbers', () => {
  it.each([
    ['EAC2190012345', 'EAC2190012345'],
    ['eac2190012345', 'EAC2190012345'],
    ['EAC 21 900 12345', 'EAC2190012345'],
    ['EAC-21-900-12345', 'EAC2190012345'],
    [' ioe–0912345678 ', 'IOE0912345678'],
    ['lin\u00A021\u00A0900\u00A012345', 'LIN2190012345'],
    ['WAC2190012345', 'WAC2190012345'],
    ['SRC2190012345', 'SRC2190012345'],
    ['NBC2190012345', 'NBC2190012345'],
    ['MSC2190012345', 'MSC2190012345'],
    ['YSC2190012345', 'YSC2190012345'],
    ['ZLA2190012345', 'ZLA2190012345'],
    ['zny-21-900-12345', 'ZNY2190012345'],
    ['ZSF2190012345', 'ZSF2190012345'],
  ])('accepts %j as %s', (input, expected) => {
    expect(value(checkReceiptNumber(input))).toBe(expected);
  });

  it.each([
    ['EAC219001234', '!receipt.format'], // 9 digits
    ['EAC21900123456', '!receipt.format'], // 11 digits
    ['EA2190012345', '!receipt.format'],
    ['EAC21900I2345', '!receipt.format'], // letter I for digit 1
    ['2190012345EAC', '!receipt.format'],
    ['EAC.2190012345', '!receipt.format'],
    ['XYZ2190012345', '!receipt.prefix'],
    ['ABC2190012345', '!receipt.prefix'],
    ['', '!required'],
    ['   ', '!required'],
    ['E'.repeat(41), '!too_long'],
  ])('rejects %j with %s', (input, expected) => {
    expect(value(checkReceiptNumber(input))).toBe(expected);
  });

  it('keeps the prefixes as data, each three capital letters, no repeats', () => {
    const prefixes = RECEIPT_PREFIXES.map((p) => p.prefix);
    for (const p of ['EAC', 'WAC', 'LIN', 'SRC', 'NBC', 'MSC', 'IOE', 'YSC', 'ZLA', 'ZNY', 'ZSF']) expect(prefixes).toContain(p);
    expect(prefixes.every((p) => /^[A-Z]{3}$/.test(p))).toBe(true);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('normalizes idempotently', () => {
    fc.assert(
      fc.property(fc.string(), (s) => normalizeReceiptNumber(normalizeReceiptNumber(s)) === normalizeReceiptNumber(s)),
    );
  });
});

describe('A-numbers', () => {
  it.each([
    ['A123456789', '123456789'],
    ['a123-456-789', '123456789'],
    ['A 123 456 789', '123456789'],
    ['123456789', '123456789'],
    ['A12345678', '012345678'], // 8 digits
    ['12-345-678', '012345678'],
    ['A1234567', '001234567'], // 7 digits
    ['1234567', '001234567'],
    ['A012-345-678', '012345678'],
  ])('accepts %j as %s', (input, expected) => {
    expect(value(checkANumber(input))).toBe(expected);
  });

  it.each([
    ['A123456', '!anumber.format'], // 6 digits
    ['A1234567890', '!anumber.format'], // 10 digits
    ['B123456789', '!anumber.format'],
    ['AA123456789', '!anumber.format'],
    ['A12345678X', '!anumber.format'],
    ['A000000000', '!anumber.format'],
    ['A', '!required'],
    ['', '!required'],
  ])('rejects %j with %s', (input, expected) => {
    expect(value(checkANumber(input))).toBe(expected);
  });

  it('displays as A123-456-789', () => {
    expect(formatANumber('123456789')).toBe('A123-456-789');
    expect(formatANumber('001234567')).toBe('A001-234-567');
  });
});

describe('USCIS online account numbers', () => {
  it('accepts 12 digits with spaces or dashes', () => {
    expect(value(checkUscisAccountNumber('1234 5678 9012'))).toBe('123456789012');
    expect(value(checkUscisAccountNumber('1234-5678-9012'))).toBe('123456789012');
  });
  it.each(['12345678901', '1234567890123', '12345678901A', 'A12345678901'])('rejects %j', (input) => {
    expect(value(checkUscisAccountNumber(input))).toBe('!account.format');
  });
});

describe('dates', () => {
  const today = '2025-06-15';
  it('knows leap years', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2000-02-29')).toBe(true); // divisible by 400
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('1900-02-29')).toBe(false); // divisible by 100, not 400
    expect(isRealDate('2023-04-31')).toBe(false);
    expect(isRealDate('2023-12-31')).toBe(true);
    expect(isRealDate('2023-13-01')).toBe(false);
    expect(isRealDate('2023-00-10')).toBe(false);
    expect(isRealDate('2023-01-00')).toBe(false);
  });

  it.each([
    ['2024-02-29', '2024-02-29'],
    [' 1985-07-04 ', '1985-07-04'],
    ['2025-06-15', '2025-06-15'], // today itself
    ['1900-01-01', '1900-01-01'],
  ])('accepts %j', (input, expected) => {
    expect(value(checkPastDate(input, today))).toBe(expected);
  });

  it.each([
    ['2023-02-29', '!date.invalid'],
    ['2025-02-30', '!date.invalid'],
    ['2025-06-16', '!date.future'],
    ['2100-01-01', '!date.future'],
    ['1899-12-31', '!date.too_old'],
    ['0985-01-01', '!date.too_old'],
    ['06/15/2025', '!date.format'],
    ['2025-6-1', '!date.format'],
    ['20250615', '!date.format'],
    ['', '!required'],
  ])('rejects %j with %s', (input, expected) => {
    expect(value(checkPastDate(input, today))).toBe(expected);
  });

  it('gives the device its local date and the server the furthest-ahead date', () => {
    const now = new Date(2025, 0, 31, 23, 30); // local time on the device
    expect(deviceToday(now)).toBe('2025-01-31');
    // 11:00 UTC is already the next day at UTC+14.
    expect(serverToday(new Date(Date.UTC(2025, 11, 31, 11, 0)))).toBe('2026-01-01');
    expect(serverToday(new Date(Date.UTC(2025, 11, 31, 9, 59)))).toBe('2025-12-31');
  });

  it('reads device timestamps', () => {
    expect(value(checkIsoDateTime('2025-05-03T14:22:01.123Z'))).toBe('2025-05-03T14:22:01.123Z');
    expect(value(checkIsoDateTime('2025-05-03T14:22+02:00'))).toBe('2025-05-03T14:22+02:00');
    expect(value(checkIsoDateTime('2025-02-30T14:22:01Z'))).toBe('!datetime.format');
    expect(value(checkIsoDateTime('2025-05-03 14:22:01'))).toBe('!datetime.format');
    expect(value(checkIsoDateTime('yesterday'))).toBe('!datetime.format');
  });
});

describe('e-mail', () => {
  it.each([
    ['ana@example.com', 'ana@example.com'],
    [' Ana.Garcia+uscis@Example.ORG ', 'Ana.Garcia+uscis@example.org'],
    ['nguyen@mail.example.co.uk', 'nguyen@mail.example.co.uk'],
    ['josé@correo.example.mx', 'josé@correo.example.mx'],
    ['user@xn--bcher-kva.example', 'user@xn--bcher-kva.example'],
  ])('accepts %j', (input, expected) => {
    expect(value(checkEmail(input))).toBe(expected);
  });

  it.each([
    'ana',
    'ana@',
    '@example.com',
    'ana@example',
    'ana example@example.com',
    'ana@@example.com',
    'ana@exa mple.com',
    'ana@-example.com',
    'ana@example.c',
    '.ana@example.com',
    'an..a@example.com',
    '<script>@example.com',
    `${'a'.repeat(65)}@example.com`,
  ])('rejects %j', (input) => {
    expect(value(checkEmail(input))).toBe('!email.format');
  });

  it('bounds the length', () => {
    expect(value(checkEmail(`a@${'b'.repeat(250)}.com`))).toBe('!too_long');
  });
});

describe('phone numbers', () => {
  it.each([
    ['(202) 357-8100', '2023578100'],
    ['202.357.8100', '2023578100'],
    ['1-855-882-8100', '8558828100'],
    ['+1 202 357 8100', '+12023578100'],
    ['+52 55 1234 5678', '+525512345678'], // Mexico
    ['+44 20 7946 0958', '+442079460958'], // United Kingdom
    ['0044 20 7946 0958', '+442079460958'],
    ['011 63 2 8123 4567', '+63281234567'], // Philippines, dialed from the U.S.
    ['+86 138 0013 8000', '+8613800138000'], // China
    ['+290 2222', '+2902222'], // Saint Helena, 7 digits in all
    ['+509 3412 3456', '+50934123456'], // Haiti
  ])('accepts %j as %s', (input, expected) => {
    expect(value(checkPhone(input))).toBe(expected);
  });

  it.each([
    '555-0100', // too short for the U.S.
    '123-456-7890', // area code cannot start with 1
    '202-057-8100', // exchange cannot start with 0
    '+0 123 4567',
    '+12345', // too short
    '+1234567890123456', // 16 digits
    '+1 123 456 7890', // +1 is still NANP
    '202-357-81OO', // letters O for zeros
    'call me',
    '202 357 8100 ext 5',
  ])('rejects %j', (input) => {
    expect(value(checkPhone(input))).toBe('!phone.format');
  });

  it('requires something and bounds the length', () => {
    expect(value(checkPhone('  '))).toBe('!required');
    expect(value(checkPhone('1'.repeat(41)))).toBe('!too_long');
  });
});

describe('form types', () => {
  it.each([
    ['I-485', 'I-485'],
    ['i485', 'I-485'],
    ['I 485', 'I-485'],
    ['i-130', 'I-130'],
    ['n400', 'N-400'],
    ['i-129f', 'I-129F'],
    ['I-821D', 'I-821D'],
    ['g28', 'G-28'],
    ['AR-11', 'AR-11'],
    ['i90', 'I-90'],
  ])('accepts %j as %s', (input, expected) => {
    expect(value(checkFormType(input))).toBe(expected);
  });

  it.each(['485', 'H-1B', 'I-', 'I-0485', 'I-48500', 'DS-260', 'I-485 Supplement J', 'X-100'])('rejects %j', (input) => {
    expect(value(checkFormType(input))).toBe('!form_type.format');
  });
});

describe('service request numbers', () => {
  it('accepts letters and digits, kept as typed', () => {
    // Kept as typed (trimmed): no published format to normalize to.
    expect(value(checkServiceRequestNumber(' srmt-123-45678 '))).toBe('srmt-123-45678');
  });
  it.each(['1234', 'AB#12345', 'x'.repeat(31)])('rejects %j', (input) => {
    expect(value(checkServiceRequestNumber(input))).toBe('!service_request.format');
  });
});

describe('addresses', () => {
  it('knows U.S. states, territories and military codes', () => {
    expect(value(checkUsState('tx'))).toBe('TX');
    expect(value(checkUsState('PR'))).toBe('PR');
    expect(value(checkUsState('AE'))).toBe('AE');
    expect(value(checkUsState('XX'))).toBe('!state.invalid');
    expect(value(checkUsState('Texas'))).toBe('!state.invalid');
    expect(US_STATE_CODES).toHaveLength(new Set(US_STATE_CODES).size);
  });

  it('normalizes ZIP and ZIP+4', () => {
    expect(value(checkZip('20528'))).toBe('20528');
    expect(value(checkZip('20528-0180'))).toBe('20528-0180');
    expect(value(checkZip('205280180'))).toBe('20528-0180');
    expect(value(checkZip('20528 0180'))).toBe('20528-0180');
    expect(value(checkZip('2052'))).toBe('!zip.format');
    expect(value(checkZip('205280'))).toBe('!zip.format');
    expect(value(checkZip('ABCDE'))).toBe('!zip.format');
  });

  it('takes postal codes abroad as written, uppercased', () => {
    expect(value(checkForeignPostalCode('sw1a  1aa'))).toBe('SW1A 1AA');
    expect(value(checkForeignPostalCode('01000'))).toBe('01000');
    expect(value(checkForeignPostalCode('K1A 0B1'))).toBe('K1A 0B1');
    expect(value(checkForeignPostalCode('<b>'))).toBe('!postal_code.format');
    expect(value(checkForeignPostalCode('1234567890123'))).toBe('!postal_code.format');
  });

  it('knows ISO country codes', () => {
    expect(COUNTRY_CODES).toHaveLength(250); // 249 ISO 3166-1 codes and XK
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect(value(checkCountry('mx'))).toBe('MX');
    expect(value(checkCountry('XK'))).toBe('XK');
    expect(value(checkCountry('ZZ'))).toBe('!country.invalid');
    expect(value(checkCountry('Mexico'))).toBe('!country.invalid');
    expect(value(checkCitizenship('Stateless'))).toBe('stateless');
    expect(value(checkCitizenship('ht'))).toBe('HT');
  });
});

describe('language tags', () => {
  it.each([
    ['es', 'es'],
    ['zh-hans', 'zh-Hans'],
    ['pt-br', 'pt-BR'],
    ['fil', 'fil'],
    ['mam', 'mam'],
    ['es-419', 'es-419'],
  ])('accepts %j as %s', (input, expected) => {
    expect(value(checkLanguageTag(input))).toBe(expected);
  });
  it.each(['Spanish', 'e', 'es_MX', 'zh-Hans-CN-x'])('rejects %j', (input) => {
    expect(value(checkLanguageTag(input))).toBe('!language.format');
  });
});

describe('free text', () => {
  it('trims, keeps markup as text and applies NFC', () => {
    expect(value(checkText('  <script>alert(1)</script>  ', 100))).toBe('<script>alert(1)</script>');
    expect(value(checkText('Jose\u0301', 100))).toBe('Jos\u00e9');
    expect(value(checkText('a &amp; b', 100))).toBe('a &amp; b');
  });

  it('turns pasted tabs and line breaks into spaces on one line, keeps them in long text', () => {
    expect(value(checkText('Ana\tMaria\r\n', 100))).toBe('Ana Maria');
    expect(value(checkText('line 1\r\nline 2\n\tindented', 100, true))).toBe('line 1\nline 2\n\tindented');
  });

  it('refuses control characters and unpaired surrogates, accepts emoji and any script', () => {
    expect(value(checkText('a\u0000b', 100))).toBe('!text.invalid_chars');
    expect(value(checkText('a\u0007b', 100, true))).toBe('!text.invalid_chars');
    expect(value(checkText('a\uD800b', 100))).toBe('!text.invalid_chars');
    expect(value(checkText('a\uDC00', 100))).toBe('!text.invalid_chars');
    expect(value(checkText('Nguyễn 阮 محمد 👍', 100))).toBe('Nguyễn 阮 محمد 👍');
  });

  it('bounds the length after trimming', () => {
    expect(value(checkText('x'.repeat(100), 100))).toBe('x'.repeat(100));
    expect(value(checkText(` ${'x'.repeat(100)} `, 100))).toBe('x'.repeat(100));
    expect(value(checkText('x'.repeat(101), 100))).toBe('!too_long');
    expect(value(checkText('x'.repeat(10_000), 100))).toBe('!too_long');
  });
});

describe('identifiers and files', () => {
  it('wants lowercase UUIDs', () => {
    const id = '3f1e2d4c-5b6a-4789-8abc-def012345678';
    expect(value(checkUuid(id))).toBe(id);
    expect(value(checkUuid(id.toUpperCase()))).toBe('!uuid.format');
    expect(value(checkUuid('3f1e2d4c5b6a47898abcdef012345678'))).toBe('!uuid.format');
  });

  it('takes SHA-256 digests as 64 hex digits', () => {
    expect(value(checkSha256('A'.repeat(64)))).toBe('a'.repeat(64));
    expect(value(checkSha256('a'.repeat(63)))).toBe('!attachment.checksum');
    expect(value(checkSha256('g'.repeat(64)))).toBe('!attachment.checksum');
  });

  it('takes a drawn signature only as a bounded PNG data URL', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    expect(value(checkPngDataUrl(png))).toBe(png);
    expect(value(checkPngDataUrl('data:image/jpeg;base64,/9j/4AAQ'))).toBe('!signature.format');
    expect(value(checkPngDataUrl('data:image/png;base64,PHN2Zz4='))).toBe('!signature.format'); // not a PNG
    expect(value(checkPngDataUrl('javascript:alert(1)'))).toBe('!signature.format');
    expect(value(checkPngDataUrl(`data:image/png;base64,iVBORw0KGgo${'A'.repeat(300_000)}`))).toBe('!signature.too_large');
  });
});
