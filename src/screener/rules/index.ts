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
 *   wants      legal advice ends here (the Ombudsman gives none), and so
 *              does a copy of one's records (a FOIA request, not case
 *              assistance); overturning a decision needs a mistake the
 *              person can point to, and every answer reached that way
 *              warns first about the appeal or motion deadline.
 *   problems   which problems (several may apply).
 *   receipt    receipt notice in hand, lost, or never received (then: when
 *              was it sent?).
 *   form-type, interview-date / sij, received-date, posted-time
 *              only for "pending past the posted time"; naturalization and
 *              Special Immigrant Juvenile petitions also have a time limit
 *              in law, which counts even inside the posted time.
 *   expedite   only for an emergency: USCIS decides expedites, so it must be
 *              asked first, and a denied expedite is not the Ombudsman's to
 *              change.
 *   uscis-contact, last-contact-date
 *              the Ombudsman is the office of last resort: USCIS first, and
 *              USCIS gets 60 days, counted from a contact in the last 90;
 *              for a slow case, only a contact made once it was late counts.
 * Then `decision` picks the outcome ("not yet" is its own kind: wait until
 * a date, then come back). Each problem is judged on its own:
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
 * The rules are split by topic: build.ts (ids and condition builders),
 * questions.ts, conditions.ts (conditions and reasons), outcomes.ts,
 * referrals.ts.
 *
 * Every text is a message id under `screener.`; contacts are fact ids
 * (src/facts/contacts.ts) carried by referrals, never written in messages.
 * tests/unit/screener-properties.test.ts checks that every id used here
 * exists, every question is reachable and every outcome can be reached
 * with at least one reason.
 */
import { FACTS } from '../../facts/contacts';
import { POLICY_NUMBERS } from '../../facts/ombudsman-policy';
import type { MessageId, ReasonCode, Rules } from '../types';
import { Q, all, any, msg, not, ref } from './build';
import { conditions, reasons } from './conditions';
import { leadWarnings, outcomeList } from './outcomes';
import { questionList } from './questions';
import { referralList } from './referrals';

export { Q } from './build';

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
    // The only contact about a slow case came before it was late: it does not count.
    { when: all(ref('contactBeforeDelay'), not(ref('nonDelayActive'))), outcome: 'contact-uscis-again' },
    { when: ref('contactTooRecent'), outcome: 'wait-for-uscis' },
    { outcome: 'contact-uscis-again' },
  ],
  reasons,
  warnings: leadWarnings,
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
  naturalizationDays: POLICY_NUMBERS.naturalizationDecisionDays,
  sijDays: POLICY_NUMBERS.sijDecisionDays,
  appealDays: POLICY_NUMBERS.appealMotionDays,
  appealMailedDays: POLICY_NUMBERS.appealMotionMailedDays,
  appealForm: FACTS.formI290b.value,
} as const;
