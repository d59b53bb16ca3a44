/**
 * What the request form (Form DHS-7001) takes from the screener's answers:
 * only answers on the path actually taken, nothing that names the person.
 * Pure; split from the engine so each stays one job.
 */
import { isIsoDate, isPostedTime, type IsoDate, type PostedTime, type ProcessingCheck } from '../shared/dates';
import { readScreenerBlock, SCREENER_QUESTIONS, type ScreenerBlock } from '../shared/screener-answers';
import type { Evaluation } from './engine';
import { USCIS_FORMS } from '../facts/uscis-forms';
import { Q } from './rules/build';
import type { AnswerValue, Answers, OutcomeId, OutcomeKind, QuestionId, ReasonCode } from './types';

export type ScreenerProblemKind =
  | 'emergency'
  | 'processing-delay'
  | 'processing-mistake'
  | 'decision-error'
  | 'receipt-delay'
  | 'other-unresolved';

export type PriorContactKind = 'contact-center' | 'service-request' | 'appointment' | 'case-status';

/**
 * What the request form (Form DHS-7001) can take from the screener. Only
 * answers on the path taken; nothing that names or identifies the person.
 */
export interface ScreenerPrefill {
  outcomeId?: OutcomeId;
  outcomeKind?: OutcomeKind;
  urgent: boolean;
  /** Kinds of problem, as the person described them (not only those that qualified). */
  problemKinds: ScreenerProblemKind[];
  /** Form number such as "I-485"; absent for "another form" or when not asked. */
  formType?: string;
  /** Date USCIS received the case (receipt notice). */
  receivedDate?: IsoDate;
  /** Date the person sent the case, when no receipt notice came. */
  filedDate?: IsoDate;
  processing?: {
    posted: PostedTime;
    basis: ProcessingCheck['basis'];
    months: number;
    outside: boolean;
    outsideFrom: IsoDate;
  };
  /** Ways the person already tried USCIS. */
  priorContacts: PriorContactKind[];
  /** Absent when not asked or "I don't remember". */
  lastContactDate?: IsoDate;
  expedite?: 'not-asked' | 'asked' | 'denied';
  receiptNotice?: 'have' | 'lost' | 'never-received';
  reasons: ReasonCode[];
  /** The outcome's kind and every answer on the path, as the request carries them to the office. */
  block?: ScreenerBlock;
}

const PROBLEM_KINDS: Readonly<Record<string, ScreenerProblemKind>> = {
  emergency: 'emergency',
  'past-processing-time': 'processing-delay',
  mistake: 'processing-mistake',
  'other-unresolved': 'other-unresolved',
};

const CONTACT_KINDS: readonly PriorContactKind[] = ['contact-center', 'service-request', 'appointment', 'case-status'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Maps the answers on `result.path` to request-draft fields. */
export function prefillFromAnswers(answers: Answers, result: Evaluation): ScreenerPrefill {
  const onPath = new Set(result.path);
  const get = (id: QuestionId): AnswerValue | undefined => (onPath.has(id) ? answers[id] : undefined);
  const date = (id: QuestionId): IsoDate | undefined => {
    const v = get(id);
    return typeof v === 'string' && isIsoDate(v) ? v : undefined;
  };

  const problemKinds: ScreenerProblemKind[] = [];
  const add = (k: ScreenerProblemKind) => {
    if (!problemKinds.includes(k)) problemKinds.push(k);
  };
  const problems = get(Q.problems);
  if (Array.isArray(problems)) for (const p of problems) if (PROBLEM_KINDS[p]) add(PROBLEM_KINDS[p]);
  if (get(Q.decisionError) === 'yes') add('decision-error');
  if (get(Q.receipt) === 'never-received') add('receipt-delay');

  const contacts = get(Q.uscisContact);
  const priorContacts = Array.isArray(contacts) ? CONTACT_KINDS.filter((k) => contacts.includes(k)) : [];

  const form = get(Q.formType);
  const formType = typeof form === 'string' && form in USCIS_FORMS ? USCIS_FORMS[form as keyof typeof USCIS_FORMS] : undefined;

  const prefill: ScreenerPrefill = {
    urgent: result.kind === 'outcome' ? result.urgent : false,
    problemKinds,
    priorContacts,
    reasons: result.kind === 'outcome' ? [...result.reasons] : [],
  };
  if (result.kind === 'outcome') {
    prefill.outcomeId = result.outcome.id;
    prefill.outcomeKind = result.outcome.kind;
    const posted = get(Q.postedTime);
    if (result.processing && isPostedTime(posted)) {
      const { basis, months, outside, outsideFrom } = result.processing;
      prefill.processing = { posted, basis, months, outside, outsideFrom };
    }
  }
  if (result.kind === 'outcome') {
    const onPathAnswers = Object.fromEntries(Object.keys(SCREENER_QUESTIONS).flatMap((id) => (get(id) === undefined ? [] : [[id, get(id)]])));
    const block = readScreenerBlock({ outcome: result.outcome.kind, answers: onPathAnswers });
    if (block) prefill.block = block;
  }
  if (formType) prefill.formType = formType;
  const receivedDate = date(Q.receivedDate);
  if (receivedDate) prefill.receivedDate = receivedDate;
  const filedDate = date(Q.filedDate);
  if (filedDate) prefill.filedDate = filedDate;
  const lastContactDate = date(Q.lastContactDate);
  if (lastContactDate) prefill.lastContactDate = lastContactDate;
  const expedite = oneOf(get(Q.expedite), ['not-asked', 'asked', 'denied'] as const);
  if (expedite) prefill.expedite = expedite;
  const receiptNotice = oneOf(get(Q.receipt), ['have', 'lost', 'never-received'] as const);
  if (receiptNotice) prefill.receiptNotice = receiptNotice;
  return prefill;
}
