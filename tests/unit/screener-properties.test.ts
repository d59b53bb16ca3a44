/**
 * Properties of the screener's rules and engine: the rules reference no
 * unknown ids, every question and every outcome can be reached, every path
 * ends in an outcome with at least one reason, and every text exists in
 * the English catalog. (Other locales: the translation-completeness test.)
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '@formatjs/icu-messageformat-parser';
import { addDays } from '../../src/shared/dates';
import { evaluate, validateAnswer, type Evaluation } from '../../src/screener/engine';
import { prefillFromAnswers } from '../../src/screener/prefill';
import { PENDING_FACTS, SCREENER_MESSAGE_VALUES, SCREENER_RULES, errorMessageId } from '../../src/screener/rules';
import { REASON_CODES, VALIDATION_ERRORS, type AnswerValue, type Condition, type ConditionalText, type Question, type Rules } from '../../src/screener/types';
import { FACTS } from '../../src/facts/contacts';
import { OUTCOME_KINDS, argumentsOf, screenerMessageIds } from './screener-messages';

const en = JSON.parse(readFileSync(new URL('../../locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, string>;
const TODAY = '2026-11-25';

// ------------------------------------------------------------ static checks

/** Every problem with the rules' references, as readable lines; [] when sound. */
function problemsOf(rules: Rules): string[] {
  const out: string[] = [];
  const q = (id: string) => rules.questions[id];
  const checkCondition = (c: Condition, where: string): void => {
    if ('ref' in c) {
      if (!rules.conditions[c.ref]) out.push(`${where}: unknown condition "${c.ref}"`);
    } else if ('all' in c) c.all.forEach((x) => checkCondition(x, where));
    else if ('any' in c) c.any.forEach((x) => checkCondition(x, where));
    else if ('not' in c) checkCondition(c.not, where);
    else if ('processing' in c) {
      /* checked with rules.processing below */
    } else {
      const question = q(c.question);
      if (!question) {
        out.push(`${where}: unknown question "${c.question}"`);
        return;
      }
      const hasOption = (o: string) => (question.kind === 'single' || question.kind === 'multi') && question.options.some((x) => x.id === o);
      if ('is' in c && (question.kind !== 'single' || !hasOption(c.is))) out.push(`${where}: "${c.question}" is not a single choice with "${c.is}"`);
      if ('includes' in c && (question.kind !== 'multi' || !hasOption(c.includes))) out.push(`${where}: "${c.question}" is not a multi choice with "${c.includes}"`);
      if ('includesAny' in c && (question.kind !== 'multi' || !c.includesAny.every(hasOption))) out.push(`${where}: "${c.question}" lacks one of ${c.includesAny.join(', ')}`);
      if ('unknown' in c && (question.kind !== 'date' || !question.unknownLabel)) out.push(`${where}: "${c.question}" offers no "unknown"`);
      if (('daysAgo' in c || 'before' in c) && question.kind !== 'date') out.push(`${where}: "${c.question}" is not a date`);
      if ('before' in c && typeof c.before === 'object' && q(c.before.question)?.kind !== 'date') out.push(`${where}: "${c.before.question}" is not a date question`);
    }
  };
  const checkTexts = (list: readonly ConditionalText[] | undefined, where: string) =>
    list?.forEach((t) => typeof t !== 'string' && checkCondition(t.when, where));

  if (!q(rules.start)) out.push(`start: unknown question "${rules.start}"`);
  for (const [name, c] of Object.entries(rules.conditions)) checkCondition(c, `condition ${name}`);
  for (const [id, question] of Object.entries(rules.questions)) {
    if (question.id !== id) out.push(`question ${id}: id "${question.id}" differs from its key`);
    if ((question.kind === 'single' || question.kind === 'multi') && new Set(question.options.map((o) => o.id)).size !== question.options.length)
      out.push(`question ${id}: duplicate option ids`);
    if (question.next.length === 0 || question.next[question.next.length - 1]!.when) out.push(`question ${id}: the last transition must have no condition`);
    for (const t of question.next) {
      if (t.when) checkCondition(t.when, `question ${id}`);
      if ('question' in t.to && !q(t.to.question)) out.push(`question ${id}: goes to unknown question "${t.to.question}"`);
      if ('outcome' in t.to && !rules.outcomes[t.to.outcome]) out.push(`question ${id}: goes to unknown outcome "${t.to.outcome}"`);
    }
  }
  if (rules.decision.length === 0 || rules.decision[rules.decision.length - 1]!.when) out.push('decision: the last entry must have no condition');
  for (const d of rules.decision) {
    if (d.when) checkCondition(d.when, 'decision');
    if (!rules.outcomes[d.outcome]) out.push(`decision: unknown outcome "${d.outcome}"`);
  }
  checkTexts(rules.warnings, 'warnings');
  for (const code of REASON_CODES) {
    const c = rules.reasons[code];
    if (!c) out.push(`reason ${code}: no condition`);
    else checkCondition(c, `reason ${code}`);
  }
  for (const [id, o] of Object.entries(rules.outcomes)) {
    if (o.id !== id) out.push(`outcome ${id}: id "${o.id}" differs from its key`);
    if (!OUTCOME_KINDS.includes(o.kind)) out.push(`outcome ${id}: unknown kind "${o.kind}"`);
    if (o.reasons.length === 0) out.push(`outcome ${id}: lists no reasons`);
    for (const r of o.reasons) if (!(REASON_CODES as readonly string[]).includes(r)) out.push(`outcome ${id}: unknown reason "${r}"`);
    for (const r of o.referrals) if (!rules.referrals[r]) out.push(`outcome ${id}: unknown referral "${r}"`);
    if (typeof o.urgent !== 'boolean') checkCondition(o.urgent, `outcome ${id} urgent`);
    checkTexts(o.nextSteps, `outcome ${id} steps`);
    checkTexts(o.checklist, `outcome ${id} checklist`);
    for (const on of o.comeBack ? [o.comeBack.on, ...(o.comeBack.orEarlier ?? []).map((e) => e.on)] : [])
      if (typeof on === 'object' && q(on.question)?.kind !== 'date') out.push(`outcome ${id}: comeBack needs a date question`);
    o.comeBack?.orEarlier?.forEach((e) => checkCondition(e.when, `outcome ${id} comeBack`));
  }
  for (const [id, r] of Object.entries(rules.referrals)) {
    if (r.id !== id) out.push(`referral ${id}: id "${r.id}" differs from its key`);
    for (const f of r.facts) if (!(f in FACTS) && !PENDING_FACTS.includes(f)) out.push(`referral ${id}: unknown fact "${f}"`);
  }
  if (q(rules.processing.receivedDate)?.kind !== 'date') out.push('processing: receivedDate is not a date question');
  if (q(rules.processing.postedTime)?.kind !== 'processing-time') out.push('processing: postedTime is not a processing-time question');
  return out;
}

