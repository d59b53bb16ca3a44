/**
 * The screener's rules as data: "can the CIS Ombudsman help me?".
 *
 * Sources: the Ombudsman's brochure (seeds 001/002: when it can and cannot
 * help, USCIS customer service first), the detention-ombudsman notice (seed
 * 000), and the Ombudsman's published policies recorded with their sources
 * in src/facts/ombudsman-policy.ts (office of last resort, 60 and 90 days,
 * case-inquiry date, six months without a posted time, expedite denied,
 * deadlines not extended).
 *
 * The flow, in words:
 *   about      what the problem is about; anything but USCIS ends here with
 *              where to go instead.
 *   wants      legal advice ends here (the Ombudsman gives none); overturning
 *              a decision needs a mistake the person can point to.
 *   problems   which problems (several may apply).
 *   receipt    receipt notice in hand, lost, or never received (then: when
 *              was it sent?).
 *   form-type, received-date, posted-time
 *              only for "pending past the posted time".
 *   expedite   only for an emergency: USCIS decides expedites, so it must be
 *              asked first, and a denied expedite is not the Ombudsman's to
 *              change.
 *   uscis-contact, last-contact-date
 *              the Ombudsman is the office of last resort: USCIS first, and
 *              USCIS gets 60 days, counted from a contact in the last 90.
 * Then `decision` picks the outcome. Each problem is judged on its own:
 * one problem that qualifies is enough for "may help"; problems that do not
 * qualify still show as reasons.
 *
 * Two choices the sources leave open, made here on purpose:
 *   - An emergency does not wait 60 days: the Ombudsman lists emergencies
 *     under USCIS expedite criteria among what it helps with, and waiting
 *     two months would defeat that. The USCIS contact for an emergency is
 *     the expedite request itself.
 *   - "I don't remember" when I last contacted USCIS does not block "may
 *     help": the Ombudsman checks the dates; the outcome asks the person to
 *     find the service request number.
 *
 * Every text is a message id under `screener.`; contacts are fact ids
 * (src/facts/contacts.ts) carried by referrals, never written in messages.
 * tests/unit/screener-properties.test.ts checks that every id used here
 * exists, every question is reachable and every outcome can be reached
 * with at least one reason.
 */
import { POLICY_NUMBERS } from '../facts/ombudsman-policy';
import { USCIS_FORMS, type UscisFormKey } from '../facts/uscis-forms';
import type {
  Condition,
  ConditionalText,
  MessageId,
  Option,
  Outcome,
  Question,
  ReasonCode,
  Referral,
  Rules,
} from './types';

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const msg = (...parts: string[]): MessageId => ['screener', ...parts.map(camel)].join('.');

/** Question ids, for code that reads particular answers (the prefill). */
export const Q = {
  about: 'about',
  wants: 'wants',
  decisionError: 'decision-error',
  problems: 'problems',
  receipt: 'receipt',
  filedDate: 'filed-date',
  formType: 'form-type',
  receivedDate: 'received-date',
  postedTime: 'posted-time',
  expedite: 'expedite',
  uscisContact: 'uscis-contact',
  lastContactDate: 'last-contact-date',
} as const;

function option(question: string, id: string, extra: { help?: true; exclusive?: true } = {}): Option {
  return {
    id,
    label: msg('q', question, 'option', id),
    ...(extra.help ? { help: msg('q', question, 'option', id, 'help') } : {}),
    ...(extra.exclusive ? { exclusive: true } : {}),
  };
}

const to = {
  q: (question: string) => ({ question }),
  out: (outcome: string) => ({ outcome }),
  decide: { decide: true } as const,
};

const ref = (name: string): Condition => ({ ref: name });
const not = (c: Condition): Condition => ({ not: c });
const all = (...conditions: Condition[]): Condition => ({ all: conditions });
const any = (...conditions: Condition[]): Condition => ({ any: conditions });
const is = (question: string, option: string): Condition => ({ question, is: option });
const includes = (question: string, option: string): Condition => ({ question, includes: option });

