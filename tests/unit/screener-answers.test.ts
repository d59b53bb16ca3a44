/**
 * The self-check's answers on the wire (src/shared/screener-answers.ts):
 * the same ids as the screener's rules, bounded, unknown ids refused, the
 * draft and the wire carry them, and the console names them in English.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCREENER_RULES } from '../../src/screener/rules';
import { evaluate } from '../../src/screener/engine';
import { prefillFromAnswers } from '../../src/screener/prefill';
import { USCIS_FORMS } from '../../src/facts/uscis-forms';
import { OUTCOME_KINDS } from '../../src/shared/event-stats';
import { SCREENER_QUESTIONS, readScreenerBlock } from '../../src/shared/screener-answers';
import { validateRequest } from '../../src/shared/request-schema';
import { formFromPrefill } from '../../src/requests/prefill';
import { normalizeForm } from '../../src/requests/form-model';
import { toWireInput } from '../../src/requests/form-wire';
import { formNumber, optionMessageId, questionMessageId, unknownMessageId } from '../../src/staff/screener-rows';
import { TODAY, ago, contacted, delay, monthsAgo, months } from './screener-case-table';

const ID = '3f1e2d4c-5b6a-4789-8abc-def012345678';

function wire(screener?: unknown): Record<string, unknown> {
  return {
    id: ID,
    schemaVersion: 1,
    locale: 'es',
    person: {
      familyName: 'García López',
      givenName: 'Ana',
      dateOfBirth: '1990-02-28',
      countryOfBirth: 'MX',
      citizenship: 'MX',
      address: { kind: 'us', line1: '100 Main St', city: 'Austin', state: 'TX', zip: '78701' },
      email: 'ana@example.com',
    },
    case: { formTypes: ['I-485'], problemKinds: ['past-processing-time'], whatHappened: 'Pending two years.', helpWanted: 'Ask USCIS.' },
    consent: { agreed: true, signedBy: 'person', signature: { kind: 'typed', name: 'Ana García López' }, date: '2025-06-14' },
    createdAt: '2025-06-14T10:00:00.000Z',
    submittedAt: '2025-06-14T10:30:00.000Z',
    ...(screener === undefined ? {} : { screener }),
  };
}

const GOOD = {
  outcome: 'may-help',
  answers: {
    about: 'uscis',
    wants: 'processing-help',
    problems: ['past-processing-time', 'emergency'],
    receipt: 'have',
    'form-type': 'n400',
    'interview-date': 'unknown',
    'received-date': '2024-01-10',
    'posted-time': { kind: 'range', min: 7, max: 9.5 },
    expedite: 'asked',
    'uscis-contact': ['service-request'],
    'last-contact-date': '2025-03-01',
  },
};

const issuesOf = (screener: unknown) => {
  const result = validateRequest(wire(screener), '2025-06-15');
  return result.ok ? [] : result.issues;
};

describe('the screener block’s vocabulary', () => {
  it('has exactly the rules’ questions, kinds and option ids', () => {
    const fromRules = Object.fromEntries(
      Object.values(SCREENER_RULES.questions).map((q) => [
        q.id,
        q.kind === 'single' || q.kind === 'multi'
          ? { kind: q.kind, options: q.options.map((o) => o.id) }
          : q.kind === 'date'
            ? { kind: 'date', unknown: q.unknownLabel !== undefined }
            : { kind: q.kind, maxMonths: q.kind === 'processing-time' ? q.maxMonths : undefined },
      ]),
    );
    expect(SCREENER_QUESTIONS).toEqual(fromRules);
  });

  it('names questions, options and "I don’t remember" by the rules’ own English messages, and form numbers as the facts do', () => {
    const english = JSON.parse(readFileSync('locales/en/messages.json', 'utf8')) as Record<string, string>;
    for (const q of Object.values(SCREENER_RULES.questions)) {
      expect(questionMessageId(q.id)).toBe(q.title);
      expect(english[q.title], q.title).toBeTruthy();
      if (q.kind === 'single' || q.kind === 'multi') {
        for (const o of q.options) {
          expect(optionMessageId(q.id, o.id)).toBe(o.label);
          expect(english[o.label], o.label).toBeTruthy();
          if (o.labelValues?.form) expect(formNumber(o.id)).toBe(o.labelValues.form);
        }
      }
      if (q.kind === 'date' && q.unknownLabel) expect(unknownMessageId(q.id)).toBe(q.unknownLabel);
    }
    for (const [key, form] of Object.entries(USCIS_FORMS)) expect(formNumber(key)).toBe(form);
  });
});

describe('the screener block on the wire', () => {
  it('is optional, and a request carrying one validates with it unchanged', () => {
    expect(validateRequest(wire(), '2025-06-15').ok).toBe(true);
    const result = validateRequest(wire(GOOD), '2025-06-15');
    expect(result.ok && result.value.screener).toEqual(GOOD);
    for (const outcome of OUTCOME_KINDS) expect(issuesOf({ outcome, answers: {} })).toEqual([]);
  });

  it('refuses unknown questions, options and outcomes', () => {
    // An unknown key is reported at its parent: the client's own text never comes back.
    expect(issuesOf({ ...GOOD, answers: { ...GOOD.answers, 'favourite-colour': 'blue' } })).toEqual([{ code: 'unknown_field', path: 'screener.answers' }]);
    expect(issuesOf({ ...GOOD, answers: { ...GOOD.answers, wants: 'money' } })).toEqual([{ code: 'invalid_option', path: 'screener.answers.wants' }]);
    expect(issuesOf({ ...GOOD, answers: { ...GOOD.answers, problems: ['emergency', 'aliens'] } })).toEqual([
      { code: 'invalid_option', path: 'screener.answers.problems.1' },
    ]);
    expect(issuesOf({ ...GOOD, outcome: 'maybe' })).toEqual([{ code: 'invalid_option', path: 'screener.outcome' }]);
    expect(issuesOf({ ...GOOD, extra: 1 })).toEqual([{ code: 'unknown_field', path: 'screener' }]);
    expect(issuesOf({ answers: {} })).toEqual([{ code: 'required', path: 'screener.outcome' }]);
  });

  it('is bounded: one answer per question, lists no longer than their options and without repeats, months capped', () => {
    const tooMany = [...SCREENER_QUESTIONS['uscis-contact'].options, 'contact-center'];
    expect(issuesOf({ ...GOOD, answers: { 'uscis-contact': tooMany } }).map((i) => i.code)).toContain('too_many');
    expect(issuesOf({ ...GOOD, answers: { problems: ['emergency', 'emergency'] } })).toEqual([{ code: 'duplicate', path: 'screener.answers.problems.1' }]);
    expect(issuesOf({ ...GOOD, answers: { problems: [] } })).toEqual([{ code: 'required', path: 'screener.answers.problems' }]);
    expect(issuesOf({ ...GOOD, answers: { 'posted-time': { kind: 'months', months: 241 } } })).toEqual([
      { code: 'invalid_option', path: 'screener.answers.posted-time.months' },
    ]);
    expect(issuesOf({ ...GOOD, answers: { 'posted-time': { kind: 'months', months: 9, note: 'x' } } })).toEqual([
      { code: 'unknown_field', path: 'screener.answers.posted-time' },
    ]);
  });

  it('takes no free text: a date question takes a date (or "unknown" where offered), a choice its option id', () => {
    expect(issuesOf({ ...GOOD, answers: { 'received-date': 'last spring, I think' } })).toEqual([
      { code: 'date.format', path: 'screener.answers.received-date' },
    ]);
    expect(issuesOf({ ...GOOD, answers: { 'received-date': 'unknown' } })).toEqual([{ code: 'date.format', path: 'screener.answers.received-date' }]);
    expect(issuesOf({ ...GOOD, answers: { 'interview-date': 'unknown' } })).toEqual([]);
    expect(issuesOf({ ...GOOD, answers: { 'filed-date': '2025-02-30' } })).toEqual([{ code: 'date.format', path: 'screener.answers.filed-date' }]);
    expect(issuesOf({ ...GOOD, answers: { about: 'My landlord <b>' } })).toEqual([{ code: 'invalid_option', path: 'screener.answers.about' }]);
  });
});

describe('the screener block from the screener to the wire', () => {
  it('keeps only the answers on the path taken, with the outcome’s kind', () => {
    // An expedite answer left from a branch the person backed out of.
    const answers = delay(monthsAgo(24), months(9), { ...contacted(70), expedite: 'denied' });
    const result = evaluate(SCREENER_RULES, answers, TODAY);
    const prefill = prefillFromAnswers(answers, result);
    expect(prefill.block).toEqual({
      outcome: 'may-help',
      answers: {
        about: 'uscis',
        wants: 'processing-help',
        problems: ['past-processing-time'],
        receipt: 'have',
        'form-type': 'i485',
        'received-date': monthsAgo(24),
        'posted-time': { kind: 'months', months: 9 },
        'uscis-contact': ['service-request'],
        'last-contact-date': ago(70),
      },
    });

    const form = formFromPrefill(JSON.parse(JSON.stringify(prefill)));
    expect(form.screener?.block).toEqual(prefill.block);
    // Stored and read back as a draft, then on the wire.
    const draft = normalizeForm(JSON.parse(JSON.stringify(form)));
    expect(draft.screener?.block).toEqual(prefill.block);
    const input = toWireInput(draft, { id: ID, locale: 'es', createdAt: 0, submittedAt: 0, attachments: [] });
    expect(input.screener).toEqual(prefill.block);
  });

  it('drops, one by one, answers a stored draft holds that this version cannot read, and never sends an unreadable block', () => {
    expect(readScreenerBlock({ outcome: 'not-yet', answers: { about: 'uscis', wants: 'bogus', gone: 'x', problems: ['mistake', 3] } })).toEqual({
      outcome: 'not-yet',
      answers: { about: 'uscis' },
    });
    expect(readScreenerBlock({ outcome: 'bogus', answers: { about: 'uscis' } })).toBeUndefined();
    expect(readScreenerBlock('may-help')).toBeUndefined();
    const form = normalizeForm({ screener: { urgent: true, block: { outcome: 'unknown-kind', answers: {} } } });
    expect(form.screener).toEqual({ urgent: true });
    const input = toWireInput({ ...form, screener: { urgent: true, block: { outcome: 'bogus' } as never } }, { id: ID, locale: 'es', createdAt: 0, submittedAt: 0, attachments: [] });
    expect('screener' in input).toBe(false);
  });
});
