import { describe, expect, it } from 'vitest';
import { emptyForm, nextStep, normalizeForm, previousStep, stepForPath, visibleSteps, type RequestForm } from '../../src/requests/form-model';
import { formPathOf, toWireInput, validateForm } from '../../src/requests/form-wire';
import { formFromPrefill, takeScreenerPrefill, PREFILL_KEY } from '../../src/requests/prefill';
import { fileKind, fitWithin } from '../../src/requests/images';
import { getAt, setAt } from '../../src/requests/paths';
import { validateRequest } from '../../src/shared/request-schema';
import { isCompany, type Requester } from '../../src/shared/request-schema';

/** The requester as a person: a test about a person's fields fails here if it got a company. */
function individual(requester: Requester) {
  if (isCompany(requester)) throw new Error('expected a person, got a company');
  return requester;
}

const TODAY = '2025-06-01';
const META = { id: '3b241101-e2bb-4255-8caf-4136c566a962', locale: 'en', createdAt: Date.UTC(2025, 4, 1), submittedAt: Date.UTC(2025, 5, 1), attachments: [] };

function valid(): RequestForm {
  const form = emptyForm();
  form.filler = 'self';
  Object.assign(form.person, {
    familyName: ' García ',
    givenName: 'Ana',
    dateOfBirth: '1985-04-12',
    countryOfBirth: 'mx',
    citizenship: 'MX',
    aNumber: 'a12-345-678',
    phone: '(512) 555-0199',
  });
  Object.assign(form.person.address, { line1: '1 Main St', city: 'Austin', state: 'tx', zip: '78701' });
  Object.assign(form.case, {
    formTypes: ['i485', ''],
    receiptNumbers: ['', 'eac-21-900-12345'],
    problemKinds: ['past-processing-time'],
    whatHappened: 'Waited.',
    helpWanted: 'Decide.',
  });
  Object.assign(form.consent, { agreed: true, typedName: 'Ana García', date: TODAY });
  return form;
}