const WAIT = POLICY_NUMBERS.uscisResolutionWaitDays; // 60
const RECENT = POLICY_NUMBERS.lastUscisContactMaxDays; // 90
const RECEIPT_WAIT = POLICY_NUMBERS.receiptDelayDays; // 90

// ---------------------------------------------------------------- questions

const FORM_KEYS = Object.keys(USCIS_FORMS) as UscisFormKey[];

const questionList: Question[] = [
  {
    id: Q.about,
    kind: 'single',
    title: msg('q', Q.about, 'title'),
    help: msg('q', Q.about, 'help'),
    options: [
      option(Q.about, 'uscis', { help: true }),
      option(Q.about, 'detention', { help: true }),
      option(Q.about, 'consulate', { help: true }),
      option(Q.about, 'court', { help: true }),
      option(Q.about, 'border', { help: true }),
      option(Q.about, 'other-agency', { help: true }),
      option(Q.about, 'something-else'),
    ],
    next: [
      { when: is(Q.about, 'uscis'), to: to.q(Q.wants) },
      { when: is(Q.about, 'detention'), to: to.out('detention') },
      { when: is(Q.about, 'consulate'), to: to.out('consulate') },
      { when: is(Q.about, 'court'), to: to.out('court') },
      { when: is(Q.about, 'border'), to: to.out('border') },
      { when: is(Q.about, 'other-agency'), to: to.out('other-agency') },
      { to: to.out('not-uscis') },
    ],
  },
  {
    id: Q.wants,
    kind: 'single',
    title: msg('q', Q.wants, 'title'),
    options: [
      option(Q.wants, 'processing-help', { help: true }),
      option(Q.wants, 'overturn', { help: true }),
      option(Q.wants, 'legal-advice', { help: true }),
    ],
    next: [
      { when: is(Q.wants, 'legal-advice'), to: to.out('legal-advice') },
      { when: is(Q.wants, 'overturn'), to: to.q(Q.decisionError) },
      { to: to.q(Q.problems) },
    ],
  },
  {
    id: Q.decisionError,
    kind: 'single',
    title: msg('q', Q.decisionError, 'title'),
    help: msg('q', Q.decisionError, 'help'),
    options: [option(Q.decisionError, 'yes', { help: true }), option(Q.decisionError, 'no', { help: true })],
    next: [{ when: is(Q.decisionError, 'yes'), to: to.q(Q.receipt) }, { to: to.out('decision-no-error') }],
  },
  {
    id: Q.problems,
    kind: 'multi',
    title: msg('q', Q.problems, 'title'),
    help: msg('q', Q.problems, 'help'),
    options: [
      option(Q.problems, 'emergency', { help: true }),
      option(Q.problems, 'past-processing-time', { help: true }),
      option(Q.problems, 'mistake', { help: true }),
      option(Q.problems, 'other-unresolved', { help: true }),
    ],
    next: [{ to: to.q(Q.receipt) }],
  },
  {
    id: Q.receipt,
    kind: 'single',
    title: msg('q', Q.receipt, 'title'),
    help: msg('q', Q.receipt, 'help'),
    options: [
      option(Q.receipt, 'have', { help: true }),
      option(Q.receipt, 'lost', { help: true }),
      option(Q.receipt, 'never-received', { help: true }),
    ],
    next: [
      { when: is(Q.receipt, 'never-received'), to: to.q(Q.filedDate) },
      { when: ref('delaySelected'), to: to.q(Q.formType) },
      { when: ref('emergencySelected'), to: to.q(Q.expedite) },
      { to: to.q(Q.uscisContact) },
    ],
  },
  {
    id: Q.filedDate,
    kind: 'date',
    title: msg('q', Q.filedDate, 'title'),
    help: msg('q', Q.filedDate, 'help'),
    next: [
      // Only a missing receipt that is too early, nothing else to judge: no more questions.
      { when: not(ref('anyActive')), to: to.decide },
      { when: ref('emergencySelected'), to: to.q(Q.expedite) },
      { to: to.q(Q.uscisContact) },
    ],
  },
  {
    id: Q.formType,
    kind: 'single',
    title: msg('q', Q.formType, 'title'),
    help: msg('q', Q.formType, 'help'),
    options: [
      ...FORM_KEYS.map((key) => ({
        id: key,
        label: msg('q', Q.formType, 'option', key),
        labelValues: { form: USCIS_FORMS[key] },
      })),
      option(Q.formType, 'other'),
    ],
    next: [{ to: to.q(Q.receivedDate) }],
  },
  {
    id: Q.receivedDate,
    kind: 'date',
    title: msg('q', Q.receivedDate, 'title'),
    help: msg('q', Q.receivedDate, 'help'),
    next: [{ to: to.q(Q.postedTime) }],
  },
  {
    id: Q.postedTime,
    kind: 'processing-time',
    title: msg('q', Q.postedTime, 'title'),
    help: msg('q', Q.postedTime, 'help'),
    labels: {
      months: msg('q', Q.postedTime, 'months'),
      range: msg('q', Q.postedTime, 'range'),
      none: msg('q', Q.postedTime, 'none'),
      monthsInput: msg('q', Q.postedTime, 'months-input'),
      minInput: msg('q', Q.postedTime, 'min-input'),
      maxInput: msg('q', Q.postedTime, 'max-input'),
    },
    maxMonths: 240,
    next: [
      { when: ref('emergencySelected'), to: to.q(Q.expedite) },
      // Still inside the posted time and nothing else to judge.
      { when: not(ref('anyActive')), to: to.decide },
      { to: to.q(Q.uscisContact) },
    ],
  },
  {
    id: Q.expedite,
    kind: 'single',
    title: msg('q', Q.expedite, 'title'),
    help: msg('q', Q.expedite, 'help'),
    options: [
      option(Q.expedite, 'not-asked'),
      option(Q.expedite, 'asked', { help: true }),
      option(Q.expedite, 'denied', { help: true }),
    ],
    next: [
      { when: not(ref('anyActive')), to: to.decide },
      // Only the emergency, and USCIS not asked yet: the answer is "ask USCIS to expedite".
      { when: all(ref('expediteNotAsked'), not(ref('nonEmergencyActive'))), to: to.decide },
      // Only the emergency, and the expedite was asked: that was the USCIS contact.
      { when: all(ref('emergencyReady'), not(ref('nonEmergencyActive'))), to: to.decide },
      { to: to.q(Q.uscisContact) },
    ],
  },
  {
    id: Q.uscisContact,
    kind: 'multi',
    title: msg('q', Q.uscisContact, 'title'),
    help: msg('q', Q.uscisContact, 'help'),
    options: [
      option(Q.uscisContact, 'contact-center', { help: true }),
      option(Q.uscisContact, 'service-request', { help: true }),
      option(Q.uscisContact, 'appointment', { help: true }),
      option(Q.uscisContact, 'case-status', { help: true }),
      option(Q.uscisContact, 'none', { exclusive: true }),
    ],
    next: [
      { when: all(ref('contacted'), ref('nonEmergencyActive'), not(ref('emergencyReady'))), to: to.q(Q.lastContactDate) },
      { to: to.decide },
    ],
  },
  {
    id: Q.lastContactDate,
    kind: 'date',
    title: msg('q', Q.lastContactDate, 'title'),
    help: msg('q', Q.lastContactDate, 'help'),
    unknownLabel: msg('q', Q.lastContactDate, 'unknown'),
    next: [{ to: to.decide }],
  },
];