function isAcyclic(rules: Rules): boolean {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return true;
    if (state.get(id) === 'open') return false;
    state.set(id, 'open');
    for (const t of rules.questions[id]?.next ?? []) if ('question' in t.to && !visit(t.to.question)) return false;
    state.set(id, 'done');
    return true;
  };
  return Object.keys(rules.questions).every(visit);
}

describe('the rules reference only what exists', () => {
  it('has no unknown ids, and every question has a way on', () => {
    expect(problemsOf(SCREENER_RULES)).toEqual([]);
  });

  it('catches a rule that points at an unknown id (the check itself works)', () => {
    const about = SCREENER_RULES.questions.about!;
    const broken: Rules = {
      ...SCREENER_RULES,
      questions: { ...SCREENER_RULES.questions, about: { ...about, next: [{ when: { question: 'nope', is: 'x' }, to: { outcome: 'missing' } }, ...about.next] } },
      decision: [{ when: { ref: 'no-such-condition' }, outcome: 'may-help' }, ...SCREENER_RULES.decision],
    };
    expect(problemsOf(broken)).toEqual([
      'question about: unknown question "nope"',
      'question about: goes to unknown outcome "missing"',
      'decision: unknown condition "no-such-condition"',
    ]);
  });

  it('has no cycles', () => {
    expect(isAcyclic(SCREENER_RULES)).toBe(true);
  });

  it('uses contact facts that exist; the pending ones are still missing from contacts.ts', () => {
    for (const f of PENDING_FACTS) expect(f in FACTS, `${f} now exists: drop it from PENDING_FACTS`).toBe(false);
  });

  it('has an English message for every text id, with only known placeholders', () => {
    const ids = screenerMessageIds(SCREENER_RULES);
    expect(ids.filter((id) => !(id in en))).toEqual([]);
    const allowed = new Set([...Object.keys(SCREENER_MESSAGE_VALUES), 'date', 'form']);
    for (const id of ids) {
      const args = [...argumentsOf(parse(en[id]!, { requiresOtherClause: true }))];
      expect(args.filter((a) => !allowed.has(a)), id).toEqual([]);
    }
  });

  it('leaves no unused rule texts in the catalog', () => {
    const used = new Set(screenerMessageIds(SCREENER_RULES));
    const ruleTexts = /^screener\.(q|outcome|reason|step|checklist|referral|error|notice|comeBack|kind|processing)\./;
    expect(Object.keys(en).filter((k) => ruleTexts.test(k) && !used.has(k))).toEqual([]);
  });

  it('says on every "may help" outcome that deadlines are not extended', () => {
    for (const o of Object.values(SCREENER_RULES.outcomes).filter((x) => x.kind === 'may-help')) {
      expect(o.notices).toContain('screener.notice.deadlines');
      expect(o.startsRequest).toBe(true);
    }
  });
});

