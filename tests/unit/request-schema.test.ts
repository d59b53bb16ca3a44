import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERROR_CODES, errorMessageId, serverToday, type ErrorCode } from '../../src/shared/fields';
import {
  LIMITS,
  issuesByPath,
  issuesUnder,
  requestSchemas,
  validateRequest,
  validateWith,
  type RequestIssue,
} from '../../src/shared/request-schema';
import { emptyForm } from '../../src/requests/form-model';
import { toWireInput } from '../../src/requests/form-wire';
import { validRequest } from '../fixtures/valid-request';
import { FIELD_IDS, FIELD_OPTIONS, fieldHintId, fieldIdOf, fieldLabelId, optionLabelId } from '../../src/requests/labels';
import { isCompany, type Requester } from '../../src/shared/request-schema';

/** The requester as a person: a test about a person's fields fails here if it got a company. */
function individual(requester: Requester) {
  if (isCompany(requester)) throw new Error('expected a person, got a company');
  return requester;
}

const TODAY = '2025-06-15';
const ID = '3f1e2d4c-5b6a-4789-8abc-def012345678';
const FILE_ID = '9b2c4d6e-8f01-4a23-9b45-67890abcdef1';
const SHA = 'ab'.repeat(32);
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

type Json = Record<string, unknown>;

/** A complete request the person filled in alone, as a client sends it, with the optional lists left out. */
function minimal(): Json {
  const { person, case: theCase, attachments: _a, ...rest } = validRequest(ID);
  const { otherNames: _o, ...personAlone } = person;
  const { receiptNumbers: _r, priorAttempts: _p, ...caseAlone } = theCase;
  return { ...rest, person: personAlone, case: caseAlone };
}

/** Everything filled in, a volunteer helping, a foreign address, a drawn signature, a file. */
function full(): Json {
  return {
    ...minimal(),
    person: {
      familyName: '  Nguyễn ',
      givenName: 'Văn',
      middleName: 'Minh',
      otherNames: ['Nguyen Van Minh', 'Minh Nguyen'],
      dateOfBirth: '1984-02-29',
      countryOfBirth: 'vn',
      citizenship: 'VN',
      aNumber: 'a12-345-678',
      uscisAccountNumber: '1234 5678 9012',
      address: {
        kind: 'foreign',
        inCareOf: 'Tran Thi Lan',
        line1: '12 Lê Lợi',
        line2: 'Phòng 4',
        city: 'Hồ Chí Minh',
        province: 'Quận 1',
        postalCode: '700000',
        country: 'VN',
      },
      phone: '+84 28 3822 1234',
      email: 'minh@example.vn',
      preferredLanguage: 'vi',
    },
    submitter: {
      relationship: 'faith_volunteer',
      name: 'Mary Jones',
      organization: 'St. Anne Parish',
      phone: '(202) 555-0143',
      email: 'mary@example.org',
      g28OnFile: false,
    },
    case: {
      formTypes: ['i130', 'I-485'],
      receiptNumbers: ['eac-21-900-12345', 'IOE 0912345678'],
      dateFiled: '2021-03-01',
      office: 'National Benefits Center',
      problemKinds: ['past-processing-time', 'processing-mistake'],
      whatHappened: 'The notice went to an old address.\r\nI never got it.',
      helpWanted: 'Please ask USCIS to send the notice again.',
      priorAttempts: [
        { channel: 'contact_center', date: '2024-11-02', serviceRequestNumber: 'srmt-123-456789' },
        { channel: 'e_request', date: '2025-01-10' },
      ],
    },
    consent: {
      agreed: true,
      shareWithSubmitter: true,
      signedBy: 'person',
      signature: { kind: 'drawn', pngDataUrl: PNG },
      date: '2025-06-15',
    },
    attachments: [{ id: FILE_ID, name: 'receipt notice.pdf', type: 'application/pdf', size: 123_456, sha256: SHA }],
  };
}

function issuesOf(input: unknown, today = TODAY): RequestIssue[] {
  const result = validateRequest(input, today);
  return result.ok ? [] : result.issues;
}

