/**
 * screener.evaluateP95Us: microseconds for one call of the screener
 * engine's `evaluate()` in Node, over the answer sets a person actually
 * produces — every prefix of many random complete walks through the real
 * rules (the view calls `evaluate` after every answer, so partial sets are
 * as common as complete ones).
 */
import { performance } from 'node:perf_hooks';
import { evaluate } from '../../src/screener/engine';
import { SCREENER_RULES } from '../../src/screener/rules';
import { addDays } from '../../src/shared/dates';
import type { AnswerValue, Answers, Question, Rules } from '../../src/screener/types';
import { median, percentile } from './util';

/** Deterministic, so two bench runs time the same answer sets. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomAnswer(q: Question, today: string, rnd: () => number): AnswerValue {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  switch (q.kind) {
    case 'single':
      return q.options[int(0, q.options.length - 1)]!.id;
    case 'multi': {
      const exclusive = q.options.filter((o) => o.exclusive);
      if (exclusive.length && rnd() < 0.15) return [exclusive[int(0, exclusive.length - 1)]!.id];
      const open = q.options.filter((o) => !o.exclusive);
      const picked = open.filter(() => rnd() < 0.35);
      return (picked.length ? picked : [open[int(0, open.length - 1)]!]).map((o) => o.id);
    }
    case 'date':
      if (q.unknownLabel && rnd() < 0.1) return 'unknown';
      return addDays(today, -int(0, 6 * 365));
    case 'processing-time': {
      const r = rnd();
      if (r < 0.2) return { kind: 'none' };
      if (r < 0.5) {
        const min = int(1, 24);
        return { kind: 'range', min, max: min + int(0, 12) };
      }
      return { kind: 'months', months: int(1, Math.min(48, q.maxMonths)) };
    }
  }
}

/** Every answer set seen on `walks` random paths from the first question to an outcome. */
export function answerSets(rules: Rules, today: string, walks: number, seed = 7): Answers[] {
  const rnd = mulberry32(seed);
  const sets: Answers[] = [];
  for (let w = 0; w < walks; w++) {
    const answers: Record<string, AnswerValue> = {};
    for (let step = 0; step < 64; step++) {
      sets.push({ ...answers });
      const result = evaluate(rules, answers, today);
      if (result.kind === 'outcome') break;
      answers[result.question.id] = randomAnswer(result.question, today, rnd);
    }
  }
  return sets;
}

export interface ScreenerFigures {
  evaluateP95Us: number;
  sets: number;
  outcomes: number;
}

export function benchScreener(options: { runs: number; today?: string }): ScreenerFigures {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const sets = answerSets(SCREENER_RULES, today, 2000);
  // Warm-up: let V8 optimise the engine before anything is timed.
  for (let i = 0; i < 3; i++) for (const answers of sets) evaluate(SCREENER_RULES, answers, today);
  const p95s: number[] = [];
  let outcomes = 0;
  for (let run = 0; run < options.runs; run++) {
    const times = new Array<number>(sets.length);
    for (let i = 0; i < sets.length; i++) {
      const t0 = performance.now();
      const r = evaluate(SCREENER_RULES, sets[i]!, today);
      times[i] = (performance.now() - t0) * 1000;
      if (run === 0 && r.kind === 'outcome') outcomes++;
    }
    p95s.push(percentile(times, 95));
  }
  return { evaluateP95Us: median(p95s), sets: sets.length, outcomes };
}
