/**
 * Named conditions and when each reason applies. Numbers come from
 * src/facts/ombudsman-policy.ts, so a changed policy is one edit there.
 */
import { POLICY_NUMBERS } from '../../facts/ombudsman-policy';
import type { Condition, ReasonCode } from '../types';
import { Q, all, any, includes, is, not, ref } from './build';

export const WAIT = POLICY_NUMBERS.uscisResolutionWaitDays; // 60
export const RECENT = POLICY_NUMBERS.lastUscisContactMaxDays; // 90
export const RECEIPT_WAIT = POLICY_NUMBERS.receiptDelayDays; // 90
// The day after the limit in law is the first day past it.
export const NATURALIZATION_PAST = POLICY_NUMBERS.naturalizationDecisionDays + 1; // 121
export const SIJ_PAST = POLICY_NUMBERS.sijDecisionDays + 1; // 181

export const conditions: Record<string, Condition> = {
  emergencySelected: includes(Q.problems, 'emergency'),
  emergencyActive: all(ref('emergencySelected'), not(is(Q.expedite, 'denied'))),
  emergencyReady: all(ref('emergencySelected'), is(Q.expedite, 'asked')),
  expediteNotAsked: all(ref('emergencySelected'), is(Q.expedite, 'not-asked')),
  expediteDenied: all(ref('emergencySelected'), is(Q.expedite, 'denied')),

  receiptMissing: is(Q.receipt, 'never-received'),
  receiptDelayActive: all(ref('receiptMissing'), { question: Q.filedDate, daysAgo: { min: RECEIPT_WAIT } }),
  receiptTooEarly: all(ref('receiptMissing'), { question: Q.filedDate, daysAgo: { max: RECEIPT_WAIT - 1 } }),

  // Limits set by law count whatever USCIS posts: a naturalization decision
  // is due 120 days after the interview, a Special Immigrant Juvenile
  // petition 180 days after filing.
  naturalizationLimitPassed: all(is(Q.formType, 'n400'), { question: Q.interviewDate, daysAgo: { min: NATURALIZATION_PAST } }),
  sijLimitPassed: all(is(Q.sij, 'yes'), { question: Q.receivedDate, daysAgo: { min: SIJ_PAST } }),
  legalLimitPassed: any(ref('naturalizationLimitPassed'), ref('sijLimitPassed')),

  delaySelected: includes(Q.problems, 'past-processing-time'),
  delayActive: all(ref('delaySelected'), any({ processing: 'outside' }, ref('legalLimitPassed'))),
  delayWithin: all(ref('delaySelected'), { processing: 'within' }, not(ref('legalLimitPassed'))),

  mistakeActive: any(includes(Q.problems, 'mistake'), is(Q.decisionError, 'yes')),
  otherActive: includes(Q.problems, 'other-unresolved'),
  nonDelayActive: any(ref('mistakeActive'), ref('otherActive'), ref('receiptDelayActive')),

  nonEmergencyActive: any(ref('delayActive'), ref('nonDelayActive')),
  anyActive: any(ref('emergencyActive'), ref('nonEmergencyActive')),

  // Checking the status online is a first step, not asking USCIS to fix anything.
  contacted: { question: Q.uscisContact, includesAny: ['contact-center', 'service-request', 'appointment'] },
  onlyCheckedStatus: all(includes(Q.uscisContact, 'case-status'), not(ref('contacted'))),
  contactUnknown: { question: Q.lastContactDate, unknown: true },
  contactTimely: any({ question: Q.lastContactDate, daysAgo: { min: WAIT, max: RECENT } }, ref('contactUnknown')),
  contactTooRecent: { question: Q.lastContactDate, daysAgo: { max: WAIT - 1 } },
  contactTooOld: { question: Q.lastContactDate, daysAgo: { min: RECENT + 1 } },
  // For a slow case, only a contact made once the case was late counts:
  // before the first day outside the posted time, and before the first day
  // past each limit in law that has passed.
  contactBeforeDelay: all(
    ref('delayActive'),
    { question: Q.lastContactDate, before: 'processing-outside' },
    any(not(ref('naturalizationLimitPassed')), { question: Q.lastContactDate, before: { question: Q.interviewDate, days: NATURALIZATION_PAST } }),
    any(not(ref('sijLimitPassed')), { question: Q.lastContactDate, before: { question: Q.receivedDate, days: SIJ_PAST } }),
  ),
  delayReady: all(ref('delayActive'), not(ref('contactBeforeDelay'))),
  othersReady: all(ref('contacted'), ref('contactTimely'), any(ref('delayReady'), ref('nonDelayActive'))),

  deniedDecision: is(Q.wants, 'overturn'),
};

export const reasons: Record<ReasonCode, Condition> = {
  'detention-conditions': is(Q.about, 'detention'),
  'visa-consulate': is(Q.about, 'consulate'),
  'immigration-court': is(Q.about, 'court'),
  border: is(Q.about, 'border'),
  'other-agency': is(Q.about, 'other-agency'),
  'not-uscis': is(Q.about, 'something-else'),
  'no-legal-advice': is(Q.wants, 'legal-advice'),
  'records-request': is(Q.wants, 'records'),
  'cannot-change-decisions': is(Q.decisionError, 'no'),
  'decision-error-identified': is(Q.decisionError, 'yes'),
  emergency: ref('emergencyActive'),
  'processing-delay-outside': all(ref('delaySelected'), { processing: 'outside' }),
  'naturalization-limit-passed': all(ref('delaySelected'), ref('naturalizationLimitPassed')),
  'sij-limit-passed': all(ref('delaySelected'), ref('sijLimitPassed')),
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
  'uscis-contact-before-delay': all(ref('contacted'), ref('contactBeforeDelay')),
  'contacted-uscis': ref('othersReady'),
  'contact-date-unknown': all(ref('othersReady'), ref('contactUnknown')),
  'receipt-number-missing': is(Q.receipt, 'lost'),
};
