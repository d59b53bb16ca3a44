/**
 * Property tests (fast-check) for the advice rules of issue 16: whatever
 * else a person answers, and on any day, these must hold.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, checkProcessingTime } from '../../src/shared/dates';
import { evaluate, type OutcomeResult } from '../../src/screener/engine';
import { SCREENER_RULES } from '../../src/screener/rules';
import type { AnswerValue, Question } from '../../src/screener/types';

type A = Record<string, AnswerValue>;

const arbToday = fc.integer({ min: 0, max: 30 * 365 }).map((n) => addDays('2000-01-01', n));
const arbPicks = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 14 });
const CONTACTS = ['contact-center', 'service-request', 'appointment', 'case-status'];

/** Some valid answer to `question`, steered by `pick`. */
function anyAnswer(question: Question, pick: number, today: string): AnswerValue {
  switch (question.kind) {
    case 'single':
      return question.options[Math.floor(pick * question.options.length)]!.id;
    case 'multi': {
      const ids = question.options.map((o) => o.id);
      const first = ids[Math.floor(pick * ids.length)]!;
      const exclusive = question.options.find((o) => o.id === first)?.exclusive;
      return exclusive ? [first] : [...new Set([first, ...ids.filter((id, i) => (pick * 97 * (i + 1)) % 1 < 0.4 && !question.options[i]!.exclusive)])];
    }
    case 'date': {
      if (question.unknownLabel && pick > 0.9) return 'unknown';
      const day = addDays(today, -Math.floor(pick * 4000));
      return day < '1990-01-01' ? '1990-01-01' : day;
    }
    case 'processing-time':
      return pick < 0.1 ? { kind: 'none' } : { kind: 'months', months: 1 + Math.floor(pick * 48) };
  }
}

/** Answers the rest of the screener after `fixed`, never changing a fixed answer. */
function complete(fixed: A, picks: number[], today: string): OutcomeResult {
  const answers: A = { ...fixed };
  for (let i = 0; i < 30; i++) {
    const r = evaluate(SCREENER_RULES, answers, today);
    if (r.kind === 'outcome') return r;
    if (r.question.id in fixed) throw new Error(`fixed answer to ${r.question.id} refused: ${r.errors?.join(',')}`);
    answers[r.question.id] = anyAnswer(r.question, picks[i % picks.length]!, today);
  }
  throw new Error('no outcome after 30 answers');
}

