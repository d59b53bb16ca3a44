/**
 * Cases for the advice rules of issue 16, each traced to its source
 * (P.x = src/facts/ombudsman-policy.ts, fact x; B = the brochure):
 * records requests, limits in law, the USCIS contact that counts, and
 * "not yet" as its own answer. The appeal-deadline warning on denials is
 * checked over every case in screener-cases.test.ts.
 */
import { addDays } from '../../src/shared/dates';
import { TODAY, ago, contacted, delay, monthsAgo, months, type A, type Case } from './screener-case-table';

/** A naturalization case inside its posted time (received 6 months ago, USCIS posts 12), interview `interview` days ago. */
const naturalization = (interview: number | 'unknown', rest: A = {}): A =>
  delay(monthsAgo(6), months(12), { 'form-type': 'n400', 'interview-date': interview === 'unknown' ? 'unknown' : ago(interview), ...rest });
/** An I-360 petition received `receivedDaysAgo` days ago, USCIS posts 12 months. */
const petition = (receivedDaysAgo: number, sij: 'yes' | 'no', rest: A = {}): A =>
  delay(ago(receivedDaysAgo), months(12), { 'form-type': 'i360', sij, ...rest });

export const adviceCases: Case[] = [
  // ---- Records are not case assistance
  {
    name: 'a copy of one’s records: a FOIA request to USCIS, with OGIS for problems',
    source: 'P.recordsRequestNotCaseAssistance',
    answers: { about: 'uscis', wants: 'records' },
    outcome: 'records',
    kind: 'go-elsewhere',
    reasons: ['records-request'],
  },

  // ---- Limits in law count inside the posted time
  {
    name: 'naturalization 121 days after the interview, inside the posted time, USCIS not asked: USCIS first, not "not yet"',
    source: 'P.statutoryTimeLimits, P.naturalizationDecisionDays',
    answers: naturalization(121, { 'uscis-contact': ['none'] }),
    outcome: 'first-try-uscis',
    kind: 'first-try-uscis',
    reasons: ['naturalization-limit-passed', 'not-contacted-uscis'],
  },
  {
    name: 'naturalization exactly 120 days after the interview: not yet, come back tomorrow',
    source: 'P.naturalizationDecisionDays',
    answers: naturalization(120),
    outcome: 'not-yet',
    kind: 'not-yet',
    reasons: ['within-processing-time'],
    comeBackOn: addDays(TODAY, 1),
  },
  {
    name: 'naturalization 200 days after the interview, USCIS asked 70 days ago (after the limit): may help',
    source: 'P.naturalizationDecisionDays, P.contactAfterProcessingTime, P.uscisResolutionWaitDays',
    answers: naturalization(200, contacted(70)),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['naturalization-limit-passed', 'contacted-uscis'],
  },
  {
    name: 'naturalization 200 days after the interview, USCIS asked 85 days ago (before the limit passed): ask again',
    source: 'P.naturalizationDecisionDays, P.contactAfterProcessingTime',
    answers: naturalization(200, contacted(85)),
    outcome: 'contact-uscis-again',
    kind: 'first-try-uscis',
    reasons: ['naturalization-limit-passed', 'uscis-contact-before-delay'],
  },
  {
    name: 'naturalization, no interview yet, inside the posted time: not yet',
    source: 'P.caseInquiryDate',
    answers: naturalization('unknown'),
    outcome: 'not-yet',
    kind: 'not-yet',
    reasons: ['within-processing-time'],
    comeBackOn: '2027-05-26',
  },
  {
    name: 'Special Immigrant Juvenile petition 181 days after filing, inside the posted time: USCIS first',
    source: 'P.statutoryTimeLimits, P.sijDecisionDays',
    answers: petition(181, 'yes', { 'uscis-contact': ['none'] }),
    outcome: 'first-try-uscis',
    kind: 'first-try-uscis',
    reasons: ['sij-limit-passed', 'not-contacted-uscis'],
  },
  {
    name: 'Special Immigrant Juvenile petition 180 days after filing: not yet, come back tomorrow',
    source: 'P.sijDecisionDays',
    answers: petition(180, 'yes'),
    outcome: 'not-yet',
    kind: 'not-yet',
    reasons: ['within-processing-time'],
    comeBackOn: addDays(TODAY, 1),
  },
  {
    name: 'another I-360 petition 200 days after filing, inside the posted time: not yet',
    source: 'P.caseInquiryDate',
    answers: petition(200, 'no'),
    outcome: 'not-yet',
    kind: 'not-yet',
    reasons: ['within-processing-time'],
  },

  // ---- The USCIS contact that counts came after the case was late
  {
    name: 'late for about a month, USCIS asked 70 days ago (before it was late): ask again',
    source: 'P.contactAfterProcessingTime',
    answers: delay(monthsAgo(10), months(9), contacted(70)),
    outcome: 'contact-uscis-again',
    kind: 'first-try-uscis',
    reasons: ['uscis-contact-before-delay'],
  },
  {
    name: 'late for about a month, USCIS asked 40 days ago (before it was late): ask again, not "wait"',
    source: 'P.contactAfterProcessingTime',
    answers: delay(monthsAgo(10), months(9), contacted(40)),
    outcome: 'contact-uscis-again',
    kind: 'first-try-uscis',
    reasons: ['uscis-contact-before-delay'],
  },
  {
    name: 'late, an early contact, but also a mistake USCIS had 70 days to fix: may help for the mistake',
    source: 'P.contactAfterProcessingTime, B',
    answers: delay(monthsAgo(10), months(9), { problems: ['past-processing-time', 'mistake'], ...contacted(70) }),
    outcome: 'may-help',
    kind: 'may-help',
    reasons: ['processing-delay-outside', 'processing-mistake', 'contacted-uscis'],
  },

  // ---- Denials
  {
    name: 'a denial with a mistake, USCIS asked 30 days ago: wait, with the appeal deadline first',
    source: 'P.appealMotionDays, P.uscisResolutionWaitDays',
    answers: { about: 'uscis', wants: 'overturn', 'decision-error': 'yes', receipt: 'have', ...contacted(30) },
    outcome: 'wait-for-uscis',
    kind: 'first-try-uscis',
    reasons: ['uscis-needs-time'],
    comeBackOn: addDays(ago(30), 60),
  },
];
