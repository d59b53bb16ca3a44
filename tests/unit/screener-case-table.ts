/**
 * The screener's rules as a table of cases, each traced to its source:
 *   B   = the Ombudsman's brochure (seeds 001/002): when it can and cannot help,
 *         USCIS customer service first.
 *   D   = the detention-ombudsman notice (seed 000).
 *   P.x = src/facts/ombudsman-policy.ts, fact x.
 * Run by screener-cases.test.ts together with screener-case-table-advice.ts.
 */
import { addDays, addMonths } from '../../src/shared/dates';
import type { AnswerValue, OutcomeKind, ReasonCode } from '../../src/screener/types';

export const TODAY = '2026-11-25';
export const ago = (days: number) => addDays(TODAY, -days);
export const monthsAgo = (months: number) => addMonths(TODAY, -months);

export type A = Record<string, AnswerValue>;
export const uscis = (rest: A): A => ({ about: 'uscis', wants: 'processing-help', receipt: 'have', ...rest });
/** A delay case: received `received`, posted time `posted`. */
export const delay = (received: string, posted: AnswerValue, rest: A = {}): A =>
  uscis({ problems: ['past-processing-time'], 'form-type': 'i485', 'received-date': received, 'posted-time': posted, ...rest });
export const contacted = (daysAgo: number | 'unknown', how: string[] = ['service-request']): A => ({
  'uscis-contact': how,
  'last-contact-date': daysAgo === 'unknown' ? 'unknown' : ago(daysAgo),
});
export const months = (n: number) => ({ kind: 'months', months: n }) as const;

export interface Case {
  name: string;
  source: string;
  answers: A;
  outcome: string;
  kind: OutcomeKind;
  reasons: ReasonCode[];
  urgent?: boolean;
  comeBackOn?: string;
}