/** Deep-set a value on a copy; undefined deletes the key. */
function withValue(input: Json, path: string, value: unknown): Json {
  const copy = structuredClone(input) as Json;
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

describe('valid requests', () => {
  it('accepts a minimal request and fills defaults', () => {
    const result = validateRequest(minimal(), TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(individual(result.value.person).otherNames).toEqual([]);
    expect(result.value.case.receiptNumbers).toEqual([]);
    expect(result.value.case.priorAttempts).toEqual([]);
    expect(result.value.attachments).toEqual([]);
  });

  it('accepts a full request and normalizes it', () => {
    const result = validateRequest(full(), TODAY);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const { case: theCase, consent } = result.value;
    const person = individual(result.value.person);
    expect(person.familyName).toBe('Nguyễn');
    expect(person.countryOfBirth).toBe('VN');
    expect(person.aNumber).toBe('012345678');
    expect(person.uscisAccountNumber).toBe('123456789012');
    expect(person.phone).toBe('+842838221234');
    expect(person.address).toMatchObject({ kind: 'foreign', country: 'VN', postalCode: '700000' });
    expect(theCase.formTypes).toEqual(['I-130', 'I-485']);
    expect(theCase.receiptNumbers).toEqual(['EAC2190012345', 'IOE0912345678']);
    expect(theCase.priorAttempts[0]?.serviceRequestNumber).toBe('srmt-123-456789');
    expect(theCase.whatHappened).toBe('The notice went to an old address.\nI never got it.');
    expect(consent.signature).toEqual({ kind: 'drawn', pngDataUrl: PNG });
  });

  it('normalizes to a fixed point: the server re-validating the sent JSON gets the same value', () => {
    for (const input of [minimal(), full()]) {
      const first = validateRequest(input, TODAY);
      if (!first.ok) throw new Error(JSON.stringify(first.issues));
      const wire = JSON.parse(JSON.stringify(first.value)) as unknown;
      const second = validateRequest(wire, serverToday(new Date('2025-06-15T12:00:00Z')));
      expect(second).toEqual({ ok: true, value: wire });
    }
  });

  it('accepts A-numbers of 7, 8 and 9 digits, normalized to 9', () => {
    for (const [input, expected] of [
      ['A1234567', '001234567'],
      ['12345678', '012345678'],
      ['A123-456-789', '123456789'],
    ]) {
      const result = validateRequest(withValue(minimal(), 'person.aNumber', input), TODAY);
      expect(result.ok && individual(result.value.person).aNumber).toBe(expected);
    }
  });

  it('accepts receipt numbers typed with spaces, dashes and lowercase', () => {
    const input = withValue(minimal(), 'case.receiptNumbers', ['lin 21 900 12345', 'wac-21-900-12345', 'msc2190012345']);
    const result = validateRequest(input, TODAY);
    expect(result.ok && result.value.case.receiptNumbers).toEqual(['LIN2190012345', 'WAC2190012345', 'MSC2190012345']);
  });

  it('accepts international phone numbers for the person and the helper', () => {
    const input = withValue(withValue(full(), 'person.phone', '+63 917 123 4567'), 'submitter.phone', '+52 1 55 1234 5678');
    const result = validateRequest(input, TODAY);
    expect(result.ok && [result.value.person.phone, result.value.submitter?.phone]).toEqual(['+639171234567', '+5215512345678']);
  });

  it('treats blank optional fields as absent', () => {
    const input = withValue(withValue(minimal(), 'person.middleName', '   '), 'person.aNumber', '');
    const result = validateRequest(input, TODAY);
    expect(result.ok && [individual(result.value.person).middleName, individual(result.value.person).aNumber]).toEqual([undefined, undefined]);
  });

  it('keeps markup as plain text: nothing stripped, nothing interpreted', () => {
    const markup = '<img src=x onerror=alert(1)> & <b>bold</b> {name} <!-- c -->';
    let input = withValue(minimal(), 'case.whatHappened', markup);
    input = withValue(input, 'person.familyName', '<script>alert(1)</script>');
    input = withValue(input, 'case.office', '"><svg onload=alert(1)>');
    const result = validateRequest(input, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.case.whatHappened).toBe(markup);
    expect(individual(result.value.person).familyName).toBe('<script>alert(1)</script>');
    expect(result.value.case.office).toBe('"><svg onload=alert(1)>');
  });
});

describe('dates', () => {
  it('accepts Feb 29 in a leap year and refuses it in other years', () => {
    expect(issuesOf(withValue(minimal(), 'person.dateOfBirth', '2000-02-29'))).toEqual([]);
    expect(issuesOf(withValue(minimal(), 'person.dateOfBirth', '2001-02-29'))).toEqual([
      { code: 'date.invalid', path: 'person.dateOfBirth' },
    ]);
    expect(issuesOf(withValue(minimal(), 'person.dateOfBirth', '1900-02-29'))).toEqual([
      { code: 'date.invalid', path: 'person.dateOfBirth' },
    ]);
  });

  it('refuses future dates relative to the injected today, everywhere', () => {
    let input = withValue(full(), 'person.dateOfBirth', '2025-06-16');
    input = withValue(input, 'case.dateFiled', '2026-01-01');
    input = withValue(input, 'case.priorAttempts', [{ channel: 'mail', date: '2025-07-01' }]);
    input = withValue(input, 'consent.date', '2025-06-16');
    expect(issuesOf(input)).toEqual([
      { code: 'date.future', path: 'person.dateOfBirth' },
      { code: 'date.future', path: 'case.dateFiled' },
      { code: 'date.future', path: 'case.priorAttempts.0.date' },
      { code: 'date.future', path: 'consent.date' },
    ]);
    // The same request is fine a day later: "future" depends on the caller's today.
    expect(issuesOf(withValue(minimal(), 'consent.date', '2025-06-16'), '2025-06-16')).toEqual([]);
  });

  it('lets the server accept a device date that is already tomorrow in UTC', () => {
    // 20:00 UTC on 14 June is already 15 June in Samoa (UTC+13).
    const input = withValue(minimal(), 'consent.date', '2025-06-15');
    const now = new Date('2025-06-14T20:00:00Z');
    expect(issuesOf(input, serverToday(now))).toEqual([]);
  });

  it('refuses badly written dates with a specific code', () => {
    expect(issuesOf(withValue(minimal(), 'person.dateOfBirth', '02/28/1990'))).toEqual([
      { code: 'date.format', path: 'person.dateOfBirth' },
    ]);
    expect(issuesOf(withValue(minimal(), 'person.dateOfBirth', '1890-01-01'))).toEqual([
      { code: 'date.too_old', path: 'person.dateOfBirth' },
    ]);
    expect(issuesOf(withValue(minimal(), 'createdAt', 'Tuesday'))).toEqual([{ code: 'datetime.format', path: 'createdAt' }]);
  });
});

describe('invalid requests', () => {
  it.each([
    ['person.familyName', undefined, 'required'],
    ['person.familyName', '   ', 'required'],
    ['person.familyName', 42, 'type'],
    ['person.familyName', null, 'required'],
    ['person.countryOfBirth', 'Mexico', 'country.invalid'],
    ['person.citizenship', 'XX', 'country.invalid'],
    ['person.aNumber', 'A123', 'anumber.format'],
    ['person.uscisAccountNumber', '12345', 'account.format'],
    ['person.email', 'ana@example', 'email.format'],
    ['person.phone', '555-0100', 'phone.format'],
    ['person.preferredLanguage', 'Spanish', 'language.format'],
    ['person.address.kind', 'moon', 'invalid_option'],
    ['person.address.state', 'Texas', 'state.invalid'],
    ['person.address.zip', '7870', 'zip.format'],
    ['case.formTypes', [], 'required'],
    ['case.formTypes', ['H-1B'], 'form_type.format', 'case.formTypes.0'],
    ['case.formTypes', 'I-485', 'type'],
    ['case.problemKinds', [], 'required'],
    ['case.problemKinds', ['lost-file'], 'invalid_option', 'case.problemKinds.0'],
    ['case.whatHappened', '', 'required'],
    ['case.helpWanted', 'a\u0000b', 'text.invalid_chars'],
    ['consent.agreed', false, 'consent.required'],
    ['consent.signedBy', 'helper', 'invalid_option'],
    ['consent.signature', { kind: 'typed', name: '' }, 'required', 'consent.signature.name'],
    ['consent.signature', { kind: 'drawn', pngDataUrl: 'data:image/svg+xml,<svg/>' }, 'signature.format', 'consent.signature.pngDataUrl'],
    ['consent.signature', { kind: 'stamp' }, 'invalid_option', 'consent.signature.kind'],
    ['schemaVersion', 2, 'version.unsupported'],
    ['id', 'not-a-uuid', 'uuid.format'],
    ['locale', 'english', 'language.format'],
  ])('%s = %j → %s', (path: string, value: unknown, code: string, at?: string) => {
    expect(issuesOf(withValue(minimal(), path, value))).toEqual([{ code, path: at ?? path }]);
  });

  it('reports receipt number problems at their index', () => {
    const input = withValue(minimal(), 'case.receiptNumbers', ['EAC2190012345', 'XYZ2190012345', 'EAC21900', 'eac-21-900-12345', '']);
    expect(issuesOf(input)).toEqual([
      { code: 'receipt.prefix', path: 'case.receiptNumbers.1' },
      { code: 'receipt.format', path: 'case.receiptNumbers.2' },
      { code: 'required', path: 'case.receiptNumbers.4' },
      { code: 'duplicate', path: 'case.receiptNumbers.3' },
    ]);
  });

  it('answers a body that is not a request object', () => {
    for (const body of [null, 'text', 42, [], true]) expect(issuesOf(body).length).toBeGreaterThan(0);
    expect(issuesOf('text')).toEqual([{ code: 'type', path: '' }]);
  });

  it('reports every problem at once, not only the first', () => {
    let input = withValue(minimal(), 'person.email', 'nope');
    input = withValue(input, 'case.formTypes', ['X']);
    input = withValue(input, 'consent.agreed', false);
    expect(issuesOf(input).map((i) => i.path)).toEqual(['person.email', 'case.formTypes.0', 'consent.agreed']);
  });
});

describe('unknown fields are rejected on the wire', () => {
  it.each([
    ['extra', ''],
    ['person.nickname', 'person'],
    ['person.address.county', 'person.address'],
    ['case.priority', 'case'],
    ['consent.witness', 'consent'],
    ['consent.signature.font', 'consent.signature'],
  ])('%s, reported at its parent %j', (path, parent) => {
    expect(issuesOf(withValue(minimal(), path, 'x'))).toEqual([{ code: 'unknown_field', path: parent }]);
  });

  it('in the helper, prior attempts and attachments too', () => {
    expect(issuesOf(withValue(full(), 'submitter.barNumber', '123'))).toEqual([
      { code: 'unknown_field', path: 'submitter' },
    ]);
    const attempt = { channel: 'mail', date: '2025-01-01', notes: 'x' };
    expect(issuesOf(withValue(minimal(), 'case.priorAttempts', [attempt]))).toEqual([
      { code: 'unknown_field', path: 'case.priorAttempts.0' },
    ]);
    const file = { id: FILE_ID, name: 'a.pdf', type: 'application/pdf', size: 1, sha256: SHA, url: 'x' };
    expect(issuesOf(withValue(minimal(), 'attachments', [file]))).toEqual([{ code: 'unknown_field', path: 'attachments.0' }]);
  });

  it('a U.S. address cannot carry foreign-address fields', () => {
    expect(issuesOf(withValue(minimal(), 'person.address.country', 'US'))).toEqual([
      { code: 'unknown_field', path: 'person.address' },
    ]);
  });
});

describe('addresses', () => {
  it('a foreign address may not be in the United States or its territories', () => {
    for (const country of ['US', 'pr', 'GU']) {
      const input = withValue(full(), 'person.address.country', country);
      expect(issuesOf(input)).toEqual([{ code: 'country.not_foreign', path: 'person.address.country' }]);
    }
  });

  it('a foreign address needs a country but no postal code', () => {
    expect(issuesOf(withValue(full(), 'person.address.country', undefined))).toEqual([
      { code: 'required', path: 'person.address.country' },
    ]);
    expect(issuesOf(withValue(full(), 'person.address.postalCode', undefined))).toEqual([]);
    expect(issuesOf(withValue(full(), 'person.address.postalCode', '<>'))).toEqual([
      { code: 'postal_code.format', path: 'person.address.postalCode' },
    ]);
  });
});

describe('who can be reached, and who consents', () => {
  it('the person alone must give a phone or an e-mail', () => {
    expect(issuesOf(withValue(minimal(), 'person.email', undefined))).toEqual([
      { code: 'contact.required', path: 'person.email' },
    ]);
    const byPhone = withValue(withValue(minimal(), 'person.email', undefined), 'person.phone', '202-555-0143');
    expect(issuesOf(byPhone)).toEqual([]);
  });

  it('a wrong phone is reported as such, not as missing contact', () => {
    const input = withValue(withValue(minimal(), 'person.email', undefined), 'person.phone', '12');
    expect(issuesOf(input)).toEqual([{ code: 'phone.format', path: 'person.phone' }]);
  });

  it('with a helper, the helper must be reachable and the person may have no contact', () => {
    let input = withValue(full(), 'person.email', undefined);
    input = withValue(input, 'person.phone', undefined);
    expect(issuesOf(input)).toEqual([]);
    input = withValue(withValue(input, 'submitter.email', undefined), 'submitter.phone', undefined);
    expect(issuesOf(input)).toEqual([{ code: 'contact.required', path: 'submitter.email' }]);
  });

  it('a helper without a G-28 needs the person’s consent to talk with them', () => {
    expect(issuesOf(withValue(full(), 'consent.shareWithSubmitter', undefined))).toEqual([
      { code: 'consent.submitter_required', path: 'consent.shareWithSubmitter' },
    ]);
    expect(issuesOf(withValue(full(), 'consent.shareWithSubmitter', false))).toEqual([
      { code: 'consent.submitter_required', path: 'consent.shareWithSubmitter' },
    ]);
  });

  it('an attorney or accredited representative needs a G-28 on file instead', () => {
    let input = withValue(full(), 'submitter.relationship', 'attorney_g28');
    input = withValue(input, 'consent.shareWithSubmitter', undefined);
    expect(issuesOf(input)).toEqual([{ code: 'g28.required', path: 'submitter.g28OnFile' }]);
    expect(issuesOf(withValue(input, 'submitter.g28OnFile', true))).toEqual([]);
  });

  it('some helpers must name their organization; "other" must say what they are', () => {
    for (const relationship of ['employer', 'congressional', 'accredited_rep_g28']) {
      let input = withValue(full(), 'submitter.relationship', relationship);
      input = withValue(withValue(input, 'submitter.organization', undefined), 'submitter.g28OnFile', true);
      expect(issuesOf(input)).toEqual([{ code: 'required', path: 'submitter.organization' }]);
    }
    expect(issuesOf(withValue(full(), 'submitter.organization', undefined))).toEqual([]);
    const other = withValue(full(), 'submitter.relationship', 'other');
    expect(issuesOf(other)).toEqual([{ code: 'required', path: 'submitter.relationshipOther' }]);
    expect(issuesOf(withValue(other, 'submitter.relationshipOther', 'Neighbour'))).toEqual([]);
    expect(issuesOf(withValue(full(), 'submitter.relationship', 'lawyer'))).toEqual([
      { code: 'invalid_option', path: 'submitter.relationship' },
    ]);
  });
});

describe('attachments', () => {
  const file = (over: Json = {}): Json => ({
    id: FILE_ID,
    name: 'photo.jpg',
    type: 'image/jpeg',
    size: 1000,
    sha256: SHA,
    ...over,
  });

  it.each([
    [{ type: 'image/gif' }, 'attachment.type', 'attachments.0.type'],
    [{ type: 'text/html' }, 'attachment.type', 'attachments.0.type'],
    [{ size: 0 }, 'attachment.size', 'attachments.0.size'],
    [{ size: 1.5 }, 'attachment.size', 'attachments.0.size'],
    [{ size: '1000' }, 'type', 'attachments.0.size'],
    [{ size: LIMITS.attachmentBytes + 1 }, 'attachment.too_large', 'attachments.0.size'],
    [{ sha256: 'abc' }, 'attachment.checksum', 'attachments.0.sha256'],
    [{ id: 'file-1' }, 'uuid.format', 'attachments.0.id'],
    [{ name: '' }, 'required', 'attachments.0.name'],
    [{ name: 'x'.repeat(256) }, 'too_long', 'attachments.0.name'],
  ])('%j → %s', (over, code, path) => {
    expect(issuesOf(withValue(minimal(), 'attachments', [file(over)]))).toEqual([{ code, path }]);
  });

  it('accepts every allowed type and keeps the file name as text', () => {
    const types = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic'];
    const files = types.map((type, i) => file({ id: FILE_ID.replace(/1$/, String(i)), type, name: `<b>${i}</b>.x` }));
    const result = validateRequest(withValue(minimal(), 'attachments', files), TODAY);
    expect(result.ok && result.value.attachments.map((f) => f.name)).toEqual(types.map((_, i) => `<b>${i}</b>.x`));
  });

  it('refuses the same file twice, too many files, and too many bytes in all', () => {
    expect(issuesOf(withValue(minimal(), 'attachments', [file(), file()]))).toEqual([
      { code: 'duplicate', path: 'attachments.1.id' },
    ]);
    const many = Array.from({ length: LIMITS.attachments + 1 }, (_, i) =>
      file({ id: `9b2c4d6e-8f01-4a23-9b45-${String(i).padStart(12, '0')}` }),
    );
    expect(issuesOf(withValue(minimal(), 'attachments', many))).toEqual([{ code: 'too_many', path: 'attachments' }]);
    const big = [0, 1, 2].map((i) =>
      file({ id: `9b2c4d6e-8f01-4a23-9b45-${String(i).padStart(12, '0')}`, size: LIMITS.attachmentBytes }),
    );
    expect(issuesOf(withValue(minimal(), 'attachments', big))).toEqual([
      { code: 'attachments.total_too_large', path: 'attachments' },
    ]);
  });
});

describe('length and count bounds', () => {
  it.each([
    ['person.familyName', LIMITS.name],
    ['person.givenName', LIMITS.name],
    ['person.address.line1', LIMITS.addressLine],
    ['person.address.city', LIMITS.city],
    ['case.office', LIMITS.office],
    ['case.whatHappened', LIMITS.whatHappened],
    ['case.helpWanted', LIMITS.helpWanted],
  ])('%s takes %i characters and no more', (path, max) => {
    expect(issuesOf(withValue(minimal(), path, 'x'.repeat(max)))).toEqual([]);
    expect(issuesOf(withValue(minimal(), path, 'x'.repeat(max + 1)))).toEqual([{ code: 'too_long', path }]);
  });

  it('bounds helper and signature text too', () => {
    expect(issuesOf(withValue(full(), 'submitter.name', 'x'.repeat(LIMITS.submitterName + 1)))).toEqual([
      { code: 'too_long', path: 'submitter.name' },
    ]);
    const signature = { kind: 'typed', name: 'x'.repeat(LIMITS.signatureName + 1) };
    expect(issuesOf(withValue(minimal(), 'consent.signature', signature))).toEqual([
      { code: 'too_long', path: 'consent.signature.name' },
    ]);
    const drawn = { kind: 'drawn', pngDataUrl: PNG + 'A'.repeat(LIMITS.signatureDataUrl) };
    expect(issuesOf(withValue(minimal(), 'consent.signature', drawn))).toEqual([
      { code: 'signature.too_large', path: 'consent.signature.pngDataUrl' },
    ]);
  });

  it.each([
    ['person.otherNames', LIMITS.otherNames, (i: number) => `Name ${i}`],
    ['case.formTypes', LIMITS.formTypes, (i: number) => `I-${100 + i}`],
    ['case.receiptNumbers', LIMITS.receiptNumbers, (i: number) => `EAC21900${String(i).padStart(5, '0')}`],
    ['case.priorAttempts', LIMITS.priorAttempts, () => ({ channel: 'mail', date: '2025-01-01' })],
  ])('%s takes %i entries and no more', (path, max, make) => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => make(i));
    expect(issuesOf(withValue(minimal(), path, list(max)))).toEqual([]);
    expect(issuesOf(withValue(minimal(), path, list(max + 1)))).toEqual([{ code: 'too_many', path }]);
  });
});