// --------------------------------------------------------------- conditions

const conditions: Record<string, Condition> = {
  emergencySelected: includes(Q.problems, 'emergency'),
  emergencyActive: all(ref('emergencySelected'), not(is(Q.expedite, 'denied'))),
  emergencyReady: all(ref('emergencySelected'), is(Q.expedite, 'asked')),
  expediteNotAsked: all(ref('emergencySelected'), is(Q.expedite, 'not-asked')),
  expediteDenied: all(ref('emergencySelected'), is(Q.expedite, 'denied')),

  receiptMissing: is(Q.receipt, 'never-received'),
  receiptDelayActive: all(ref('receiptMissing'), { question: Q.filedDate, daysAgo: { min: RECEIPT_WAIT } }),
  receiptTooEarly: all(ref('receiptMissing'), { question: Q.filedDate, daysAgo: { max: RECEIPT_WAIT - 1 } }),

  delaySelected: includes(Q.problems, 'past-processing-time'),
  delayActive: all(ref('delaySelected'), { processing: 'outside' }),
  delayWithin: all(ref('delaySelected'), { processing: 'within' }),

  mistakeActive: any(includes(Q.problems, 'mistake'), is(Q.decisionError, 'yes')),
  otherActive: includes(Q.problems, 'other-unresolved'),

  nonEmergencyActive: any(ref('delayActive'), ref('mistakeActive'), ref('otherActive'), ref('receiptDelayActive')),
  anyActive: any(ref('emergencyActive'), ref('nonEmergencyActive')),

  // Checking the status online is a first step, not asking USCIS to fix anything.
  contacted: { question: Q.uscisContact, includesAny: ['contact-center', 'service-request', 'appointment'] },
  onlyCheckedStatus: all(includes(Q.uscisContact, 'case-status'), not(ref('contacted'))),
  contactUnknown: { question: Q.lastContactDate, unknown: true },
  contactTimely: any(
    { question: Q.lastContactDate, daysAgo: { min: WAIT, max: RECENT } },
    ref('contactUnknown'),
  ),
  contactTooRecent: { question: Q.lastContactDate, daysAgo: { max: WAIT - 1 } },
  contactTooOld: { question: Q.lastContactDate, daysAgo: { min: RECENT + 1 } },
  othersReady: all(ref('nonEmergencyActive'), ref('contacted'), ref('contactTimely')),
};

