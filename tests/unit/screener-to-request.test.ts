/**
 * The hand-over from the screener to the request form: the one mapping of
 * problem kinds and USCIS contacts (src/screener/to-request.ts), the key,
 * and that the form's prefill reads what the screener writes.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/screener/engine';
import { prefillFromAnswers, type ScreenerPrefill, type ScreenerProblemKind, type PriorContactKind } from '../../src/screener/prefill';
import { SCREENER_RULES } from '../../src/screener/rules';
import {
  REQUEST_CHANNEL,
  REQUEST_PROBLEM_KIND,
  SCREENER_PREFILL_KEY,
  clearPrefill,
  storePrefill,
  toRequestChannels,
  toRequestProblemKinds,
} from '../../src/screener/to-request';
import { PRIOR_ATTEMPT_CHANNELS, PROBLEM_KINDS } from '../../src/shared/request-schema';
import { PREFILL_KEY, formFromPrefill, takeScreenerPrefill } from '../../src/requests/prefill';
import { addDays } from '../../src/shared/dates';

const TODAY = '2026-11-25';

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

const SCREENER_KINDS: ScreenerProblemKind[] = ['emergency', 'processing-delay', 'processing-mistake', 'decision-error', 'receipt-delay', 'other-unresolved'];
const CONTACTS: PriorContactKind[] = ['contact-center', 'service-request', 'appointment', 'case-status'];

describe('the screener → request mapping', () => {
  it('maps every screener problem kind to one of the schema’s PROBLEM_KINDS', () => {
    expect(Object.keys(REQUEST_PROBLEM_KIND).sort()).toEqual([...SCREENER_KINDS].sort());
    for (const kind of SCREENER_KINDS) expect(PROBLEM_KINDS).toContain(REQUEST_PROBLEM_KIND[kind]);
  });

  it('maps the problem kinds as the schema names them', () => {
    expect(toRequestProblemKinds(['processing-delay'])).toEqual(['past-processing-time']);
    expect(toRequestProblemKinds(['decision-error'])).toEqual(['processing-mistake']);
    expect(toRequestProblemKinds(['receipt-delay'])).toEqual(['other-unresolved']);
    expect(toRequestProblemKinds(['emergency', 'processing-mistake'])).toEqual(['emergency', 'processing-mistake']);
  });

  it('keeps the order, drops repeats and anything unknown (it crossed a storage boundary)', () => {
    expect(toRequestProblemKinds(['decision-error', 'processing-mistake', 'emergency', 'bogus', 3, null])).toEqual(['processing-mistake', 'emergency']);
    expect(toRequestProblemKinds('emergency')).toEqual([]);
    expect(toRequestProblemKinds(undefined)).toEqual([]);
    expect(toRequestProblemKinds(['__proto__', 'toString'])).toEqual([]);
  });

  it('maps every way of contacting USCIS to a prior-attempt channel', () => {
    expect(Object.keys(REQUEST_CHANNEL).sort()).toEqual([...CONTACTS].sort());
    for (const c of CONTACTS) expect(PRIOR_ATTEMPT_CHANNELS).toContain(REQUEST_CHANNEL[c]);
    expect(toRequestChannels(['service-request', 'contact-center', 'service-request', 'none'])).toEqual(['e_request', 'contact_center']);
  });
});

describe('the hand-over through sessionStorage', () => {
  it('is the key the request form reads', () => {
    expect(PREFILL_KEY).toBe(SCREENER_PREFILL_KEY);
    expect(SCREENER_PREFILL_KEY).toBe('ombuds.screenerPrefill');
  });

  it('is written by the screener, taken once by the form, and prefills the form', () => {
    const answers = {
      about: 'uscis',
      wants: 'processing-help',
      problems: ['past-processing-time', 'mistake'],
      receipt: 'have',
      'form-type': 'i485',
      'received-date': '2024-01-10',
      'posted-time': { kind: 'months', months: 9 },
      'uscis-contact': ['service-request'],
      'last-contact-date': addDays(TODAY, -70),
    } as const;
    const result = evaluate(SCREENER_RULES, answers, TODAY);
    expect(result.kind === 'outcome' && result.outcome.kind).toBe('may-help');
    const prefill = prefillFromAnswers(answers, result);
    const storage = new MemoryStorage();
    expect(storePrefill(storage, prefill)).toBe(true);

    const taken = takeScreenerPrefill(storage);
    expect(taken).toEqual(prefill);
    expect(storage.items.has(SCREENER_PREFILL_KEY)).toBe(false);
    expect(takeScreenerPrefill(storage)).toBeNull();

    const form = formFromPrefill(taken);
    expect(form.case.problemKinds).toEqual(toRequestProblemKinds(prefill.problemKinds));
    expect(form.case.problemKinds).toEqual(['past-processing-time', 'processing-mistake']);
    expect(form.case.formTypes).toEqual(['I-485']);
    // The screener asked when USCIS received the case: that field, not "date you filed".
    expect(form.case.dateReceived).toBe('2024-01-10');
    expect(form.case.dateFiled).toBe('');
    expect(form.case.priorAttempts.map((a) => a.channel)).toEqual(['e_request']);
    expect(form.case.priorAttempts[0]!.date).toBe(addDays(TODAY, -70));
    expect(form.screener?.urgent).toBe(false);
    expect(form.screener?.outsideProcessingTime).toBe(true);
  });

  it('the form uses the same mapping for every problem kind and contact', () => {
    for (const kind of SCREENER_KINDS) {
      const form = formFromPrefill({ urgent: false, problemKinds: [kind], priorContacts: [], reasons: [] } satisfies ScreenerPrefill);
      expect(form.case.problemKinds, kind).toEqual([REQUEST_PROBLEM_KIND[kind]]);
    }
    for (const c of CONTACTS) {
      const form = formFromPrefill({ urgent: false, problemKinds: [], priorContacts: [c], reasons: [] });
      expect(form.case.priorAttempts.map((a) => a.channel), c).toEqual([REQUEST_CHANNEL[c]]);
    }
  });

  it('reports a browser that refuses storage, and clearing never throws', () => {
    const refusing = { setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => { throw new Error('SecurityError'); } };
    expect(storePrefill(refusing, { urgent: false, problemKinds: [], priorContacts: [], reasons: [] })).toBe(false);
    expect(storePrefill(undefined, { urgent: false, problemKinds: [], priorContacts: [], reasons: [] })).toBe(false);
    expect(() => clearPrefill(refusing)).not.toThrow();
  });
});
