/**
 * The screener's questions and where each answer leads (see index.ts for
 * the flow in words).
 */
import { USCIS_FORMS, type UscisFormKey } from '../../facts/uscis-forms';
import type { Question } from '../types';
import { Q, all, is, msg, not, option, ref, to } from './build';

const FORM_KEYS = Object.keys(USCIS_FORMS) as UscisFormKey[];

export const questionList: Question[] = [
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
      option(Q.wants, 'records', { help: true }),
    ],
    next: [
      { when: is(Q.wants, 'legal-advice'), to: to.out('legal-advice') },
      { when: is(Q.wants, 'records'), to: to.out('records') },
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
    // Two forms have a time limit in law, not only a posted time: ask what it counts from.
    next: [
      { when: is(Q.formType, 'n400'), to: to.q(Q.interviewDate) },
      { when: is(Q.formType, 'i360'), to: to.q(Q.sij) },
      { to: to.q(Q.receivedDate) },
    ],
  },
  {
    id: Q.interviewDate,
    kind: 'date',
    title: msg('q', Q.interviewDate, 'title'),
    help: msg('q', Q.interviewDate, 'help'),
    unknownLabel: msg('q', Q.interviewDate, 'unknown'),
    next: [{ to: to.q(Q.receivedDate) }],
  },
  {
    id: Q.sij,
    kind: 'single',
    title: msg('q', Q.sij, 'title'),
    help: msg('q', Q.sij, 'help'),
    options: [option(Q.sij, 'yes'), option(Q.sij, 'no')],
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
      // Still inside the posted time (and any limit in law) and nothing else to judge.
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