export const baseCases: Case[] = [
  // ---- What the problem is about
  { name: 'detention conditions', source: 'D', answers: { about: 'detention' }, outcome: 'detention', kind: 'go-elsewhere', reasons: ['detention-conditions'] },
  { name: 'visa at a consulate', source: 'B, P.jurisdictionUscisOnly', answers: { about: 'consulate' }, outcome: 'consulate', kind: 'go-elsewhere', reasons: ['visa-consulate'] },
  { name: 'immigration court', source: 'B, P.jurisdictionUscisOnly', answers: { about: 'court' }, outcome: 'court', kind: 'go-elsewhere', reasons: ['immigration-court'] },
  { name: 'the border', source: 'B, P.jurisdictionUscisOnly', answers: { about: 'border' }, outcome: 'border', kind: 'go-elsewhere', reasons: ['border'] },
  { name: 'another agency', source: 'B', answers: { about: 'other-agency' }, outcome: 'other-agency', kind: 'go-elsewhere', reasons: ['other-agency'] },
  { name: 'something else', source: 'B', answers: { about: 'something-else' }, outcome: 'not-uscis', kind: 'cannot-help', reasons: ['not-uscis'] },

  // ---- What the person wants
  { name: 'legal advice', source: 'B', answers: { about: 'uscis', wants: 'legal-advice' }, outcome: 'legal-advice', kind: 'cannot-help', reasons: ['no-legal-advice'] },
  {
    name: 'overturn a decision without an identifiable error',
    source: 'B',
    answers: { about: 'uscis', wants: 'overturn', 'decision-error': 'no' },
    outcome: 'decision-no-error',
    kind: 'cannot-help',
    reasons: ['cannot-change-decisions'],
  },
  {
    name: 'overturn with an identifiable error, USCIS asked 75 days ago',
    source: 'B, P.uscisResolutionWaitDays',
    answers: { about: 'uscis', wants: 'overturn', 'decision-error': 'yes', receipt: 'have', ...contacted(75) },
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['decision-error-identified', 'contacted-uscis'],
  },
  {
    name: 'overturn with an error, USCIS never asked',
    source: 'B, P.officeOfLastResort',
    answers: { about: 'uscis', wants: 'overturn', 'decision-error': 'yes', receipt: 'have', 'uscis-contact': ['none'] },
    outcome: 'first-try-uscis',
    kind: 'first-try-uscis',
    reasons: ['not-contacted-uscis'],
  },

  // ---- Pending past the posted time
  {
    name: 'long past a single posted time, service request 70 days ago',
    source: 'B, P.caseInquiryDate, P.uscisResolutionWaitDays',
    answers: delay(monthsAgo(24), months(9), contacted(70)),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['processing-delay-outside', 'contacted-uscis'],
  },
  {
    name: 'inside the posted time: not yet, with the day it will be outside',
    source: 'P.caseInquiryDate',
    answers: delay('2026-08-31', months(6)),
    outcome: 'not-yet',
    kind: 'not-yet',
    reasons: ['within-processing-time'],
    comeBackOn: '2027-03-01',
  },
  {
    name: 'a range: between its ends is still inside (upper end counts)',
    source: 'P.caseInquiryDateIsUpperEnd',
    answers: delay(monthsAgo(9), { kind: 'range', min: 7, max: 9.5 }),
    outcome: 'not-yet',
    kind: 'not-yet',
    reasons: ['within-processing-time'],
  },
  {
    name: 'a range: past its upper end, USCIS asked exactly 60 days ago (after the case was late)',
    source: 'P.caseInquiryDateIsUpperEnd, P.uscisResolutionWaitDays',
    answers: delay(monthsAgo(13), { kind: 'range', min: 7, max: 9.5 }, contacted(60)),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['processing-delay-outside', 'contacted-uscis'],
  },
  {
    name: 'no posted time, pending ten months',
    source: 'P.noPostedTimeMonths',
    answers: delay(monthsAgo(10), { kind: 'none' }, contacted(80, ['contact-center'])),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['processing-delay-outside', 'no-posted-time', 'contacted-uscis'],
  },
  {
    name: 'no posted time, pending five months',
    source: 'P.noPostedTimeMonths',
    answers: delay(monthsAgo(5), { kind: 'none' }),
    outcome: 'not-yet',
    kind: 'not-yet',
    reasons: ['within-processing-time', 'no-posted-time'],
    comeBackOn: addDays(addMonths(monthsAgo(5), 6), 1),
  },
  {
    name: 'outside, but only checked the case status',
    source: 'P.uscisContactSteps',
    answers: delay(monthsAgo(24), months(9), { 'uscis-contact': ['case-status'] }),
    outcome: 'first-try-uscis',
    kind: 'first-try-uscis',
    reasons: ['only-checked-status'],
  },
  {
    name: 'outside, never contacted USCIS',
    source: 'B, P.officeOfLastResort',
    answers: delay(monthsAgo(24), months(9), { 'uscis-contact': ['none'] }),
    outcome: 'first-try-uscis',
    kind: 'first-try-uscis',
    reasons: ['not-contacted-uscis'],
  },
  {
    name: 'outside, USCIS asked 59 days ago: wait, come back on day 60',
    source: 'P.uscisResolutionWaitDays',
    answers: delay(monthsAgo(24), months(9), contacted(59)),
    outcome: 'wait-for-uscis',
    kind: 'first-try-uscis',
    reasons: ['uscis-needs-time'],
    comeBackOn: addDays(ago(59), 60),
  },
  {
    name: 'outside, last asked USCIS 91 days ago',
    source: 'P.lastUscisContactMaxDays',
    answers: delay(monthsAgo(24), months(9), contacted(91)),
    outcome: 'contact-uscis-again',
    kind: 'first-try-uscis',
    reasons: ['uscis-contact-old'],
  },
  {
    name: 'outside, last asked USCIS exactly 90 days ago',
    source: 'P.lastUscisContactMaxDays',
    answers: delay(monthsAgo(24), months(9), contacted(90, ['appointment'])),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['processing-delay-outside', 'contacted-uscis'],
  },
  {
    name: 'outside, does not remember when USCIS was asked',
    source: 'P.serviceRequestNumberIsProof',
    answers: delay(monthsAgo(24), months(9), contacted('unknown', ['contact-center', 'case-status'])),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['processing-delay-outside', 'contacted-uscis', 'contact-date-unknown'],
  },

  // ---- Emergencies
  {
    name: 'emergency, expedite not asked: ask USCIS first, urgent',
    source: 'P.emergencyUnderExpediteCriteria, P.officeOfLastResort',
    answers: uscis({ problems: ['emergency'], expedite: 'not-asked' }),
    outcome: 'expedite-first',
    kind: 'first-try-uscis',
    reasons: ['expedite-not-requested'],
    urgent: true,
  },
  {
    name: 'emergency, expedite asked and pending: no 60-day wait',
    source: 'B, P.emergencyUnderExpediteCriteria',
    answers: uscis({ problems: ['emergency'], expedite: 'asked' }),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['emergency', 'expedite-requested'],
    urgent: true,
  },
  {
    name: 'emergency, expedite denied',
    source: 'P.expediteDenied',
    answers: uscis({ problems: ['emergency'], expedite: 'denied' }),
    outcome: 'expedite-denied',
    kind: 'cannot-help',
    reasons: ['expedite-denied'],
  },
  {
    name: 'emergency denied, but also a mistake USCIS had 70 days to fix',
    source: 'P.expediteDenied, B',
    answers: uscis({ problems: ['emergency', 'mistake'], expedite: 'denied', ...contacted(70) }),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['processing-mistake', 'contacted-uscis', 'expedite-denied'],
    urgent: false,
  },
  {
    name: 'emergency with expedite asked, delay still inside the posted time',
    source: 'P.emergencyUnderExpediteCriteria, P.caseInquiryDate',
    answers: uscis({ problems: ['emergency', 'past-processing-time'], 'form-type': 'i765', 'received-date': monthsAgo(2), 'posted-time': months(6), expedite: 'asked' }),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['emergency', 'expedite-requested', 'within-processing-time'],
    urgent: true,
  },
  {
    name: 'emergency not put to USCIS, another problem ready: may help, and ask for the expedite',
    source: 'P.uscisResolutionWaitDays, P.emergencyUnderExpediteCriteria',
    answers: uscis({ problems: ['emergency', 'other-unresolved'], expedite: 'not-asked', ...contacted(70) }),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['emergency', 'other-unresolved', 'contacted-uscis', 'expedite-not-requested'],
    urgent: true,
  },
  {
    name: 'emergency not put to USCIS, another problem not put either',
    source: 'P.officeOfLastResort',
    answers: uscis({ problems: ['emergency', 'other-unresolved'], expedite: 'not-asked', 'uscis-contact': ['none'] }),
    outcome: 'expedite-first',
    kind: 'first-try-uscis',
    reasons: ['expedite-not-requested', 'not-contacted-uscis'],
    urgent: true,
  },
  {
    name: 'emergency denied and delay inside the posted time',
    source: 'P.expediteDenied, P.caseInquiryDate',
    answers: uscis({ problems: ['emergency', 'past-processing-time'], 'form-type': 'other', 'received-date': monthsAgo(2), 'posted-time': months(6), expedite: 'denied' }),
    outcome: 'not-yet',
    kind: 'not-yet',
    reasons: ['within-processing-time', 'expedite-denied'],
    urgent: false,
  },

  // ---- Receipt notices and numbers
  {
    name: 'mistake, receipt notice lost: may help, and where to find the number',
    source: 'B (include all receipt numbers)',
    answers: uscis({ problems: ['mistake'], receipt: 'lost', ...contacted(70) }),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['processing-mistake', 'contacted-uscis', 'receipt-number-missing'],
  },
  {
    name: 'no receipt notice 100 days after filing, USCIS asked 65 days ago',
    source: 'P.receiptDelayDays',
    answers: uscis({ problems: ['other-unresolved'], receipt: 'never-received', 'filed-date': ago(100), ...contacted(65) }),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['receipt-delay', 'other-unresolved', 'contacted-uscis'],
  },
  {
    name: 'no receipt notice 30 days after filing',
    source: 'P.receiptDelayDays, P.receiptDelayUscisDays',
    answers: uscis({ problems: ['past-processing-time'], receipt: 'never-received', 'filed-date': ago(30) }),
    outcome: 'receipt-wait',
    kind: 'not-yet',
    reasons: ['receipt-delay-too-early'],
    comeBackOn: addDays(ago(30), 90),
  },
  {
    name: 'no receipt notice 89 days after filing',
    source: 'P.receiptDelayDays',
    answers: uscis({ problems: ['past-processing-time'], receipt: 'never-received', 'filed-date': ago(89) }),
    outcome: 'receipt-wait',
    kind: 'not-yet',
    reasons: ['receipt-delay-too-early'],
    comeBackOn: addDays(TODAY, 1),
  },
  {
    name: 'no receipt notice exactly 90 days after filing, USCIS asked 60 days ago',
    source: 'P.receiptDelayDays, P.uscisResolutionWaitDays',
    answers: uscis({ problems: ['past-processing-time'], receipt: 'never-received', 'filed-date': ago(90), ...contacted(60, ['contact-center']) }),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['receipt-delay', 'contacted-uscis'],
  },
  {
    name: 'a mistake still qualifies while a missing receipt is too early',
    source: 'P.receiptDelayDays, B',
    answers: uscis({ problems: ['mistake'], receipt: 'never-received', 'filed-date': ago(80), ...contacted(62) }),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['processing-mistake', 'contacted-uscis', 'receipt-delay-too-early'],
  },

  // ---- Other problems and USCIS timing
  {
    name: 'mistake, appointment 45 days ago',
    source: 'P.uscisResolutionWaitDays',
    answers: uscis({ problems: ['mistake'], ...contacted(45, ['appointment']) }),
    outcome: 'wait-for-uscis',
    kind: 'first-try-uscis',
    reasons: ['uscis-needs-time'],
    comeBackOn: addDays(ago(45), 60),
  },
  {
    name: 'other problem, contact center 120 days ago',
    source: 'P.lastUscisContactMaxDays',
    answers: uscis({ problems: ['other-unresolved'], ...contacted(120, ['contact-center']) }),
    outcome: 'contact-uscis-again',
    kind: 'first-try-uscis',
    reasons: ['uscis-contact-old'],
  },
  {
    name: 'all four problems, everything done',
    source: 'B',
    answers: delay(monthsAgo(30), months(12), {
      problems: ['emergency', 'past-processing-time', 'mistake', 'other-unresolved'],
      expedite: 'asked',
      'uscis-contact': ['contact-center', 'service-request', 'appointment', 'case-status'],
    }),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['emergency', 'expedite-requested', 'processing-delay-outside', 'processing-mistake', 'other-unresolved'],
    urgent: true,
  },
];
