/**
 * The small vocabulary the rule files are written in: message ids, question
 * ids and condition builders. Shared by questions.ts, conditions.ts and
 * outcomes.ts so each reads as data.
 */
import type { Condition, ConditionalText, MessageId, Option } from '../types';

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const msg = (...parts: string[]): MessageId => ['screener', ...parts.map(camel)].join('.');
export const step = (name: string): MessageId => msg('step', name);

/** Question ids, for code that reads particular answers (the prefill). */
export const Q = {
  about: 'about',
  wants: 'wants',
  decisionError: 'decision-error',
  problems: 'problems',
  receipt: 'receipt',
  filedDate: 'filed-date',
  formType: 'form-type',
  interviewDate: 'interview-date',
  sij: 'sij',
  receivedDate: 'received-date',
  postedTime: 'posted-time',
  expedite: 'expedite',
  uscisContact: 'uscis-contact',
  lastContactDate: 'last-contact-date',
} as const;

export function option(question: string, id: string, extra: { help?: true; exclusive?: true } = {}): Option {
  return {
    id,
    label: msg('q', question, 'option', id),
    ...(extra.help ? { help: msg('q', question, 'option', id, 'help') } : {}),
    ...(extra.exclusive ? { exclusive: true } : {}),
  };
}

export const to = {
  q: (question: string) => ({ question }),
  out: (outcome: string) => ({ outcome }),
  decide: { decide: true } as const,
};

export const ref = (name: string): Condition => ({ ref: name });
export const not = (c: Condition): Condition => ({ not: c });
export const all = (...conditions: Condition[]): Condition => ({ all: conditions });
export const any = (...conditions: Condition[]): Condition => ({ any: conditions });
export const is = (question: string, option: string): Condition => ({ question, is: option });
export const includes = (question: string, option: string): Condition => ({ question, includes: option });
export const when = (condition: Condition, text: MessageId): ConditionalText => ({ when: condition, text });