// ------------------------------------------------------------------ reasons

const reasons: Record<ReasonCode, Condition> = {
  'detention-conditions': is(Q.about, 'detention'),
  'visa-consulate': is(Q.about, 'consulate'),
  'immigration-court': is(Q.about, 'court'),
  border: is(Q.about, 'border'),
  'other-agency': is(Q.about, 'other-agency'),
  'not-uscis': is(Q.about, 'something-else'),
  'no-legal-advice': is(Q.wants, 'legal-advice'),
  'cannot-change-decisions': is(Q.decisionError, 'no'),
  'decision-error-identified': is(Q.decisionError, 'yes'),
  emergency: ref('emergencyActive'),
  'processing-delay-outside': ref('delayActive'),
  'no-posted-time': all(ref('delaySelected'), { processing: 'no-posted-time' }),
  'processing-mistake': includes(Q.problems, 'mistake'),
  'other-unresolved': ref('otherActive'),
  'receipt-delay': ref('receiptDelayActive'),
  'within-processing-time': ref('delayWithin'),
  'expedite-denied': ref('expediteDenied'),
  'receipt-delay-too-early': ref('receiptTooEarly'),
  'not-contacted-uscis': includes(Q.uscisContact, 'none'),
  'only-checked-status': ref('onlyCheckedStatus'),
  'expedite-not-requested': ref('expediteNotAsked'),
  'expedite-requested': ref('emergencyReady'),
  'uscis-needs-time': ref('contactTooRecent'),
  'uscis-contact-old': ref('contactTooOld'),
  'contacted-uscis': ref('othersReady'),
  'contact-date-unknown': all(ref('othersReady'), ref('contactUnknown')),
  'receipt-number-missing': is(Q.receipt, 'lost'),
};

// ----------------------------------------------------------------- outcomes

const step = (name: string) => msg('step', name);
const when = (condition: Condition, text: MessageId): ConditionalText => ({ when: condition, text });

const DEADLINES = msg('notice', 'deadlines');

const USCIS_WAYS = ['uscis-contact-center', 'uscis-online-account', 'uscis-case-status', 'uscis-appointment'];