// ------------------------------------------------------- exhaustive walk

const DAY_OFFSETS = [0, 59, 60, 89, 90, 91, 400];
const POSTED: AnswerValue[] = [{ kind: 'months', months: 6 }, { kind: 'range', min: 7, max: 9.5 }, { kind: 'none' }];

function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => mask & (1 << i)));
  return out;
}

/** Answers to try at each question: every choice, a spread of dates around the policy's day counts. */
function candidates(question: Question, today: string): AnswerValue[] {
  switch (question.kind) {
    case 'single': {
      if (question.options.length <= 8) return question.options.map((o) => o.id);
      // Form types mostly behave alike: the first, and each one the transitions name (each leads elsewhere).
      const named = new Set(question.next.flatMap((t) => (t.when && 'is' in t.when ? [t.when.is] : [])));
      return question.options.map((o) => o.id).filter((id, i) => i === 0 || named.has(id));
    }
    case 'multi': {
      const plain = question.options.filter((o) => !o.exclusive).map((o) => o.id);
      const alone = question.options.filter((o) => o.exclusive).map((o) => [o.id]);
      if (alone.length === 0) return subsets(plain);
      // Ways of contacting USCIS: each alone, each with the last (checking status), all, none.
      const last = plain[plain.length - 1]!;
      return [...plain.map((o) => [o]), ...plain.slice(0, -1).map((o) => [o, last]), plain, ...alone];
    }
    case 'date': {
      // The interview date matters only past the 120-day limit in law (the other side is in the case table); one date keeps the walk quick.
      if (question.id === 'interview-date') return [addDays(today, -121)];
      return [...DAY_OFFSETS.map((d) => addDays(today, -d)), ...(question.unknownLabel ? ['unknown'] : [])];
    }
    case 'processing-time':
      return POSTED;
  }
}

interface Walk {
  questions: Set<string>;
  outcomes: Map<string, number>;
  reasonSets: Map<string, Set<string>>;
  paths: number;
}

function walkAll(rules: Rules, today: string): Walk {
  const walk: Walk = { questions: new Set(), outcomes: new Map(), reasonSets: new Map(), paths: 0 };
  const visit = (answers: Record<string, AnswerValue>, depth: number) => {
    const r = evaluate(rules, answers, today);
    if (depth > Object.keys(rules.questions).length) throw new Error('path longer than the number of questions');
    if (r.kind === 'outcome') {
      walk.paths++;
      walk.outcomes.set(r.outcome.id, (walk.outcomes.get(r.outcome.id) ?? 0) + 1);
      if (r.reasons.length === 0) throw new Error(`outcome ${r.outcome.id} without reasons for ${JSON.stringify(answers)}`);
      const seen = walk.reasonSets.get(r.outcome.id) ?? new Set<string>();
      r.reasons.forEach((x) => seen.add(x));
      walk.reasonSets.set(r.outcome.id, seen);
      return;
    }
    if (r.errors) throw new Error(`candidate answer refused at ${r.question.id}: ${r.errors.join(',')}`);
    walk.questions.add(r.question.id);
    for (const value of candidates(r.question, today)) visit({ ...answers, [r.question.id]: value }, depth + 1);
  };
  visit({}, 0);
  return walk;
}

