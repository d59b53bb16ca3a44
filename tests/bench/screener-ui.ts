/**
 * Walking the screener through its real UI to a chosen kind of outcome.
 * The path is found in Node with the real engine and rules (random walks
 * until one ends in the wanted kind), then answered screen by screen with
 * the controls QuestionForm renders (ids `sq-<question>-<option>`…).
 * Shared by the bench (memory: every screen visited) and the
 * accessibility test (every question kind and every outcome kind).
 */
import type { Locator, Page } from 'playwright-core';
import { evaluate } from '../../src/screener/engine';
import { SCREENER_RULES } from '../../src/screener/rules';
import type { AnswerValue, Answers, OutcomeKind, Question } from '../../src/screener/types';
import { answerSets } from './screener';

export const OUTCOME_KINDS: readonly OutcomeKind[] = ['may-help', 'first-try-uscis', 'cannot-help', 'go-elsewhere'];

export interface ScreenerPath {
  kind: OutcomeKind;
  steps: { question: Question; value: AnswerValue }[];
}

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A path to each outcome kind the rules can reach (shortest found first), in OUTCOME_KINDS order. */
export function pathsToOutcomes(today = localToday()): ScreenerPath[] {
  const complete = answerSets(SCREENER_RULES, today, 3000, 11).filter((answers) => evaluate(SCREENER_RULES, answers, today).kind === 'outcome');
  const best = new Map<OutcomeKind, Answers>();
  for (const answers of complete) {
    const r = evaluate(SCREENER_RULES, answers, today);
    if (r.kind !== 'outcome') continue;
    const have = best.get(r.outcome.kind);
    if (!have || Object.keys(answers).length > Object.keys(have).length) best.set(r.outcome.kind, answers);
  }
  const out: ScreenerPath[] = [];
  for (const kind of OUTCOME_KINDS) {
    const answers = best.get(kind);
    if (!answers) continue;
    const r = evaluate(SCREENER_RULES, answers, today);
    out.push({ kind, steps: r.path.map((id) => ({ question: SCREENER_RULES.questions[id]!, value: answers[id]! })) });
  }
  return out;
}

async function tick(page: Page, id: string): Promise<void> {
  const input: Locator = page.locator(`[id="${id}"]`);
  try {
    await input.check({ timeout: 5000 });
  } catch {
    // A custom-drawn control: its label takes the tap.
    await page.locator(`label[for="${id}"]`).click();
  }
}

/** Answers the question on screen and presses Next. */
export async function answerQuestion(page: Page, question: Question, value: AnswerValue): Promise<void> {
  const base = `sq-${question.id}`;
  await page.locator(`[id^="${base}"]`).first().waitFor();
  switch (question.kind) {
    case 'single':
      await tick(page, `${base}-${String(value)}`);
      break;
    case 'multi':
      for (const v of value as readonly string[]) await tick(page, `${base}-${v}`);
      break;
    case 'date':
      if (value === 'unknown') await tick(page, `${base}-unknown`);
      else await page.locator(`[id="${base}-date"]`).fill(String(value));
      break;
    case 'processing-time': {
      const posted = value as { kind: 'months'; months: number } | { kind: 'range'; min: number; max: number } | { kind: 'none' };
      await tick(page, `${base}-${posted.kind}`);
      if (posted.kind === 'months') await page.locator(`[id="${base}-months-input"]`).fill(String(posted.months));
      if (posted.kind === 'range') {
        await page.locator(`[id="${base}-min-input"]`).fill(String(posted.min));
        await page.locator(`[id="${base}-max-input"]`).fill(String(posted.max));
      }
      break;
    }
  }
  await page.locator('form.screener-step button[type="submit"]').click();
}

/**
 * From the screener's first question, answers a whole path. `onQuestion`
 * runs on each question screen before it is answered; resolves once the
 * outcome is on screen.
 */
export async function walkScreener(page: Page, path: ScreenerPath, onQuestion?: (question: Question, index: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < path.steps.length; i++) {
    const { question, value } = path.steps[i]!;
    await page.locator(`[id^="sq-${question.id}-"]`).first().waitFor();
    await onQuestion?.(question, i);
    await answerQuestion(page, question, value);
  }
  await page.locator('.screener-outcome__head').waitFor();
}