function outcome(o: Omit<Outcome, 'title' | 'summary'>): Outcome {
  return { ...o, title: msg('outcome', o.id, 'title'), summary: msg('outcome', o.id, 'summary') };
}

const outcomeList: Outcome[] = [
  // ---- Not USCIS: where to go instead
  outcome({
    id: 'detention',
    kind: 'go-elsewhere',
    urgent: false,
    reasons: ['detention-conditions'],
    nextSteps: [step('contact-oido'), step('uscis-case-still-ombudsman')],
    referrals: ['oido'],
    startsRequest: false,
  }),
  outcome({
    id: 'consulate',
    kind: 'go-elsewhere',
    urgent: false,
    reasons: ['visa-consulate'],
    nextSteps: [step('contact-consulate'), step('approved-not-sent-is-uscis')],
    referrals: ['state-dept'],
    startsRequest: false,
  }),
  outcome({
    id: 'court',
    kind: 'go-elsewhere',
    urgent: false,
    reasons: ['immigration-court'],
    nextSteps: [step('contact-court'), step('court-with-uscis-case'), step('find-legal-help')],
    referrals: ['eoir', 'legal-help'],
    startsRequest: false,
  }),
  outcome({
    id: 'border',
    kind: 'go-elsewhere',
    urgent: false,
    reasons: ['border'],
    nextSteps: [step('contact-cbp')],
    referrals: ['cbp'],
    startsRequest: false,
  }),
  outcome({
    id: 'other-agency',
    kind: 'go-elsewhere',
    urgent: false,
    reasons: ['other-agency'],
    nextSteps: [step('contact-that-agency'), step('find-legal-help')],
    referrals: ['legal-help'],
    startsRequest: false,
  }),
  outcome({
    id: 'not-uscis',
    kind: 'cannot-help',
    urgent: false,
    reasons: ['not-uscis'],
    nextSteps: [step('start-over-if-uscis'), step('find-legal-help')],
    referrals: ['legal-help'],
    startsRequest: false,
  }),
  // ---- USCIS, but not something the Ombudsman does
  outcome({
    id: 'legal-advice',
    kind: 'cannot-help',
    urgent: false,
    reasons: ['no-legal-advice'],
    nextSteps: [step('find-legal-help'), step('beware-notarios')],
    referrals: ['legal-help'],
    startsRequest: false,
  }),
  outcome({
    id: 'decision-no-error',
    kind: 'cannot-help',
    urgent: false,
    reasons: ['cannot-change-decisions'],
    nextSteps: [step('appeal-or-motion'), step('find-legal-help'), step('come-back-if-error')],
    notices: [msg('notice', 'appeal-deadline')],
    referrals: ['legal-help'],
    startsRequest: false,
  }),
  // ---- Not (yet) for the Ombudsman
  outcome({
    id: 'receipt-wait',
    kind: 'first-try-uscis',
    urgent: false,
    reasons: ['receipt-delay-too-early'],
    nextSteps: [step('receipt-contact-uscis-after-60'), step('keep-proof-of-delivery'), step('come-back-if-not-resolved')],
    referrals: USCIS_WAYS,
    comeBack: { question: Q.filedDate, days: RECEIPT_WAIT, message: msg('come-back', 'receipt') },
    startsRequest: false,
  }),
  outcome({
    id: 'not-yet',
    kind: 'cannot-help',
    urgent: false,
    reasons: ['within-processing-time', 'no-posted-time', 'expedite-denied'],
    nextSteps: [step('check-processing-times-again'), step('then-contact-uscis'), step('come-back-if-not-resolved')],
    referrals: ['uscis-processing-times', 'uscis-case-status'],
    comeBack: { processing: true, message: msg('come-back', 'processing') },
    startsRequest: false,
  }),
  outcome({
    id: 'expedite-denied',
    kind: 'cannot-help',
    urgent: false,
    reasons: ['expedite-denied'],
    nextSteps: [step('expedite-new-facts'), step('find-legal-help')],
    referrals: ['uscis-contact-center', 'legal-help'],
    startsRequest: false,
  }),
  // ---- USCIS first
  outcome({
    id: 'expedite-first',
    kind: 'first-try-uscis',
    urgent: true,
    reasons: [
      'expedite-not-requested',
      'not-contacted-uscis',
      'only-checked-status',
      'uscis-needs-time',
      'uscis-contact-old',
      'within-processing-time',
    ],
    nextSteps: [step('ask-expedite'), step('gather-emergency-proof'), step('keep-service-request-number'), step('come-back-if-not-resolved')],
    referrals: ['uscis-contact-center', 'uscis-online-account'],
    startsRequest: false,
  }),
  // An emergency not yet put to USCIS always goes to 'expedite-first' (the
  // decision checks it before these), so these three are never urgent.
  outcome({
    id: 'first-try-uscis',
    kind: 'first-try-uscis',
    urgent: false,
    reasons: ['not-contacted-uscis', 'only-checked-status', 'within-processing-time', 'expedite-denied', 'receipt-delay-too-early'],
    nextSteps: [step('check-case-status'), step('contact-uscis'), step('keep-service-request-number'), step('come-back-after-60')],
    referrals: USCIS_WAYS,
    startsRequest: false,
  }),
  outcome({
    id: 'wait-for-uscis',
    kind: 'first-try-uscis',
    urgent: false,
    reasons: ['uscis-needs-time', 'within-processing-time', 'expedite-denied', 'receipt-delay-too-early'],
    nextSteps: [step('give-uscis-time'), step('keep-service-request-number'), step('come-back-if-not-resolved')],
    referrals: USCIS_WAYS,
    comeBack: { question: Q.lastContactDate, days: WAIT, message: msg('come-back', 'uscis-time') },
    startsRequest: false,
  }),
  outcome({
    id: 'contact-uscis-again',
    kind: 'first-try-uscis',
    urgent: false,
    reasons: ['uscis-contact-old', 'within-processing-time', 'expedite-denied', 'receipt-delay-too-early'],
    nextSteps: [step('contact-uscis-again'), step('keep-service-request-number'), step('come-back-after-60')],
    referrals: USCIS_WAYS,
    startsRequest: false,
  }),
  // ---- The Ombudsman may be able to help
  outcome({
    id: 'may-help',
    kind: 'may-help',
    urgent: ref('emergencyActive'),
    reasons: [
      'emergency',
      'expedite-requested',
      'processing-delay-outside',
      'no-posted-time',
      'receipt-delay',
      'decision-error-identified',
      'processing-mistake',
      'other-unresolved',
      'contacted-uscis',
      'contact-date-unknown',
      'expedite-not-requested',
      'within-processing-time',
      'expedite-denied',
      'receipt-delay-too-early',
      'receipt-number-missing',
    ],
    nextSteps: [
      step('start-request'),
      when(ref('expediteNotAsked'), step('ask-expedite')),
      when(is(Q.receipt, 'lost'), step('find-receipt-number')),
      when(ref('contactUnknown'), step('find-service-request-number')),
      step('keep-answering-uscis'),
      step('wait-for-ombudsman'),
    ],
    checklist: [
      msg('checklist', 'receipt-numbers'),
      when(ref('receiptMissing'), msg('checklist', 'proof-of-mailing')),
      msg('checklist', 'service-request-number'),
      msg('checklist', 'copies-sent'),
      msg('checklist', 'copies-received'),
      when(ref('emergencyActive'), msg('checklist', 'emergency-proof')),
      when(ref('mistakeActive'), msg('checklist', 'error-explanation')),
      msg('checklist', 'consent'),
      msg('checklist', 'no-originals'),
    ],
    notices: [DEADLINES],
    referrals: ['ombudsman-request'],
    startsRequest: true,
  }),
];

