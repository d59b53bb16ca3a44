/**
 * The vocabulary of the screener: what rules are made of (questions,
 * transitions, conditions, outcomes, referrals) and what answers look like.
 * Rules are plain data (rules/); the engine (engine.ts) reads any value of
 * this shape, so tests can feed it small made-up rule sets too.
 */
import type { OUTCOME_KINDS } from '../shared/event-stats';
import type { IsoDate, PostedTime } from '../shared/dates';

/** An id in locales/<lang>/messages.json. Rules never hold visible text. */
export type MessageId = string;

/** An id in src/facts/contacts.ts (phones, web addresses...). Views format facts; messages never contain them. */
export type FactRef = string;

export type QuestionId = string;
export type OptionId = string;
export type OutcomeId = string;
export type ReferralId = string;

/** A day the rules name: the processing check's first day outside, or a date answer plus days. */
export type DateRef = 'processing-outside' | { question: QuestionId; days: number };

export interface Option {
  id: OptionId;
  label: MessageId;
  help?: MessageId;
  /** Values for the label's placeholders, e.g. a form number from src/facts. */
  labelValues?: Readonly<Record<string, string>>;
  /** In a multi question: chosen alone or not at all ("None of these"). */
  exclusive?: boolean;
}

interface QuestionBase {
  id: QuestionId;
  /** The question itself (the fieldset's legend). */
  title: MessageId;
  help?: MessageId;
  /** Tried in order; the first whose `when` holds (or has none) is taken. The last must have no `when`. */
  next: readonly Transition[];
}

export interface ChoiceQuestion extends QuestionBase {
  kind: 'single' | 'multi';
  options: readonly Option[];
}

export interface DateQuestion extends QuestionBase {
  kind: 'date';
  /** Offer "I don't remember": the answer is then the string 'unknown'. */
  unknownLabel?: MessageId;
}

export interface ProcessingTimeQuestion extends QuestionBase {
  kind: 'processing-time';
  labels: {
    /** Choice: one number of months. */
    months: MessageId;
    /** Choice: a range "from ... to ..." months. */
    range: MessageId;
    /** Choice: USCIS shows no time for this form. */
    none: MessageId;
    /** Input labels. */
    monthsInput: MessageId;
    minInput: MessageId;
    maxInput: MessageId;
  };
  /** Largest number of months accepted, to catch typing slips (e.g. a year typed as months). */
  maxMonths: number;
}

export type Question = ChoiceQuestion | DateQuestion | ProcessingTimeQuestion;

export type Target = { question: QuestionId } | { outcome: OutcomeId } | { decide: true };

export interface Transition {
  when?: Condition;
  to: Target;
}

/**
 * Conditions look only at answers on the path actually taken: an answer
 * left over from a branch the person backed out of never counts.
 * Anything about an unanswered question is false.
 */
export type Condition =
  | { ref: string }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  /** A single-choice answer equals the option. */
  | { question: QuestionId; is: OptionId }
  /** A multi-choice answer contains the option. */
  | { question: QuestionId; includes: OptionId }
  | { question: QuestionId; includesAny: readonly OptionId[] }
  /** A date answer is "I don't remember". */
  | { question: QuestionId; unknown: true }
  /** A date answer lies min..max whole days before today (inclusive; either bound optional). */
  | { question: QuestionId; daysAgo: { min?: number; max?: number } }
  /**
   * A date answer lies before another date: the processing check's first
   * day outside, or another date answer plus days. False when either is missing.
   */
  | { question: QuestionId; before: DateRef }
  /** The processing-time check (see Rules.processing): outside, within, or counted by the no-posted-time rule. */
  | { processing: 'outside' | 'within' | 'no-posted-time' };

/** Kinds of answer (src/shared/event-stats.ts lists them: the event counts carry them too). */
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** A text shown always, or only when its condition holds. */
export type ConditionalText = MessageId | { when: Condition; text: MessageId };

