/**
 * The request form as the person fills it: every field a string exactly as
 * typed (nothing is normalized back into the form, so nothing typed ever
 * changes under their fingers), lists as arrays, choices as ids. It is what
 * a draft stores; `toWireInput` turns it into the wire request that the
 * shared schema validates and normalizes. Pure: no DOM, no storage.
 */
import {
  PRIOR_ATTEMPT_CHANNELS,
  PROBLEM_KINDS,
  REQUEST_SCHEMA_VERSION,
  SUBMITTER_RELATIONSHIPS,
  type PriorAttemptChannel,
  type ProblemKind,
  type RequestIssue,
  type SubmitterRelationship,
  validateRequest,
} from '../shared/request-schema';
import type { IsoDate } from '../shared/fields';

export type AddressKind = 'us' | 'foreign';
export type SignatureKind = 'typed' | 'drawn';
/** Who fills in the form: the person themself, or someone helping them. '' until answered. */
export type Filler = 'self' | 'helper' | '';

export interface AddressForm {
  kind: AddressKind;
  inCareOf: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  zip: string;
  province: string;
  postalCode: string;
  country: string;
}

export interface PersonForm {
  familyName: string;
  givenName: string;
  middleName: string;
  otherNames: string[];
  dateOfBirth: string;
  countryOfBirth: string;
  citizenship: string;
  aNumber: string;
  uscisAccountNumber: string;
  address: AddressForm;
  phone: string;
  email: string;
  preferredLanguage: string;
}

export interface SubmitterForm {
  relationship: SubmitterRelationship | '';
  relationshipOther: string;
  name: string;
  organization: string;
  phone: string;
  email: string;
  g28OnFile: boolean;
}

export interface PriorAttemptForm {
  channel: PriorAttemptChannel | '';
  date: string;
  serviceRequestNumber: string;
}

export interface CaseForm {
  formTypes: string[];
  receiptNumbers: string[];
  dateFiled: string;
  office: string;
  problemKinds: ProblemKind[];
  whatHappened: string;
  helpWanted: string;
  priorAttempts: PriorAttemptForm[];
}

export interface ConsentForm {
  agreed: boolean;
  shareWithSubmitter: boolean;
  signatureKind: SignatureKind;
  typedName: string;
  /** PNG data URL of a drawn signature, '' when none. */
  drawnPng: string;
  date: string;
}

/** What the screener found, shown as a reminder; never sent. */
export interface ScreenerNote {
  urgent: boolean;
  outsideProcessingTime?: boolean;
  processingMonths?: number;
}

export interface RequestForm {
  filler: Filler;
  person: PersonForm;
  submitter: SubmitterForm;
  case: CaseForm;
  consent: ConsentForm;
  screener?: ScreenerNote;
}

export function emptyForm(): RequestForm {
  return {
    filler: '',
    person: {
      familyName: '',
      givenName: '',
      middleName: '',
      otherNames: [],
      dateOfBirth: '',
      countryOfBirth: '',
      citizenship: '',
      aNumber: '',
      uscisAccountNumber: '',
      address: { kind: 'us', inCareOf: '', line1: '', line2: '', city: '', state: '', zip: '', province: '', postalCode: '', country: '' },
      phone: '',
      email: '',
      preferredLanguage: '',
    },
    submitter: { relationship: '', relationshipOther: '', name: '', organization: '', phone: '', email: '', g28OnFile: false },
    case: {
      formTypes: [''],
      receiptNumbers: [''],
      dateFiled: '',
      office: '',
      problemKinds: [],
      whatHappened: '',
      helpWanted: '',
      priorAttempts: [],
    },
    consent: { agreed: false, shareWithSubmitter: false, signatureKind: 'typed', typedName: '', drawnPng: '', date: '' },
  };
}

// ---------------------------------------------------------------------------
// Reading a stored draft: anything missing or of the wrong type takes the
// empty value, so a draft from an older version (or a damaged one) opens.

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const bool = (v: unknown): boolean => v === true;
const strList = (v: unknown, fallback: string[]): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : fallback;
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | '' =>
  typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : '';