// ---------------------------------------------------------------- referrals

function referral(id: string, facts: string[]): Referral {
  return { id, name: msg('referral', id, 'name'), description: msg('referral', id, 'description'), facts };
}

/**
 * Fact ids are those of src/facts/contacts.ts; any listed in PENDING_FACTS
 * are not there yet, and the view shows the referral's name and description
 * without them until they exist.
 */
const referralList: Referral[] = [
  referral('uscis-contact-center', ['uscisContactCenterPhone', 'uscisContactCenterTty', 'uscisContactCenterUrl']),
  referral('uscis-online-account', ['uscisOnlineAccountUrl']),
  referral('uscis-case-status', ['uscisCaseStatusUrl']),
  referral('uscis-appointment', ['uscisAppointmentUrl']),
  referral('uscis-processing-times', ['uscisProcessingTimesUrl']),
  referral('ombudsman-request', ['ombudsmanOnlineFormUrl', 'ombudsmanCaseAssistanceUrl', 'ombudsmanPhoneTollFree']),
  referral('oido', ['oidoWebsite']),
  referral('legal-help', ['legalFindServicesUrl', 'legalProBonoListUrl', 'legalRecognizedOrgsUrl']),
  referral('state-dept', ['stateDeptVisaUrl']),
  referral('eoir', ['eoirWebsite']),
  referral('cbp', ['cbpWebsite']),
];

