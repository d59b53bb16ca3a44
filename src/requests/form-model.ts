/**
 * The request form as the person fills it: every field a string exactly as
 * typed (nothing is normalized back into the form, so nothing typed ever
 * changes under their fingers), lists as arrays, choices as ids. It is what
 * a draft stores; `toWireInput` (form-wire.ts) turns it into the wire request that the
 * shared schema validates and normalizes. Pure: no DOM, no storage.
 */
import {
  type RequesterKind,
  PRIOR_ATTEMPT_CHANNELS,
  PROBLEM_KINDS,
  SUBMITTER_RELATIONSHIPS,
  type PriorAttemptChannel,
  type ProblemKind,
  type RequestIssue,
  type SubmitterRelationship,
} from '../shared/request-schema';
import { readScreenerBlock, type ScreenerBlock } from '../shared/screener-answers';


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

/** The requester: a person, or a company (then only the company fields and the shared ones count). */
export interface PersonForm {
  kind: RequesterKind;
  businessName: string;
  contactName: string;
  contactTitle: string;
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
  dateReceived: string;
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

/**
 * What the screener found: the first three a reminder on the device, never
 * sent; `block` (the outcome's kind and the answers, no free text) goes
 * with the request so the office sees what led to it.
 */
export interface ScreenerNote {
  urgent: boolean;
  outsideProcessingTime?: boolean;
  processingMonths?: number;
  block?: ScreenerBlock;
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
      kind: 'person',
      businessName: '',
      contactName: '',
      contactTitle: '',
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
      dateReceived: '',
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
      kind: p.kind === 'company' ? 'company' : 'person',
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
    const block = readScreenerBlock(sc.block);
    if (block) form.screener.block = block;
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

export function isCompany(form: RequestForm): boolean {
  return form.person.kind === 'company';
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
