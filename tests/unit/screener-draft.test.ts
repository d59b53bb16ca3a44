/** What the screener's controls hold and what they hand the engine (src/screener/draft.ts, format.ts). */
import { describe, expect, it } from 'vitest';
import { createIntl } from '@formatjs/intl';
import { validateAnswer } from '../../src/screener/engine';
import { SCREENER_RULES } from '../../src/screener/rules';
import { candidateOf, draftFor, toggleOption } from '../../src/screener/draft';
import { deviceToday, formatDay, parseMonths } from '../../src/screener/format';

const TODAY = '2026-11-25';
const q = (id: string) => SCREENER_RULES.questions[id]!;

describe('parseMonths', () => {
  it('reads numbers as people type them', () => {
    expect(parseMonths('8')).toBe(8);
    expect(parseMonths(' 10.5 ')).toBe(10.5);
    expect(parseMonths('10,5')).toBe(10.5);
    expect(parseMonths('١٠٫٥')).toBe(10.5);
    expect(parseMonths('۱۲')).toBe(12);
    expect(parseMonths('.5')).toBe(0.5);
  });
  it('leaves blanks blank and marks words as not a number; a minus sign is kept', () => {
    expect(parseMonths('')).toBeUndefined();
    expect(parseMonths('   ')).toBeUndefined();
    expect(parseMonths('ten')).toBeNaN();
    expect(parseMonths('8 months')).toBeNaN();
    expect(parseMonths('1e3')).toBeNaN();
    expect(parseMonths('-3')).toBe(-3);
  });
});

describe('drafts and candidates', () => {
  it('round-trips every kind of stored answer', () => {
    const cases: [string, unknown][] = [
      ['about', 'uscis'],
      ['problems', ['emergency', 'mistake']],
      ['received-date', '2025-02-28'],
      ['last-contact-date', 'unknown'],
      ['posted-time', { kind: 'months', months: 10.5 }],
      ['posted-time', { kind: 'range', min: 7, max: 9.5 }],
      ['posted-time', { kind: 'none' }],
    ];
    for (const [id, value] of cases) {
      const draft = draftFor(q(id), value as never);
      expect(candidateOf(draft), id).toEqual(value);
      expect(validateAnswer(q(id), candidateOf(draft), TODAY), id).toEqual([]);
    }
  });

  it('hands blanks and words to the engine so it names the problem', () => {
    const posted = q('posted-time');
    const months = (text: string) => candidateOf({ kind: 'processing-time', choice: 'months', months: text, min: '', max: '' });
    expect(validateAnswer(posted, months(''), TODAY)).toEqual(['empty']);
    expect(validateAnswer(posted, months('ten'), TODAY)).toEqual(['not-a-number']);
    expect(validateAnswer(posted, months('0'), TODAY)).toEqual(['not-positive']);
    expect(validateAnswer(posted, months('-2'), TODAY)).toEqual(['not-positive']);
    const range = candidateOf({ kind: 'processing-time', choice: 'range', months: '', min: '9', max: '7' });
    expect(validateAnswer(posted, range, TODAY)).toEqual(['range-inverted']);
    expect(validateAnswer(posted, candidateOf(draftFor(posted, undefined)), TODAY)).toEqual(['empty']);
    expect(validateAnswer(q('received-date'), candidateOf({ kind: 'date', date: '', unknown: false }), TODAY)).toEqual(['empty']);
    expect(validateAnswer(q('received-date'), candidateOf({ kind: 'date', date: '2027-01-01', unknown: false }), TODAY)).toEqual(['date-in-future']);
  });

  it('offers "I don’t remember" only where the question does', () => {
    expect(draftFor(q('received-date'), 'unknown' as never)).toEqual({ kind: 'date', date: '', unknown: false });
    expect(draftFor(q('last-contact-date'), 'unknown')).toEqual({ kind: 'date', date: '', unknown: true });
  });

  it('"None of these" clears the other choices and is cleared by them, in the order shown', () => {
    const contact = q('uscis-contact');
    expect(toggleOption(contact, ['case-status'], 'contact-center', true)).toEqual(['contact-center', 'case-status']);
    expect(toggleOption(contact, ['contact-center', 'case-status'], 'none', true)).toEqual(['none']);
    expect(toggleOption(contact, ['none'], 'appointment', true)).toEqual(['appointment']);
    expect(toggleOption(contact, ['appointment', 'case-status'], 'appointment', false)).toEqual(['case-status']);
  });
});

describe('dates on screen', () => {
  it('formats a calendar date as that same day in any time zone', () => {
    const intl = createIntl({ locale: 'en', messages: {} });
    expect(formatDay(intl, '2026-03-12')).toBe('March 12, 2026');
    expect(formatDay(intl, '2024-02-29')).toBe('February 29, 2024');
    expect(formatDay(intl, 'nope')).toBe('nope');
  });
  it('takes today from the device’s own calendar', () => {
    expect(deviceToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(deviceToday(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });
});
