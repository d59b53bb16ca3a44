/**
 * What a question's controls hold while the person is answering (a draft),
 * and the answer value it becomes on "Next". Pure: the view renders drafts,
 * the engine's validateAnswer judges the candidate, and only a valid
 * candidate is stored.
 */
import { parseMonths } from './format';
import type { AnswerValue, Question } from './types';

export type PostedChoice = '' | 'months' | 'range' | 'none';

export type Draft =
  | { kind: 'single'; value: string }
  | { kind: 'multi'; values: readonly string[] }
  | { kind: 'date'; date: string; unknown: boolean }
  | { kind: 'processing-time'; choice: PostedChoice; months: string; min: string; max: string };

const text = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? String(n) : '');

/** The controls' state for a stored answer (or an empty one). */
export function draftFor(question: Question, value: AnswerValue | undefined): Draft {
  switch (question.kind) {
    case 'single':
      return { kind: 'single', value: typeof value === 'string' ? value : '' };
    case 'multi':
      return { kind: 'multi', values: Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [] };
    case 'date':
      return {
        kind: 'date',
        date: typeof value === 'string' && value !== 'unknown' ? value : '',
        unknown: value === 'unknown' && !!question.unknownLabel,
      };
    case 'processing-time': {
      const empty = { kind: 'processing-time', choice: '', months: '', min: '', max: '' } as const;
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !('kind' in value)) return empty;
      if (value.kind === 'months') return { ...empty, choice: 'months', months: text(value.months) };
      if (value.kind === 'range') return { ...empty, choice: 'range', min: text(value.min), max: text(value.max) };
      return { ...empty, choice: 'none' };
    }
  }
}

/**
 * The answer a draft stands for, not yet checked: blanks stay blank and
 * "ten" becomes NaN, so validateAnswer names the problem.
 */
export function candidateOf(draft: Draft): unknown {
  switch (draft.kind) {
    case 'single':
      return draft.value;
    case 'multi':
      return [...draft.values];
    case 'date':
      return draft.unknown ? 'unknown' : draft.date.trim();
    case 'processing-time':
      if (draft.choice === 'months') return { kind: 'months', months: parseMonths(draft.months) };
      if (draft.choice === 'range') return { kind: 'range', min: parseMonths(draft.min), max: parseMonths(draft.max) };
      if (draft.choice === 'none') return { kind: 'none' };
      return undefined;
  }
}

/**
 * Ticking an exclusive option ("None of these") clears the others, and
 * ticking another clears it, so the person never meets that error.
 */
export function toggleOption(question: Question, values: readonly string[], id: string, on: boolean): string[] {
  if (!on) return values.filter((v) => v !== id);
  if (question.kind !== 'multi') return [id];
  const isExclusive = (v: string) => !!question.options.find((o) => o.id === v)?.exclusive;
  const chosen = new Set(isExclusive(id) ? [id] : [...values.filter((v) => !isExclusive(v)), id]);
  // In the order the options are shown, so the summary reads like the question.
  return question.options.map((o) => o.id).filter((v) => chosen.has(v));
}
