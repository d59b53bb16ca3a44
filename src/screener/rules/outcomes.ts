/**
 * What each answer means: outcomes with their reasons, next steps and
 * referrals. The engine keeps the reasons whose conditions hold.
 */
import type { Outcome } from '../types';
import { Q, is, msg, ref, step, when } from './build';
import { NATURALIZATION_PAST, RECEIPT_WAIT, SIJ_PAST, WAIT } from './conditions';

const DEADLINES = msg('notice', 'deadlines');

const USCIS_WAYS = ['uscis-contact-center', 'uscis-online-account', 'uscis-case-status', 'uscis-appointment'];

function outcome(o: Omit<Outcome, 'title' | 'summary'>): Outcome {
  return { ...o, title: msg('outcome', o.id, 'title'), summary: msg('outcome', o.id, 'summary') };
}

/**
 * Shown first on every outcome whose condition holds: a person who thinks a
 * denial is wrong must hear about the appeal deadline before anything else,
 * whatever the rest of the answer is.
 */
export const leadWarnings = [when(ref('deniedDecision'), msg('notice', 'appeal-deadline'))];

export const outcomeList: Outcome[] = [
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
    id: 'records',
    kind: 'go-elsewhere',
    urgent: false,
    reasons: ['records-request'],
    nextSteps: [step('request-records'), step('records-problem-ogis'), step('start-over-if-case-problem')],
    referrals: ['uscis-foia', 'ogis'],
    startsRequest: false,
  }),
  outcome({
    id: 'decision-no-error',
    kind: 'cannot-help',
    urgent: false,
    reasons: ['cannot-change-decisions'],
    nextSteps: [step('appeal-or-motion'), step('find-legal-help'), step('come-back-if-error')],
    referrals: ['legal-help'],
    startsRequest: false,
  }),
  // ---- Not (yet) for the Ombudsman
  outcome({
    id: 'receipt-wait',
    kind: 'not-yet',
    urgent: false,
    reasons: ['receipt-delay-too-early'],
    nextSteps: [step('receipt-contact-uscis-after-60'), step('keep-proof-of-delivery'), step('come-back-if-not-resolved')],
    referrals: USCIS_WAYS,
    comeBack: { on: { question: Q.filedDate, days: RECEIPT_WAIT }, message: msg('come-back', 'receipt') },
    startsRequest: false,
  }),
  outcome({
    id: 'not-yet',
    kind: 'not-yet',
    urgent: false,
    reasons: ['within-processing-time', 'no-posted-time', 'expedite-denied'],
    nextSteps: [step('check-processing-times-again'), step('then-contact-uscis'), step('come-back-if-not-resolved')],
    referrals: ['uscis-processing-times', 'uscis-case-status'],
    // A limit in law may end before the posted time does: come back on whichever day is first.
    comeBack: {
      on: 'processing-outside',
      orEarlier: [
        { when: is(Q.formType, 'n400'), on: { question: Q.interviewDate, days: NATURALIZATION_PAST } },
        { when: is(Q.sij, 'yes'), on: { question: Q.receivedDate, days: SIJ_PAST } },
      ],
      message: msg('come-back', 'processing'),
    },
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
    reasons: ['naturalization-limit-passed', 'sij-limit-passed', 'not-contacted-uscis', 'only-checked-status', 'within-processing-time', 'expedite-denied', 'receipt-delay-too-early'],
    nextSteps: [step('check-case-status'), step('contact-uscis'), step('keep-service-request-number'), step('come-back-after-60')],
    referrals: USCIS_WAYS,
    startsRequest: false,
  }),
  outcome({
    id: 'wait-for-uscis',
    kind: 'first-try-uscis',
    urgent: false,
    reasons: ['naturalization-limit-passed', 'sij-limit-passed', 'uscis-needs-time', 'uscis-contact-before-delay', 'within-processing-time', 'expedite-denied', 'receipt-delay-too-early'],
    nextSteps: [step('give-uscis-time'), step('keep-service-request-number'), step('come-back-if-not-resolved')],
    referrals: USCIS_WAYS,
    comeBack: { on: { question: Q.lastContactDate, days: WAIT }, message: msg('come-back', 'uscis-time') },
    startsRequest: false,
  }),
  outcome({
    id: 'contact-uscis-again',
    kind: 'first-try-uscis',
    urgent: false,
    reasons: ['naturalization-limit-passed', 'sij-limit-passed', 'uscis-contact-old', 'uscis-contact-before-delay', 'within-processing-time', 'expedite-denied', 'receipt-delay-too-early'],
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
      'naturalization-limit-passed',
      'sij-limit-passed',
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