/** Fact ids the rules need that src/facts/contacts.ts does not have yet. */
export const PENDING_FACTS: readonly string[] = [];

const byId = <T extends { id: string }>(list: readonly T[]): Record<string, T> =>
  Object.fromEntries(list.map((item) => [item.id, item]));

export const SCREENER_RULES: Rules = {
  version: 1,
  start: Q.about,
  questions: byId(questionList),
  conditions,
  decision: [
    // Nothing qualifies (yet): say why, most specific first.
    { when: all(not(ref('anyActive')), ref('receiptTooEarly')), outcome: 'receipt-wait' },
    { when: all(not(ref('anyActive')), ref('delayWithin')), outcome: 'not-yet' },
    { when: not(ref('anyActive')), outcome: 'expedite-denied' },
    // Something qualifies and USCIS had its chance.
    { when: any(ref('emergencyReady'), ref('othersReady')), outcome: 'may-help' },
    // Something qualifies but USCIS comes first.
    { when: ref('expediteNotAsked'), outcome: 'expedite-first' },
    { when: not(ref('contacted')), outcome: 'first-try-uscis' },
    { when: ref('contactTooRecent'), outcome: 'wait-for-uscis' },
    { outcome: 'contact-uscis-again' },
  ],
  reasons,
  outcomes: byId(outcomeList),
  referrals: byId(referralList),
  processing: {
    receivedDate: Q.receivedDate,
    postedTime: Q.postedTime,
    noPostedTimeMonths: POLICY_NUMBERS.noPostedTimeMonths,
  },
};

/** Message ids the view needs beyond those the rules hold. */
export const reasonMessageId = (code: ReasonCode): MessageId => msg('reason', code);
export const errorMessageId = (code: string): MessageId => msg('error', code);
export const outcomeKindMessageId = (kind: string): MessageId => msg('kind', kind);

/** Texts the screener view shows that no rule names (result boxes, banners). */
export const VIEW_MESSAGE_IDS: readonly MessageId[] = [
  msg('urgent'),
  msg('processing', 'outside'),
  msg('processing', 'within'),
  msg('processing', 'basis', 'posted'),
  msg('processing', 'basis', 'range'),
  msg('processing', 'basis', 'no-posted-time'),
];

/**
 * Policy numbers some screener messages mention ({waitDays} and the like),
 * so the numbers live once, in src/facts. The view passes these values with
 * every screener message, plus {date} and {form} where a message takes them.
 */
export const SCREENER_MESSAGE_VALUES = {
  waitDays: POLICY_NUMBERS.uscisResolutionWaitDays,
  recentDays: POLICY_NUMBERS.lastUscisContactMaxDays,
  receiptDays: POLICY_NUMBERS.receiptDelayDays,
  receiptUscisDays: POLICY_NUMBERS.receiptDelayUscisDays,
  noPostedMonths: POLICY_NUMBERS.noPostedTimeMonths,
} as const;
