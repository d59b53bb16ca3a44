/**
 * A company or organization as the requester (an employer's petition, such
 * as Form I-129) beside a person: one wire schema for both, each kind with
 * what it needs, a company never carrying a person's birth details.
 */
import { describe, expect, it } from 'vitest';
import { isCompany, validateRequest, type RequestIssue } from '../../src/shared/request-schema';
import { toWireInput, validateForm } from '../../src/requests/form-wire';
import { csvHeader } from '../../src/server/office/export';
import { formWith } from '../fixtures/request-form';
import { validRequest } from '../fixtures/valid-request';

const TODAY = '2025-06-15';
const ID = '3f1e2d4c-5b6a-4789-8abc-def012345678';

type Json = Record<string, unknown>;

function companyRequest(company: Json = {}): Json {
  const request = validRequest(ID) as unknown as Json;
  return {
    ...request,
    person: {
      kind: 'company',
      businessName: ' Acme Tools LLC ',
      contactName: 'Dana Lee',
      contactTitle: 'HR manager',
      address: { kind: 'us', line1: '1 Industrial Way', city: 'Austin', state: 'tx', zip: '78701' },
      phone: '(512) 555-0123',
      ...company,
    },
    case: { ...(request.case as Json), formTypes: ['i129'] },
  };
}

/** The valid request with its person's fields changed by `changes`. */
function personRequest(changes: Json = {}): Json {
  const request = validRequest(ID);
  return { ...request, person: { ...request.person, ...changes } };
}

function issuesOf(input: unknown): RequestIssue[] {
  const result = validateRequest(input, TODAY);
  return result.ok ? [] : result.issues;
}

describe('a company as the requester', () => {
  it('is accepted with a business name, a contact person and title, and normalized', () => {
    const result = validateRequest(companyRequest(), TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const requester = result.value.person;
    if (!isCompany(requester)) throw new Error('expected a company');
    expect(requester).toMatchObject({ businessName: 'Acme Tools LLC', contactName: 'Dana Lee', contactTitle: 'HR manager', phone: '5125550123' });
    expect(requester.address).toMatchObject({ state: 'TX' });
    expect(result.value.case.formTypes).toEqual(['I-129']);
    expect('dateOfBirth' in requester).toBe(false);
  });

  it('refuses a date of birth, an A-number or a citizenship (reported at the requester, never echoing the key)', () => {
    for (const extra of [{ dateOfBirth: '1990-01-01' }, { aNumber: 'A12345678' }, { citizenship: 'MX' }]) {
      expect(issuesOf(companyRequest(extra))).toEqual([{ code: 'unknown_field', path: 'person' }]);
    }
  });

  it('needs a business name and a contact person; the title may be left out', () => {
    expect(issuesOf(companyRequest({ businessName: '  ', contactName: undefined, contactTitle: '' }))).toEqual([
      { code: 'required', path: 'person.businessName' },
      { code: 'required', path: 'person.contactName' },
    ]);
  });

  it('refuses a business name past its bound', () => {
    expect(issuesOf(companyRequest({ businessName: 'A'.repeat(201) }))).toEqual([{ code: 'too_long', path: 'person.businessName' }]);
  });

  it('must be reachable by phone or e-mail when nobody helps', () => {
    expect(issuesOf(companyRequest({ phone: undefined }))).toEqual([{ code: 'contact.required', path: 'person.email' }]);
  });

  it('refuses a requester kind it does not know', () => {
    expect(issuesOf(companyRequest({ kind: 'robot' }))).toEqual([{ code: 'invalid_option', path: 'person.kind' }]);
  });
});

describe('a person as the requester', () => {
  it('is accepted without a kind (as before companies) and with kind "person"', () => {
    expect(validateRequest(personRequest(), TODAY).ok).toBe(true);
    expect(validateRequest(personRequest({ kind: 'person' }), TODAY).ok).toBe(true);
  });

  it('still needs a name, a date of birth, a country of birth and a citizenship', () => {
    const { person, ...request } = validRequest(ID);
    const { familyName: _f, dateOfBirth: _d, countryOfBirth: _c, citizenship: _z, ...rest } = person;
    const issues = issuesOf({ ...request, person: { ...rest, kind: 'person' } });
    expect(issues).toEqual(
      expect.arrayContaining([
        { code: 'required', path: 'person.familyName' },
        { code: 'required', path: 'person.dateOfBirth' },
        { code: 'required', path: 'person.countryOfBirth' },
        { code: 'required', path: 'person.citizenship' },
      ]),
    );
  });

  it('refuses a business name', () => {
    expect(issuesOf(personRequest({ businessName: 'Acme' }))).toEqual([{ code: 'unknown_field', path: 'person' }]);
  });
});

describe('the form of a company', () => {
  const META = { id: ID, locale: 'en', createdAt: 0, submittedAt: 0, attachments: [] };

  it('sends only the company’s fields, even after a person’s were typed', () => {
    const form = formWith({
      // A person's fields typed first, then "a company" chosen.
      familyName: 'Lee',
      dateOfBirth: '1980-01-01',
      aNumber: 'A12345678',
      kind: 'company',
      businessName: 'Acme Tools LLC',
      contactName: 'Dana Lee',
    });
    const person = toWireInput(form, META).person as Json;
    expect(person.kind).toBe('company');
    expect(person).not.toHaveProperty('dateOfBirth');
    expect(person).not.toHaveProperty('aNumber');
    expect(person).not.toHaveProperty('familyName');
    const paths = validateForm(form, META, TODAY).map((i) => i.path);
    expect(paths).not.toContain('person.dateOfBirth');
    expect(paths).not.toContain('person.businessName');
    expect(paths).toContain('person.address.line1');
  });
});

describe('the office export', () => {
  it('has columns for a company’s fields beside a person’s', () => {
    const header = csvHeader();
    for (const column of ['request.person.kind', 'request.person.businessName', 'request.person.contactName', 'request.person.contactTitle', 'request.person.dateOfBirth']) {
      expect(header).toContain(`"${column}"`);
    }
  });
});
