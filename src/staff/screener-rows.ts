/**
 * The self-check's answers that led to a request (the wire block of
 * src/shared/screener-answers.ts) as English rows: each question's own
 * text and the option the person chose, from the screener's English
 * messages. The console cannot import the screener, so the message ids are
 * made here the way the screener's rules make them (a unit test compares).
 */
import type { IntlShape } from '@formatjs/intl';
import type { OUTCOME_KINDS } from '../shared/event-stats';
import { SCREENER_QUESTIONS, type ScreenerBlock, type ScreenerQuestionId } from '../shared/screener-answers';
import type { PostedTime } from '../shared/dates';
import { formatIsoDate } from '../requests/display';

type T = (id: string, values?: Record<string, string | number>) => string;

export interface ScreenerRow {
  question: string;
  answer: string;
}

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export const questionMessageId = (question: string) => `screener.q.${camel(question)}.title`;
export const optionMessageId = (question: string, option: string) => `screener.q.${camel(question)}.option.${camel(option)}`;
export const unknownMessageId = (question: string) => `screener.q.${camel(question)}.unknown`;

/** 'i129f' → 'I-129F', 'n400' → 'N-400': the form number an option's label names. */
export function formNumber(option: string): string {
  return option.replace(/^([a-z])(\d)/, '$1-$2').toUpperCase();
}

/** The outcome kinds' labels, as event mode names them. */
const OUTCOME_MESSAGE_ID: Record<(typeof OUTCOME_KINDS)[number], string> = {
  'may-help': 'event.stats.outcome.mayHelp',
  'first-try-uscis': 'event.stats.outcome.firstTryUscis',
  'not-yet': 'event.stats.outcome.notYet',
  'cannot-help': 'event.stats.outcome.cannotHelp',
  'go-elsewhere': 'event.stats.outcome.goElsewhere',
};

function postedTime(value: PostedTime, t: T): string {
  if (value.kind === 'none') return t('screener.q.postedTime.none');
  const months = (n: number) => `${n} month${n === 1 ? '' : 's'}`;
  return value.kind === 'months' ? months(value.months) : `${value.min} to ${months(value.max)}`;
}

function answerText(question: ScreenerQuestionId, value: unknown, t: T, intl: IntlShape<string>): string {
  const spec = SCREENER_QUESTIONS[question];
  const option = (o: string) => t(optionMessageId(question, o), question === 'form-type' ? { form: formNumber(o) } : undefined);
  switch (spec.kind) {
    case 'single':
      return option(value as string);
    case 'multi':
      return (value as string[]).map(option).join('; ');
    case 'date':
      return value === 'unknown' ? t(unknownMessageId(question)) : formatIsoDate(intl, value as string);
    case 'processing-time':
      return postedTime(value as PostedTime, t);
  }
}

/** The outcome, then every answer in the order the self-check asks. */
export function screenerRows(block: ScreenerBlock, t: T, intl: IntlShape<string>): ScreenerRow[] {
  const rows: ScreenerRow[] = [{ question: 'What the self-check answered', answer: t(OUTCOME_MESSAGE_ID[block.outcome]) }];
  const answers = block.answers as Partial<Record<ScreenerQuestionId, unknown>>;
  for (const question of Object.keys(SCREENER_QUESTIONS) as ScreenerQuestionId[]) {
    const value = answers[question];
    if (value !== undefined) rows.push({ question: t(questionMessageId(question)), answer: answerText(question, value, t, intl) });
  }
  return rows;
}