describe('every path', () => {
  let walk: Walk;
  beforeAll(() => {
    walk = walkAll(SCREENER_RULES, TODAY);
  }, 60_000);

  it('ends in an outcome with reasons (walked every choice and a spread of dates)', () => {
    expect(walk.paths).toBeGreaterThan(10_000);
  });

  it('reaches every question', () => {
    expect(Object.keys(SCREENER_RULES.questions).filter((id) => !walk.questions.has(id))).toEqual([]);
  });

  it('reaches every outcome', () => {
    expect(Object.keys(SCREENER_RULES.outcomes).filter((id) => !walk.outcomes.has(id))).toEqual([]);
  });

  it('gives every reason code somewhere', () => {
    const given = new Set([...walk.reasonSets.values()].flatMap((s) => [...s]));
    expect(REASON_CODES.filter((c) => !given.has(c))).toEqual([]);
  });
});

// --------------------------------------------------------- random walks

const arbToday = fc.integer({ min: 0, max: 40 * 365 }).map((n) => addDays('2000-01-01', n));

/** A valid answer to `question`, steered by `pick` (0 <= pick < 1). */
function answerFor(question: Question, pick: number, today: string): AnswerValue {
  const list = candidates(question, today);
  if (question.kind === 'date' && pick < 0.5) {
    // Any day between 1990 and today.
    const span = Math.max(0, Math.floor((Date.parse(today) - Date.parse('1990-01-01')) / 86_400_000));
    return addDays(today, -Math.floor(pick * 2 * span));
  }
  if (question.kind === 'processing-time' && pick < 0.5) return { kind: 'months', months: 1 + Math.floor(pick * 2 * 480) / 4 };
  return list[Math.min(list.length - 1, Math.floor(pick * list.length))]!;
}

function run(picks: number[], today: string): { result: Evaluation; answers: Record<string, AnswerValue> } {
  const answers: Record<string, AnswerValue> = {};
  for (let i = 0; ; i++) {
    const result = evaluate(SCREENER_RULES, answers, today);
    if (result.kind === 'outcome' || i > Object.keys(SCREENER_RULES.questions).length) return { result, answers };
    answers[result.question.id] = answerFor(result.question, picks[i % picks.length]!, today);
  }
}

