/**
 * From the form as typed to the wire request the shared schema validates,
 * and between the schema's issue paths and the form's fields.
 */
import { REQUEST_SCHEMA_VERSION, type RequestIssue, validateRequest } from '../shared/request-schema';
import type { IsoDate } from '../shared/fields';
import { readScreenerBlock } from '../shared/screener-answers';
import { type RequestForm, isCompany, isHelping } from './form-model';

/** A blank entry in a list is a row the person added and left empty, not an answer. */
const filled = (list: readonly string[]) => list.filter((x) => x.trim() !== '');
const orUndefined = <T extends string>(v: T | ''): T | undefined => (v === '' ? undefined : v);

export interface WireMeta {
  id: string;
  locale: string;
  createdAt: number;
  submittedAt: number;
  attachments: readonly { id: string; name: string; type: string; size: number; sha256: string }[];
}

/**
 * The request to validate and send. Blank optional fields go as '' (the
 * schema reads blank as "not given"); a choice not made goes as undefined
 * so the message says "required", not "not one of the choices".
 */
export function toWireInput(form: RequestForm, meta: WireMeta): Record<string, unknown> {
  const { person, submitter, consent } = form;
  const address =
    person.address.kind === 'us'
      ? {
          kind: 'us',
          inCareOf: person.address.inCareOf,
          line1: person.address.line1,
          line2: person.address.line2,
          city: person.address.city,
          state: person.address.state,
          zip: person.address.zip,
        }
      : {
          kind: 'foreign',
          inCareOf: person.address.inCareOf,
          line1: person.address.line1,
          line2: person.address.line2,
          city: person.address.city,
          province: person.address.province,
          postalCode: person.address.postalCode,
          country: person.address.country,
        };
  const helping = isHelping(form);
  // Context for the office, never a reason to hold a request back: a block this version cannot read stays home.
  const screener = readScreenerBlock(form.screener?.block);
  const signature =
    consent.signatureKind === 'drawn'
      ? { kind: 'drawn', pngDataUrl: consent.drawnPng === '' ? undefined : consent.drawnPng }
      : { kind: 'typed', name: consent.typedName };
  return {
    id: meta.id,
    schemaVersion: REQUEST_SCHEMA_VERSION,
    locale: meta.locale,
    // A company's wire object has no room for a person's details typed before the switch.
    person: isCompany(form)
      ? {
          kind: 'company',
          businessName: person.businessName,
          contactName: person.contactName,
          contactTitle: person.contactTitle,
          uscisAccountNumber: person.uscisAccountNumber,
          address,
          phone: person.phone,
          email: person.email,
          preferredLanguage: person.preferredLanguage,
        }
      : {
          kind: 'person',
          familyName: person.familyName,
          givenName: person.givenName,
          middleName: person.middleName,
          otherNames: filled(person.otherNames),
          dateOfBirth: person.dateOfBirth,
          countryOfBirth: person.countryOfBirth,
          citizenship: person.citizenship,
          aNumber: person.aNumber,
          uscisAccountNumber: person.uscisAccountNumber,
          address,
          phone: person.phone,
          email: person.email,
          preferredLanguage: person.preferredLanguage,
        },
    ...(helping
      ? {
          submitter: {
            relationship: orUndefined(submitter.relationship),
            relationshipOther: submitter.relationship === 'other' ? submitter.relationshipOther : '',
            name: submitter.name,
            organization: submitter.organization,
            phone: submitter.phone,
            email: submitter.email,
            g28OnFile: submitter.g28OnFile,
          },
        }
      : {}),
    case: {
      formTypes: filled(form.case.formTypes),
      receiptNumbers: filled(form.case.receiptNumbers),
      dateFiled: form.case.dateFiled,
      dateReceived: form.case.dateReceived,
      office: form.case.office,
      problemKinds: [...form.case.problemKinds],
      whatHappened: form.case.whatHappened,
      helpWanted: form.case.helpWanted,
      priorAttempts: form.case.priorAttempts.map((attempt) => ({
        channel: orUndefined(attempt.channel),
        date: attempt.date,
        serviceRequestNumber: attempt.serviceRequestNumber,
      })),
    },
    consent: {
      agreed: consent.agreed,
      ...(helping ? { shareWithSubmitter: consent.shareWithSubmitter } : {}),
      signedBy: 'person',
      signature,
      date: consent.date,
    },
    attachments: meta.attachments.map((a) => ({ id: a.id, name: a.name, type: a.type, size: a.size, sha256: a.sha256 })),
    ...(screener ? { screener } : {}),
    createdAt: new Date(meta.createdAt).toISOString(),
    submittedAt: new Date(meta.submittedAt).toISOString(),
  };
}

/** Lists whose blank rows are left out of the wire request (see toWireInput). */
const FILTERED_LISTS: Record<string, (form: RequestForm) => readonly string[]> = {
  'person.otherNames': (form) => form.person.otherNames,
  'case.formTypes': (form) => form.case.formTypes,
  'case.receiptNumbers': (form) => form.case.receiptNumbers,
};

/**
 * An issue path of the wire request as a path of the form: the n-th filled
 * row of a list is not the n-th row the person sees when blank rows sit
 * between. 'case.receiptNumbers.0' → 'case.receiptNumbers.1' if row 0 is blank.
 */
export function formPathOf(form: RequestForm, wirePath: string): string {
  const renamed = WIRE_TO_FORM[wirePath];
  if (renamed) return renamed;
  for (const [list, rows] of Object.entries(FILTERED_LISTS)) {
    const m = new RegExp(`^${list.replace('.', '\\.')}\\.(\\d+)(.*)$`).exec(wirePath);
    if (!m) continue;
    const wanted = Number(m[1]);
    let seen = -1;
    const all = rows(form);
    for (let i = 0; i < all.length; i++) {
      if (all[i]!.trim() !== '') seen++;
      if (seen === wanted) return `${list}.${i}${m[2]}`;
    }
    return wirePath;
  }
  // A list that must have an entry points at its first row.
  if (wirePath in FILTERED_LISTS) return `${wirePath}.0`;
  return wirePath;
}

/** Wire paths whose form field has another name. */
const WIRE_TO_FORM: Record<string, string> = {
  'consent.signature': 'consent.signatureKind',
  'consent.signature.kind': 'consent.signatureKind',
  'consent.signature.name': 'consent.typedName',
  'consent.signature.pngDataUrl': 'consent.drawnPng',
};

/** The schema field (for its label and hint) behind a form path; the reverse of WIRE_TO_FORM. */
export function wirePathOf(formPath: string): string {
  for (const [wire, form] of Object.entries(WIRE_TO_FORM)) if (form === formPath && wire !== 'consent.signature') return wire;
  return formPath;
}

/** Every problem of the form as it is now, with form paths, as the shared schema sees it. */
export function validateForm(form: RequestForm, meta: WireMeta, today: IsoDate): RequestIssue[] {
  const result = validateRequest(toWireInput(form, meta), today);
  if (result.ok) return [];
  return result.issues.map((issue) => ({ code: issue.code, path: formPathOf(form, issue.path) }));
}
