/**
 * Runs the screener's table of cases (screener-case-table.ts, and the
 * advice rules of screener-case-table-advice.ts) and checks the details of
 * outcomes and the prefill. Sources are named in the tables.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type OutcomeResult } from '../../src/screener/engine';
import { prefillFromAnswers } from '../../src/screener/prefill';
import { SCREENER_RULES } from '../../src/screener/rules';
import { TODAY, ago, baseCases, contacted, delay, months, monthsAgo, uscis, type A } from './screener-case-table';
import { adviceCases } from './screener-case-table-advice';

const cases = [...baseCases, ...adviceCases];

function outcomeOf(answers: A): OutcomeResult {
  const result = evaluate(SCREENER_RULES, answers, TODAY);
  if (result.kind !== 'outcome') throw new Error(`still asking "${result.question.id}" (errors: ${result.errors?.join(',') ?? 'none'})`);
  return result;
}

describe('screener case table', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name ($source)', (c) => {
    const r = outcomeOf(c.answers);
    expect(r.outcome.id).toBe(c.outcome);
    expect(r.outcome.kind).toBe(c.kind);
    expect(r.reasons).toEqual(c.reasons);
    expect(r.urgent).toBe(c.urgent ?? false);
    if (c.comeBackOn) expect(r.comeBackOn).toBe(c.comeBackOn);
  });
});

describe('details of advice outcomes', () => {
  it('every denial the person thinks is wrong warns first about the appeal deadline; nothing else does', () => {
    for (const c of cases) {
      const r = outcomeOf(c.answers);
      expect(r.warnings, c.name).toEqual(c.answers.wants === 'overturn' ? ['screener.notice.appealDeadline'] : []);
    }
  });

  it('"not yet" is its own kind, with a day to come back', () => {
    const notYet = cases.filter((c) => c.kind === 'not-yet');
    expect(notYet.length).toBeGreaterThanOrEqual(5);
    for (const c of notYet) expect(outcomeOf(c.answers).comeBackOn, c.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a records request goes to USCIS’s FOIA office and OGIS', () => {
    const r = outcomeOf({ about: 'uscis', wants: 'records' });
    expect(r.referrals.map((x) => x.id)).toEqual(['uscis-foia', 'ogis']);
  });

  it('a court case: says a USCIS case bearing on it may still get help', () => {
    expect(outcomeOf({ about: 'court' }).nextSteps).toContain('screener.step.courtWithUscisCase');
  });

  it('a denied expedite says "usually", and points to new facts', () => {
    expect(outcomeOf(uscis({ problems: ['emergency'], expedite: 'denied' })).nextSteps).toContain('screener.step.expediteNewFacts');
  });
});

describe('details of outcomes', () => {
  it('"may help" always says deadlines are not extended and offers a prefilled request', () => {
    for (const c of cases.filter((x) => x.kind === 'may-help')) {
      const r = outcomeOf(c.answers);
      expect(r.notices).toContain('screener.notice.deadlines');
      expect(r.outcome.startsRequest).toBe(true);
    }
  });

  it('tells where to find a lost receipt number, and to ask for the expedite when not yet asked', () => {
    const lost = outcomeOf(uscis({ problems: ['mistake'], receipt: 'lost', ...contacted(70) }));
    expect(lost.nextSteps).toContain('screener.step.findReceiptNumber');
    const notAsked = outcomeOf(uscis({ problems: ['emergency', 'other-unresolved'], expedite: 'not-asked', ...contacted(70) }));
    expect(notAsked.nextSteps).toContain('screener.step.askExpedite');
    expect(notAsked.checklist).toContain('screener.checklist.emergencyProof');
    const plain = outcomeOf(delay(monthsAgo(24), months(9), contacted(70)));
    expect(plain.nextSteps).not.toContain('screener.step.findReceiptNumber');
    expect(plain.checklist).not.toContain('screener.checklist.emergencyProof');
  });

  it('"first try USCIS" lists the ways to reach USCIS and invites to come back', () => {
    const r = outcomeOf(delay(monthsAgo(24), months(9), { 'uscis-contact': ['none'] }));
    expect(r.referrals.map((x) => x.id)).toEqual(['uscis-contact-center', 'uscis-online-account', 'uscis-case-status', 'uscis-appointment']);
    expect(r.nextSteps).toContain('screener.step.comeBackAfter60');
  });

  it('reports the processing-time check with the outcome', () => {
    const r = outcomeOf(delay('2026-08-31', months(6)));
    expect(r.processing).toMatchObject({ outside: false, outsideFrom: '2027-03-01', basis: 'posted', months: 6 });
  });

  it('ignores answers left over from a branch the person backed out of', () => {
    const answers = {
      ...uscis({ problems: ['emergency'], expedite: 'asked' }),
      wants: 'overturn',
      'decision-error': 'yes',
      ...contacted(70),
    };
    const r = outcomeOf(answers);
    expect(r.path).not.toContain('problems');
    expect(r.path).not.toContain('expedite');
    expect(r.urgent).toBe(false);
    expect(r.reasons).toEqual(['decision-error-identified', 'contacted-uscis']);
    expect(prefillFromAnswers(answers, r).problemKinds).toEqual(['decision-error']);
  });
});

describe('prefill for the request form', () => {
  it('carries problem kinds, dates, the processing result and prior contacts', () => {
    const answers = delay(monthsAgo(24), { kind: 'range', min: 7, max: 9.5 }, {
      problems: ['past-processing-time', 'mistake'],
      ...contacted(70, ['case-status', 'service-request']),
    });
    const r = outcomeOf(answers);
    const p = prefillFromAnswers(answers, r);
    expect(p).toEqual({
      outcomeId: 'may-help',
      outcomeKind: 'may-help',
      urgent: false,
      problemKinds: ['processing-delay', 'processing-mistake'],
      formType: 'I-485',
      receivedDate: monthsAgo(24),
      processing: {
        posted: { kind: 'range', min: 7, max: 9.5 },
        basis: 'range',
        months: 9.5,
        outside: true,
        outsideFrom: r.processing!.outsideFrom,
      },
      priorContacts: ['service-request', 'case-status'],
      lastContactDate: ago(70),
      receiptNotice: 'have',
      reasons: ['processing-delay-outside', 'processing-mistake', 'contacted-uscis'],
      // What the office sees: the answers on the path, by id, with the outcome's kind.
      block: {
        outcome: 'may-help',
        answers: {
          about: 'uscis',
          wants: 'processing-help',
          problems: ['past-processing-time', 'mistake'],
          receipt: 'have',
          'form-type': 'i485',
          'received-date': monthsAgo(24),
          'posted-time': { kind: 'range', min: 7, max: 9.5 },
          'uscis-contact': ['case-status', 'service-request'],
          'last-contact-date': ago(70),
        },
      },
    });
  });

  it('marks a missing receipt as a receipt delay with the filing date, and leaves out "I don\'t remember"', () => {
    const answers = uscis({ problems: ['emergency'], receipt: 'never-received', 'filed-date': ago(120), expedite: 'asked', ...contacted('unknown') });
    const r = outcomeOf(answers);
    const p = prefillFromAnswers(answers, r);
    expect(p.problemKinds).toEqual(['emergency', 'receipt-delay']);
    expect(p.filedDate).toBe(ago(120));
    expect(p.lastContactDate).toBeUndefined();
    expect(p.expedite).toBe('asked');
    expect(p.urgent).toBe(true);
  });

  it('works on an unfinished screener too', () => {
    const answers = uscis({ problems: ['mistake'] });
    const r = evaluate(SCREENER_RULES, answers, TODAY);
    expect(r.kind).toBe('question');
    expect(prefillFromAnswers(answers, r)).toEqual({
      urgent: false,
      problemKinds: ['processing-mistake'],
      priorContacts: [],
      receiptNotice: 'have',
      reasons: [],
    });
  });
});
