/**
 * The self-check's answers as they travel with a request (optional block
 * `screener` of the wire request): the kind of answer the person got and
 * what they chose on the way, by question and option id. Only choices,
 * dates and numbers of months: the self-check has no free text, so nothing
 * here can carry words the person typed.
 *
 * The ids are the screener's (src/screener/rules/); the wire contract
 * cannot import a feature, so they are listed again here, and a unit test
 * keeps both lists the same. Anything else is refused.
 */
import * as v from 'valibot';
import { isIsoDate } from './dates';
import { OUTCOME_KINDS } from './event-stats';
import { optionMessage, strict, typeMessage, uniqueList } from './schema-blocks';

type ChoiceSpec = { kind: 'single' | 'multi'; options: readonly string[] };
type QuestionSpec = ChoiceSpec | { kind: 'date'; unknown: boolean } | { kind: 'processing-time'; maxMonths: number };

const single = (...options: string[]): ChoiceSpec => ({ kind: 'single', options });
const multi = (...options: string[]): ChoiceSpec => ({ kind: 'multi', options });
const date = (unknown = false): QuestionSpec => ({ kind: 'date', unknown });

/** The screener's questions in the order it asks them, with their option ids. */
export const SCREENER_QUESTIONS = {
  about: single('uscis', 'detention', 'consulate', 'court', 'border', 'other-agency', 'something-else'),
  wants: single('processing-help', 'overturn', 'legal-advice', 'records'),
  'decision-error': single('yes', 'no'),
  problems: multi('emergency', 'past-processing-time', 'mistake', 'other-unresolved'),
  receipt: single('have', 'lost', 'never-received'),
  'filed-date': date(),
  'form-type': single('i90', 'i129', 'i129f', 'i130', 'i131', 'i360', 'i485', 'i539', 'i589', 'i751', 'i765', 'n400', 'other'),
  'interview-date': date(true),
  sij: single('yes', 'no'),
  'received-date': date(),
  'posted-time': { kind: 'processing-time', maxMonths: 240 },
  expedite: single('not-asked', 'asked', 'denied'),
  'uscis-contact': multi('contact-center', 'service-request', 'appointment', 'case-status', 'none'),
  'last-contact-date': date(true),
} as const satisfies Record<string, QuestionSpec>;

export type ScreenerQuestionId = keyof typeof SCREENER_QUESTIONS;

const dateAnswer = (unknown: boolean) =>
  v.pipe(
    v.string(typeMessage),
    v.check((s) => (unknown && s === 'unknown') || isIsoDate(s), 'date.format'),
  );

const months = (max: number) => v.pipe(v.number(typeMessage), v.finite('type'), v.minValue(0, 'invalid_option'), v.maxValue(max, 'invalid_option'));

const postedTime = (max: number) =>
  v.variant(
    'kind',
    [
      strict({ kind: v.literal('months', optionMessage), months: months(max) }),
      strict({ kind: v.literal('range', optionMessage), min: months(max), max: months(max) }),
      strict({ kind: v.literal('none', optionMessage) }),
    ],
    optionMessage,
  );

function answerSchema(spec: QuestionSpec) {
  switch (spec.kind) {
    case 'single':
      return v.picklist(spec.options, optionMessage);
    case 'multi':
      return uniqueList(v.picklist(spec.options, optionMessage), spec.options.length, 1);
    case 'date':
      return dateAnswer(spec.unknown);
    case 'processing-time':
      return postedTime(spec.maxMonths);
  }
}

const answerEntries = Object.fromEntries(
  Object.entries(SCREENER_QUESTIONS).map(([id, spec]) => [id, v.optional(answerSchema(spec))]),
) as { [K in ScreenerQuestionId]: v.OptionalSchema<ReturnType<typeof answerSchema>, undefined> };

/** One answer per question at most, only known questions: bounded by the vocabulary itself. */
export const ScreenerBlockSchema = strict({
  outcome: v.picklist(OUTCOME_KINDS, optionMessage),
  answers: strict(answerEntries),
});

export type ScreenerBlock = v.InferOutput<typeof ScreenerBlockSchema>;

/**
 * A block the shared schema takes, from anything (the screener's answers,
 * a stored draft): answers it cannot read are left out, one by one;
 * undefined without a known outcome.
 */
export function readScreenerBlock(value: unknown): ScreenerBlock | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { outcome, answers } = value as { outcome?: unknown; answers?: unknown };
  if (!(OUTCOME_KINDS as readonly unknown[]).includes(outcome)) return undefined;
  const given = typeof answers === 'object' && answers !== null ? (answers as Record<string, unknown>) : {};
  const kept = Object.fromEntries(
    Object.entries(answerEntries).flatMap(([id, schema]) => {
      const parsed = v.safeParse(schema, given[id]);
      return parsed.success && parsed.output !== undefined ? [[id, parsed.output]] : [];
    }),
  );
  return v.parse(ScreenerBlockSchema, { outcome, answers: kept });
}