describe('issue helpers', () => {
  it('groups issues by path and picks one step’s share', () => {
    const issues: RequestIssue[] = [
      { code: 'required', path: 'person.familyName' },
      { code: 'too_long', path: 'person.familyName' },
      { code: 'date.future', path: 'case.priorAttempts.0.date' },
      { code: 'unknown_field', path: 'personal' },
    ];
    expect(issuesByPath(issues)).toEqual({
      'person.familyName': ['required', 'too_long'],
      'case.priorAttempts.0.date': ['date.future'],
      personal: ['unknown_field'],
    });
    expect(issuesUnder(issues, 'person')).toHaveLength(2);
    expect(issuesUnder(issues, 'case.priorAttempts.0')).toHaveLength(1);
  });

  it('maps issue paths to field ids', () => {
    expect(fieldIdOf('case.priorAttempts.3.date')).toBe('case.priorAttempts.date');
    expect(fieldIdOf('case.receiptNumbers.2')).toBe('case.receiptNumbers');
    expect(fieldIdOf('person.address.zip')).toBe('person.address.zip');
    expect(fieldIdOf('person.nickname')).toBe('person');
    expect(fieldIdOf('attachments.0.sha256')).toBe('attachments');
    expect(fieldIdOf('createdAt')).toBeUndefined();
  });

  it('runs a single part on its own with the same codes', () => {
    const { PersonSchema, AttachmentRefSchema } = requestSchemas(TODAY);
    const person = (minimal().person as Json) ?? {};
    expect(validateWith(PersonSchema, { ...person, dateOfBirth: '2030-01-01' })).toEqual({
      ok: false,
      issues: [{ code: 'date.future', path: 'dateOfBirth' }],
    });
    expect(validateWith(AttachmentRefSchema, {}).ok).toBe(false);
    expect(requestSchemas(TODAY)).toBe(requestSchemas(TODAY));
  });
});