export function normalizeForm(data: unknown): RequestForm {
  const empty = emptyForm();
  const d = isRec(data) ? data : {};
  const p = isRec(d.person) ? d.person : {};
  const a = isRec(p.address) ? p.address : {};
  const s = isRec(d.submitter) ? d.submitter : {};
  const c = isRec(d.case) ? d.case : {};
  const k = isRec(d.consent) ? d.consent : {};
  const sc = isRec(d.screener) ? d.screener : undefined;
  const textKeys = <T extends object>(source: Rec, base: T): T => {
    const out = { ...base } as Rec;
    for (const [key, value] of Object.entries(base)) if (typeof value === 'string') out[key] = str(source[key], value);
    return out as T;
  };
  const form: RequestForm = {
    filler: oneOf(d.filler, ['self', 'helper'] as const),
    person: {
      ...textKeys(p, empty.person),
      otherNames: strList(p.otherNames, []),
      address: { ...textKeys(a, empty.person.address), kind: a.kind === 'foreign' ? 'foreign' : 'us' },
    },
    submitter: {
      ...textKeys(s, empty.submitter),
      relationship: oneOf(s.relationship, SUBMITTER_RELATIONSHIPS),
      g28OnFile: bool(s.g28OnFile),
    },
    case: {
      ...textKeys(c, empty.case),
      formTypes: strList(c.formTypes, ['']),
      receiptNumbers: strList(c.receiptNumbers, ['']),
      problemKinds: Array.isArray(c.problemKinds)
        ? c.problemKinds.filter((x): x is ProblemKind => (PROBLEM_KINDS as readonly unknown[]).includes(x))
        : [],
      priorAttempts: Array.isArray(c.priorAttempts)
        ? c.priorAttempts.filter(isRec).map((x) => ({
            channel: oneOf(x.channel, PRIOR_ATTEMPT_CHANNELS),
            date: str(x.date),
            serviceRequestNumber: str(x.serviceRequestNumber),
          }))
        : [],
    },
    consent: {
      ...textKeys(k, empty.consent),
      agreed: bool(k.agreed),
      shareWithSubmitter: bool(k.shareWithSubmitter),
      signatureKind: k.signatureKind === 'drawn' ? 'drawn' : 'typed',
    },
  };
  if (sc) {
    form.screener = {
      urgent: bool(sc.urgent),
      ...(typeof sc.outsideProcessingTime === 'boolean' ? { outsideProcessingTime: sc.outsideProcessingTime } : {}),
      ...(typeof sc.processingMonths === 'number' ? { processingMonths: sc.processingMonths } : {}),
    };
  }
  return form;
}

// ---------------------------------------------------------------------------
// Steps

export const STEPS = ['about-you', 'helper', 'case', 'contacts', 'documents', 'consent', 'review'] as const;
export type StepId = (typeof STEPS)[number];

export function isStepId(value: string | undefined): value is StepId {
  return (STEPS as readonly (string | undefined)[]).includes(value);
}

export function isHelping(form: RequestForm): boolean {
  return form.filler === 'helper';
}

/** The steps this form shows: the helper's step only in volunteer mode. */
export function visibleSteps(form: RequestForm): StepId[] {
  return STEPS.filter((step) => step !== 'helper' || isHelping(form));
}

export function nextStep(form: RequestForm, step: StepId): StepId | undefined {
  const steps = visibleSteps(form);
  return steps[steps.indexOf(step) + 1];
}

export function previousStep(form: RequestForm, step: StepId): StepId | undefined {
  const steps = visibleSteps(form);
  const i = steps.indexOf(step);
  return i > 0 ? steps[i - 1] : undefined;
}

/** The step where the field of an issue path is asked. */
export function stepForPath(path: string): StepId {
  if (path === 'person' || path.startsWith('person.')) return 'about-you';
  if (path === 'submitter' || path.startsWith('submitter.')) return 'helper';
  if (path.startsWith('case.priorAttempts')) return 'contacts';
  if (path === 'case' || path.startsWith('case.')) return 'case';
  if (path === 'attachments' || path.startsWith('attachments.')) return 'documents';
  if (path === 'consent' || path.startsWith('consent.')) return 'consent';
  return 'review';
}

export function issuesForStep(issues: readonly RequestIssue[], step: StepId): RequestIssue[] {
  return issues.filter((issue) => stepForPath(issue.path) === step);
}

/** DOM id of the input for an issue path: 'case.receiptNumbers.1' → 'rq-case-receiptNumbers-1'. */
export function domIdFor(path: string): string {
  return `rq-${path.replace(/\./g, '-') || 'request'}`;
}

// ---------------------------------------------------------------------------
// To the wire

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
  const signature =
    consent.signatureKind === 'drawn'
      ? { kind: 'drawn', pngDataUrl: consent.drawnPng === '' ? undefined : consent.drawnPng }
      : { kind: 'typed', name: consent.typedName };
  return {
    id: meta.id,
    schemaVersion: REQUEST_SCHEMA_VERSION,
    locale: meta.locale,
    person: {
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