describe('advice rules hold for any answers (fast-check)', () => {
  it('a denial the person thinks is wrong always warns first about the appeal deadline', () => {
    fc.assert(
      fc.property(arbPicks, arbToday, (picks, today) => {
        const r = complete({ about: 'uscis', wants: 'overturn' }, picks, today);
        expect(r.warnings[0]).toBe('screener.notice.appealDeadline');
      }),
      { numRuns: 300 },
    );
  });

  it('no other answer carries the appeal warning', () => {
    fc.assert(
      fc.property(fc.constantFrom('processing-help', 'legal-advice', 'records'), arbPicks, arbToday, (wants, picks, today) => {
        expect(complete({ about: 'uscis', wants }, picks, today).warnings).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('naturalization more than 120 days after the interview is never "not yet" nor "cannot help"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 121, max: 2000 }), fc.integer({ min: 1, max: 60 }), arbPicks, arbToday, (sinceInterview, postedMonths, picks, today) => {
        const received = addDays(today, -(sinceInterview + 30));
        const fixed: A = {
          about: 'uscis',
          wants: 'processing-help',
          problems: ['past-processing-time'],
          receipt: 'have',
          'form-type': 'n400',
          'interview-date': addDays(today, -sinceInterview),
          'received-date': received < '1990-01-01' ? '1990-01-01' : received,
          'posted-time': { kind: 'months', months: postedMonths },
        };
        const r = complete(fixed, picks, today);
        expect(['not-yet', 'cannot-help']).not.toContain(r.outcome.kind);
        expect(r.reasons).toContain('naturalization-limit-passed');
        expect(r.reasons).not.toContain('within-processing-time');
      }),
      { numRuns: 300 },
    );
  });

  it('a Special Immigrant Juvenile petition more than 180 days old is never "not yet" nor "cannot help"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 181, max: 3000 }), fc.integer({ min: 1, max: 120 }), arbPicks, arbToday, (age, postedMonths, picks, today) => {
        const received = addDays(today, -age);
        fc.pre(received >= '1990-01-01');
        const fixed: A = {
          about: 'uscis',
          wants: 'processing-help',
          problems: ['past-processing-time'],
          receipt: 'have',
          'form-type': 'i360',
          sij: 'yes',
          'received-date': received,
          'posted-time': { kind: 'months', months: postedMonths },
        };
        const r = complete(fixed, picks, today);
        expect(['not-yet', 'cannot-help']).not.toContain(r.outcome.kind);
        expect(r.reasons).toContain('sij-limit-passed');
      }),
      { numRuns: 300 },
    );
  });

  it('a slow case inside its posted time, with nothing else, is "not yet" with a later day to come back, never "cannot help"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 14, max: 60 }), fc.constantFrom('i485', 'i765', 'other'), arbToday, (age, postedMonths, form, today) => {
        const r = complete(
          {
            about: 'uscis',
            wants: 'processing-help',
            problems: ['past-processing-time'],
            receipt: 'have',
            'form-type': form,
            'received-date': addDays(today, -age),
            'posted-time': { kind: 'months', months: postedMonths },
          },
          [0],
          today,
        );
        expect(r.outcome.kind).toBe('not-yet');
        expect(r.comeBackOn! > today).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('for a slow case, a USCIS contact made before it was late never leads to "may help"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 36 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 120 }), fc.subarray(CONTACTS.slice(0, 3), { minLength: 1 }), arbToday, (posted, lateDays, earlyBy, how, today) => {
        // Received so that the case is late by about `lateDays`; the contact came `earlyBy` days before it was late.
        const received = addDays(addMonths(today, -posted), -lateDays);
        const { outsideFrom } = checkProcessingTime({ receivedDate: received, posted: { kind: 'months', months: posted }, today, noPostedTimeMonths: 6 });
        const contact = addDays(outsideFrom, -earlyBy);
        fc.pre(received >= '1990-01-01' && outsideFrom <= today);
        const r = complete(
          {
            about: 'uscis',
            wants: 'processing-help',
            problems: ['past-processing-time'],
            receipt: 'have',
            'form-type': 'i485',
            'received-date': received,
            'posted-time': { kind: 'months', months: posted },
            'uscis-contact': how,
            'last-contact-date': contact < received ? received : contact,
          },
          [0],
          today,
        );
        expect(r.processing?.outsideFrom).toBe(outsideFrom);
        expect(r.outcome.kind).not.toBe('may-help');
      }),
      { numRuns: 300 },
    );
  });

  it('an emergency with the expedite asked never waits for the 60 days; a denied one is "usually cannot help", never "may help" alone', () => {
    fc.assert(
      fc.property(fc.constantFrom('have', 'lost'), arbToday, (receipt, today) => {
        const asked = complete({ about: 'uscis', wants: 'processing-help', problems: ['emergency'], receipt, expedite: 'asked' }, [0], today);
        expect(asked.outcome.kind).toBe('may-help');
        expect(asked.path).not.toContain('last-contact-date');
        const denied = complete({ about: 'uscis', wants: 'processing-help', problems: ['emergency'], receipt, expedite: 'denied' }, [0], today);
        expect(denied.outcome.id).toBe('expedite-denied');
      }),
      { numRuns: 100 },
    );
  });

  it('a records request always goes to the FOIA office, on any day', () => {
    fc.assert(
      fc.property(arbToday, (today) => {
        const r = complete({ about: 'uscis', wants: 'records' }, [0], today);
        expect(r.outcome.id).toBe('records');
        expect(r.outcome.kind).toBe('go-elsewhere');
      }),
      { numRuns: 50 },
    );
  });
});