describe('robustness', () => {
  it('never throws and answers only known codes, whatever arrives', () => {
    const codes = new Set<string>(ERROR_CODES);
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.constant(full()).map((f) => ({ ...f, person: 'x' }))), (input) => {
        const result = validateRequest(input, TODAY);
        return result.ok || result.issues.every((i) => codes.has(i.code) && typeof i.path === 'string');
      }),
      { numRuns: 300 },
    );
  });

  it('answers known codes for random changes to a valid request', () => {
    const codes = new Set<string>(ERROR_CODES);
    const paths = ['person.familyName', 'person.address', 'case.formTypes', 'consent.signature', 'attachments', 'submitter'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.anything(), (path, value) => {
        const result = validateRequest(withValue(full(), path, value), TODAY);
        return result.ok || result.issues.every((i) => codes.has(i.code));
      }),
      { numRuns: 300 },
    );
  });
});

describe('English messages', () => {
  const en = JSON.parse(readFileSync('locales/en/messages.json', 'utf8')) as Record<string, string>;

  it('has a message for every error code, saying what to do, with no values to fill in', () => {
    for (const code of ERROR_CODES) {
      const message = en[errorMessageId(code)];
      expect(message, code).toBeTruthy();
      expect(message, code).not.toMatch(/[{}]/);
      expect(message!.split(/[.!?]\s/).length, `${code} says what is wrong and how to fix it`).toBeGreaterThanOrEqual(2);
    }
  });

  it('has a label and a hint for every field and a label for every option', () => {
    for (const id of FIELD_IDS) {
      expect(en[fieldLabelId(id)], fieldLabelId(id)).toBeTruthy();
      expect(en[fieldHintId(id)], fieldHintId(id)).toBeTruthy();
    }
    for (const [id, options] of Object.entries(FIELD_OPTIONS)) {
      for (const option of options ?? []) {
        const key = optionLabelId(id as (typeof FIELD_IDS)[number], option);
        expect(en[key], key).toBeTruthy();
      }
    }
  });

  it('every issue path the schema can report maps to a labelled field or the whole request', () => {
    const seen = new Set<string>();
    const collect = (input: unknown) => issuesOf(input).forEach((i) => seen.add(i.path));
    const blank = emptyForm();
    blank.filler = 'helper';
    blank.case.priorAttempts = [{ channel: '', date: '', serviceRequestNumber: '' }];
    collect(toWireInput(blank, { id: 'x', locale: 'x', createdAt: 0, submittedAt: 0, attachments: [] }));
    collect(withValue(minimal(), 'attachments', [{}]));
    collect(withValue(full(), 'consent.signature', { kind: 'drawn' }));
    collect(withValue(full(), 'person.address', { kind: 'foreign' }));
    expect(seen.size).toBeGreaterThan(20);
    for (const path of seen) {
      if (['id', 'locale', 'createdAt', 'submittedAt', 'schemaVersion'].includes(path)) continue;
      expect(fieldIdOf(path), path).toBeDefined();
    }
  });

  it('every code a test above expects is a known code', () => {
    const known: readonly ErrorCode[] = ERROR_CODES;
    expect(known).toContain('receipt.format');
    expect(new Set(known).size).toBe(known.length);
  });
});
