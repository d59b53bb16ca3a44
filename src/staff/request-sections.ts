/**
 * A delivered request as the labelled rows the applicant's own review page
 * and print view use (summarySections, English catalogue): one source for
 * every DHS-7001 field's label and display. Only the section titles are the
 * office's words, since the applicant's speak to the person ("About you").
 */
import type { IntlShape } from '@formatjs/intl';
import { normalizeForm, type RequestForm, type StepId } from '../requests/form-model';
import { type CaseRequest, isCompany } from '../shared/request-schema';
import { summarySections, type Section } from '../requests/summary-rows';

type T = (id: string, values?: Record<string, string | number>) => string;

/** The wire request read back into the form's shape (the inverse of toWireInput). */
export function wireToForm(request: CaseRequest): RequestForm {
  const signature = request.consent?.signature as { kind?: string; name?: string; pngDataUrl?: string } | undefined;
  return normalizeForm({
    filler: request.submitter ? 'helper' : 'self',
    person: request.person,
    submitter: request.submitter,
    case: request.case,
    consent: {
      agreed: request.consent?.agreed,
      shareWithSubmitter: request.consent?.shareWithSubmitter,
      signatureKind: signature?.kind,
      typedName: signature?.name,
      drawnPng: signature?.pngDataUrl,
      date: request.consent?.date,
    },
  });
}

const OFFICE_TITLES: Partial<Record<StepId, string>> = {
  'about-you': 'Who needs help',
  helper: 'Helper or preparer',
  case: 'The case',
  contacts: 'What the person tried with USCIS',
  documents: 'Documents',
  consent: 'Consent and signature',
};

/** Every field of the request in English, in the form's order; files are shown by the page itself. */
export function requestSections(request: CaseRequest, t: T, intl: IntlShape<string>): Section[] {
  return summarySections(wireToForm(request), [], t, intl, 'en').map((s) => ({ ...s, title: OFFICE_TITLES[s.step] ?? s.title }));
}

/** Family name, given name: how the office files a person; a company by its name. */
export function personName(request: CaseRequest): string {
  const p = request.person;
  if (isCompany(p)) return p.businessName;
  return [p?.familyName, [p?.givenName, p?.middleName].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}