export interface Outcome {
  id: OutcomeId;
  kind: OutcomeKind;
  /** Urgent always, never, or when a condition holds (e.g. an emergency is among the problems). */
  urgent: boolean | Condition;
  title: MessageId;
  summary: MessageId;
  /** Reasons this outcome may give, in display order; the engine keeps those whose condition holds. */
  reasons: readonly ReasonCode[];
  nextSteps: readonly ConditionalText[];
  /** What to prepare before asking the Ombudsman. */
  checklist?: readonly ConditionalText[];
  /** Warnings shown prominently (e.g. deadlines are not extended). */
  notices?: readonly MessageId[];
  referrals: readonly ReferralId[];
  /**
   * A day to come back on: `on`, or the earliest of the `orEarlier` days
   * whose condition holds (e.g. a limit in law that ends before the posted
   * time). `message` takes {date}.
   */
  comeBack?: { message: MessageId; on: DateRef; orEarlier?: readonly { when: Condition; on: DateRef }[] };
  /** Offer to start a request prefilled from the answers. */
  startsRequest: boolean;
}

export interface Referral {
  id: ReferralId;
  name: MessageId;
  description: MessageId;
  /** Facts the view shows as links or phone numbers, in order. */
  facts: readonly FactRef[];
}

export const REASON_CODES = [
  // Where the problem belongs
  'detention-conditions',
  'visa-consulate',
  'immigration-court',
  'border',
  'other-agency',
  'not-uscis',
  // What the person wants
  'no-legal-advice',
  'records-request',
  'cannot-change-decisions',
  'decision-error-identified',
  // Problems that may qualify
  'emergency',
  'processing-delay-outside',
  'naturalization-limit-passed',
  'sij-limit-passed',
  'no-posted-time',
  'processing-mistake',
  'other-unresolved',
  'receipt-delay',
  // Problems that do not qualify (yet)
  'within-processing-time',
  'expedite-denied',
  'receipt-delay-too-early',
  // USCIS first
  'not-contacted-uscis',
  'only-checked-status',
  'expedite-not-requested',
  'expedite-requested',
  'uscis-needs-time',
  'uscis-contact-old',
  'uscis-contact-before-delay',
  'contacted-uscis',
  'contact-date-unknown',
  // Receipt numbers
  'receipt-number-missing',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export interface Rules {
  /** Bumped when question or option ids change meaning, so stored answers can be discarded. */
  version: number;
  start: QuestionId;
  questions: Readonly<Record<QuestionId, Question>>;
  /** Named conditions, used as { ref: name }. */
  conditions: Readonly<Record<string, Condition>>;
  /** Where `{ decide: true }` leads: first match wins; the last entry has no `when`. */
  decision: readonly { when?: Condition; outcome: OutcomeId }[];
  /** When each reason applies. */
  reasons: Readonly<Record<ReasonCode, Condition>>;
  /** Warnings shown before anything else on whatever outcome is reached, when their condition holds. */
  warnings: readonly ConditionalText[];
  outcomes: Readonly<Record<OutcomeId, Outcome>>;
  referrals: Readonly<Record<ReferralId, Referral>>;
  /** Which answers feed the processing-time check. */
  processing: { receivedDate: QuestionId; postedTime: QuestionId; noPostedTimeMonths: number };
}

/** A date answer: a calendar date, or 'unknown' where the question offers it. */
export type DateAnswer = IsoDate | 'unknown';

export type AnswerValue = OptionId | readonly OptionId[] | DateAnswer | PostedTime;

export type Answers = Readonly<Record<QuestionId, AnswerValue | undefined>>;

export const VALIDATION_ERRORS = [
  'empty',
  'unknown-option',
  'exclusive-option',
  'impossible-date',
  'date-in-future',
  'date-before-1990',
  'not-a-number',
  'not-positive',
  'too-long',
  'range-inverted',
] as const;

export type ValidationError = (typeof VALIDATION_ERRORS)[number];