describe('form model', () => {
  it('reads any stored value into a full form, keeping every string as typed', () => {
    expect(normalizeForm(null)).toEqual(emptyForm());
    expect(normalizeForm({ person: { familyName: 42, givenName: ' x ' }, case: { problemKinds: ['emergency', 'bogus'] }, filler: 'robot' })).toMatchObject({
      filler: '',
      person: { familyName: '', givenName: ' x ' },
      case: { problemKinds: ['emergency'] },
    });
    const form = valid();
    expect(normalizeForm(JSON.parse(JSON.stringify(form)))).toEqual(form);
  });

  it('turns a complete form into a request the shared schema accepts, normalized', () => {
    const result = validateRequest(toWireInput(valid(), META), TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(individual(result.value.person).familyName).toBe('García');
    expect(individual(result.value.person).aNumber).toBe('012345678');
    expect(result.value.case.formTypes).toEqual(['I-485']);
    expect(result.value.case.receiptNumbers).toEqual(['EAC2190012345']);
    expect(result.value.submitter).toBeUndefined();
    expect(result.value.consent).toMatchObject({ signedBy: 'person', signature: { kind: 'typed', name: 'Ana García' } });
  });

  it('maps problems back to the rows the person sees, blank rows in between', () => {
    const form = valid();
    form.case.receiptNumbers = ['', 'bad', '', 'EAC2190012345', 'worse'];
    const issues = validateForm(form, META, TODAY);
    expect(issues.filter((i) => i.path.startsWith('case.receiptNumbers')).map((i) => i.path)).toEqual(['case.receiptNumbers.1', 'case.receiptNumbers.4']);
    expect(formPathOf(form, 'case.formTypes')).toBe('case.formTypes.0');
    expect(formPathOf(form, 'consent.signature.name')).toBe('consent.typedName');
  });

  it('sends the helper and the consent to talk with them only in volunteer mode', () => {
    const form = valid();
    form.filler = 'helper';
    form.submitter = { relationship: 'family', relationshipOther: 'ignored', name: 'Lee', organization: '', phone: '', email: 'lee@example.org', g28OnFile: false };
    const wire = toWireInput(form, META) as { submitter: Record<string, unknown>; consent: Record<string, unknown> };
    expect(wire.submitter.relationshipOther).toBe('');
    expect(wire.consent.shareWithSubmitter).toBe(false);
    expect(validateForm(form, META, TODAY)).toEqual([{ code: 'consent.submitter_required', path: 'consent.shareWithSubmitter' }]);
    form.consent.shareWithSubmitter = true;
    expect(validateForm(form, META, TODAY)).toEqual([]);
  });

  it('orders steps, with the helper step only for a helper', () => {
    const form = emptyForm();
    expect(visibleSteps(form)).toEqual(['about-you', 'case', 'contacts', 'documents', 'consent', 'review']);
    expect(nextStep(form, 'about-you')).toBe('case');
    form.filler = 'helper';
    expect(nextStep(form, 'about-you')).toBe('helper');
    expect(previousStep(form, 'case')).toBe('helper');
    expect(previousStep(form, 'about-you')).toBeUndefined();
    expect(stepForPath('case.priorAttempts.0.date')).toBe('contacts');
    expect(stepForPath('case.whatHappened')).toBe('case');
    expect(stepForPath('attachments.2.size')).toBe('documents');
  });

  it('reads and writes by path without touching the original', () => {
    const form = emptyForm();
    const next = setAt(form, 'case.receiptNumbers.2', 'X');
    expect(getAt(next, 'case.receiptNumbers.2')).toBe('X');
    expect(form.case.receiptNumbers).toEqual(['']);
    expect(next.person).toBe(form.person);
  });
});

describe('screener prefill', () => {
  it('is read once from session storage and deleted', () => {
    const store = new Map<string, string>([[PREFILL_KEY, JSON.stringify({ urgent: true, problemKinds: [], priorContacts: [], reasons: [] })]]);
    const storage = { getItem: (k: string) => store.get(k) ?? null, removeItem: (k: string) => void store.delete(k) };
    expect(takeScreenerPrefill(storage)?.urgent).toBe(true);
    expect(takeScreenerPrefill(storage)).toBeNull();
    store.set(PREFILL_KEY, '{not json');
    expect(takeScreenerPrefill(storage)).toBeNull();
    expect(store.has(PREFILL_KEY)).toBe(false);
  });

  it('maps problems, form, dates and contacts to the request', () => {
    const form = formFromPrefill({
      urgent: false,
      problemKinds: ['processing-delay', 'decision-error', 'processing-mistake', 'receipt-delay'],
      priorContacts: ['contact-center', 'appointment'],
      lastContactDate: '2025-01-01',
      reasons: [],
      formType: 'I-485',
      filedDate: '2023-02-03',
    });
    expect(form.case.problemKinds).toEqual(['past-processing-time', 'processing-mistake', 'other-unresolved']);
    expect(form.case.formTypes).toEqual(['I-485']);
    expect(form.case.dateFiled).toBe('2023-02-03');
    // Two ways of contact, one date: the date is not guessed.
    expect(form.case.priorAttempts).toEqual([
      { channel: 'contact_center', date: '', serviceRequestNumber: '' },
      { channel: 'field_office', date: '', serviceRequestNumber: '' },
    ]);
    expect(formFromPrefill(null)).toEqual(emptyForm());
  });

  it('starts the preferred language as the app’s language, one the form offers', () => {
    expect(formFromPrefill(null, 'es').person.preferredLanguage).toBe('es');
    expect(formFromPrefill(null, 'zh-Hant').person.preferredLanguage).toBe('zh-Hant');
    expect(formFromPrefill({ urgent: false, problemKinds: [], priorContacts: [], reasons: [] }, 'ar').person.preferredLanguage).toBe('ar');
    expect(formFromPrefill(null, 'xx').person.preferredLanguage).toBe('');
  });

  it('puts the screener’s "date USCIS received your case" in that field, and "date you sent it" in its own', () => {
    const received = formFromPrefill({ urgent: false, problemKinds: [], priorContacts: [], reasons: [], receivedDate: '2024-01-05' });
    expect(received.case).toMatchObject({ dateReceived: '2024-01-05', dateFiled: '' });
    const filed = formFromPrefill({ urgent: false, problemKinds: [], priorContacts: [], reasons: [], filedDate: '2024-02-06' });
    expect(filed.case).toMatchObject({ dateReceived: '', dateFiled: '2024-02-06' });
  });
});

describe('images', () => {
  it('knows file kinds by type or extension', () => {
    expect(fileKind({ name: 'a.pdf', type: 'application/pdf' })).toBe('pdf');
    expect(fileKind({ name: 'a.PDF', type: '' })).toBe('pdf');
    expect(fileKind({ name: 'IMG.HEIC', type: '' })).toBe('heic');
    expect(fileKind({ name: 'x', type: 'image/heif' })).toBe('heic');
    expect(fileKind({ name: 'p.png', type: 'image/png' })).toBe('image');
    expect(fileKind({ name: 'p.webp', type: 'image/webp' })).toBe('image');
    expect(fileKind({ name: 'doc.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })).toBe('unsupported');
    expect(fileKind({ name: 'g.gif', type: 'image/gif' })).toBe('unsupported');
  });

  it('scales the long side down to the limit, never up', () => {
    expect(fitWithin(4032, 3024, 2000)).toEqual({ width: 2000, height: 1500 });
    expect(fitWithin(3024, 4032, 2000)).toEqual({ width: 1500, height: 2000 });
    expect(fitWithin(800, 600, 2000)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 10, 240)).toEqual({ width: 240, height: 1 });
  });
});