describe('random walks (fast-check)', () => {
  it('always end in an outcome with reasons, on any day', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 12 }), arbToday, (picks, today) => {
        const { result, answers } = run(picks, today);
        expect(result.kind).toBe('outcome');
        if (result.kind !== 'outcome') return;
        expect(result.reasons.length).toBeGreaterThan(0);
        expect(new Set(result.path).size).toBe(result.path.length);
        if (result.outcome.kind === 'may-help') expect(result.notices).toContain('screener.notice.deadlines');
        const prefill = prefillFromAnswers(answers, result);
        expect(prefill.outcomeId).toBe(result.outcome.id);
        expect(prefill.urgent).toBe(result.urgent);
      }),
      { numRuns: 500 },
    );
  });

  it('ignore answers to questions off the path', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 12, maxLength: 12 }), (picks, noise) => {
        const { result, answers } = run(picks, TODAY);
        if (result.kind !== 'outcome') return;
        const extra: Record<string, AnswerValue> = {};
        Object.values(SCREENER_RULES.questions).forEach((q, i) => {
          if (!result.path.includes(q.id)) extra[q.id] = answerFor(q, noise[i % noise.length]!, TODAY);
        });
        const again = evaluate(SCREENER_RULES, { ...answers, ...extra }, TODAY);
        expect(again).toEqual(result);
        expect(prefillFromAnswers({ ...answers, ...extra }, again)).toEqual(prefillFromAnswers(answers, result));
      }),
      { numRuns: 200 },
    );
  });

  it('never throw on garbage answers: the question comes back with errors', () => {
    const ids = Object.keys(SCREENER_RULES.questions);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ids), fc.anything()), arbToday, (garbage, today) => {
        const r = evaluate(SCREENER_RULES, garbage as Record<string, AnswerValue>, today);
        if (r.kind === 'question' && garbage[r.question.id] !== undefined) expect(r.errors?.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

// --------------------------------------------------------------- validation

describe('validateAnswer', () => {
  const q = (id: string) => SCREENER_RULES.questions[id]!;

  it('refuses empty answers', () => {
    expect(validateAnswer(q('about'), '', TODAY)).toEqual(['empty']);
    expect(validateAnswer(q('about'), undefined, TODAY)).toEqual(['empty']);
    expect(validateAnswer(q('problems'), [], TODAY)).toEqual(['empty']);
    expect(validateAnswer(q('received-date'), '  ', TODAY)).toEqual(['empty']);
    expect(validateAnswer(q('posted-time'), null, TODAY)).toEqual(['empty']);
    expect(validateAnswer(q('posted-time'), { kind: 'months' }, TODAY)).toEqual(['empty']);
  });

  it('refuses options that do not exist and "none" with others', () => {
    expect(validateAnswer(q('about'), 'mars', TODAY)).toEqual(['unknown-option']);
    expect(validateAnswer(q('problems'), ['emergency', 'mars'], TODAY)).toEqual(['unknown-option']);
    expect(validateAnswer(q('uscis-contact'), ['none', 'case-status'], TODAY)).toEqual(['exclusive-option']);
    expect(validateAnswer(q('uscis-contact'), ['none'], TODAY)).toEqual([]);
  });

  it('refuses impossible, future and pre-1990 dates', () => {
    expect(validateAnswer(q('received-date'), '2023-02-29', TODAY)).toEqual(['impossible-date']);
    expect(validateAnswer(q('received-date'), '31/01/2024', TODAY)).toEqual(['impossible-date']);
    expect(validateAnswer(q('received-date'), addDays(TODAY, 1), TODAY)).toEqual(['date-in-future']);
    expect(validateAnswer(q('received-date'), TODAY, TODAY)).toEqual([]);
    expect(validateAnswer(q('received-date'), '1989-12-31', TODAY)).toEqual(['date-before-1990']);
    expect(validateAnswer(q('received-date'), '1990-01-01', TODAY)).toEqual([]);
    // "I don't remember" only where the question offers it.
    expect(validateAnswer(q('received-date'), 'unknown', TODAY)).toEqual(['impossible-date']);
    expect(validateAnswer(q('last-contact-date'), 'unknown', TODAY)).toEqual([]);
  });

  it('refuses posted times that are not positive numbers', () => {
    const pt = q('posted-time');
    expect(validateAnswer(pt, { kind: 'months', months: 0 }, TODAY)).toEqual(['not-positive']);
    expect(validateAnswer(pt, { kind: 'months', months: -3 }, TODAY)).toEqual(['not-positive']);
    expect(validateAnswer(pt, { kind: 'months', months: Number.NaN }, TODAY)).toEqual(['not-a-number']);
    expect(validateAnswer(pt, { kind: 'months', months: '8' }, TODAY)).toEqual(['not-a-number']);
    expect(validateAnswer(pt, { kind: 'months', months: 10.5 }, TODAY)).toEqual([]);
    expect(validateAnswer(pt, { kind: 'months', months: 2400 }, TODAY)).toEqual(['too-long']);
    expect(validateAnswer(pt, { kind: 'range', min: 9, max: 7 }, TODAY)).toEqual(['range-inverted']);
    expect(validateAnswer(pt, { kind: 'range', min: 0, max: 7 }, TODAY)).toEqual(['not-positive']);
    expect(validateAnswer(pt, { kind: 'range', min: 7, max: 7 }, TODAY)).toEqual([]);
    expect(validateAnswer(pt, { kind: 'none' }, TODAY)).toEqual([]);
    expect(validateAnswer(pt, { kind: 'weeks', weeks: 3 }, TODAY)).toEqual(['empty']);
  });

  it('keeps the other answers when one is bad: the bad question is asked again', () => {
    const answers = { about: 'uscis', wants: 'processing-help', problems: ['mistake'], receipt: 'have', 'uscis-contact': ['service-request'], 'last-contact-date': addDays(TODAY, 3) };
    const r = evaluate(SCREENER_RULES, answers, TODAY);
    expect(r).toMatchObject({ kind: 'question', question: { id: 'last-contact-date' }, errors: ['date-in-future'], path: ['about', 'wants', 'problems', 'receipt', 'uscis-contact'] });
  });

  it('numbers the steps', () => {
    const first = evaluate(SCREENER_RULES, {}, TODAY);
    expect(first).toMatchObject({ kind: 'question', index: 0 });
    const later = evaluate(SCREENER_RULES, { about: 'uscis', wants: 'processing-help' }, TODAY);
    expect(later).toMatchObject({ kind: 'question', index: 2 });
    if (first.kind === 'question' && later.kind === 'question') expect(later.total).toBeLessThanOrEqual(first.total);
  });

  it('has a message for every validation error', () => {
    expect(VALIDATION_ERRORS.map(errorMessageId).filter((id) => !(id in en))).toEqual([]);
  });
});
