/**
 * Driving the screener screen in component tests: render it with English
 * messages, answer questions by their message ids, read the outcome. The
 * clock is fixed at 2026-11-25, noon, and the screener starts empty.
 */
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import ScreenerView from '../../src/screener/ScreenerView';
import { resetScreener } from '../../src/screener/store';
import { SCREENER_MESSAGE_VALUES } from '../../src/screener/rules';
import type { I18n } from '../../src/i18n/context';
import { renderWithI18n } from './render-with-app';

/** 2026-11-25, noon on the device. */
export const NOW = new Date(2026, 10, 25, 12, 0, 0);

let i18n: I18n;
/** Any app text in English (after renderScreener). */
export const appText = (id: string) => i18n.t(id);
/** An English screener text, with the values the view passes. */
export const t = (id: string, values: Record<string, string | number> = {}) => i18n.t(id, { ...SCREENER_MESSAGE_VALUES, ...values });

export function renderScreener() {
  const result = renderWithI18n(<ScreenerView />, { path: '/screener' });
  i18n = result.i18n;
  return result;
}

export const heading = () => screen.getByRole('heading', { level: 2 });
export const expectQuestion = (titleId: string) => expect(heading().textContent).toBe(t(titleId));
export const next = () => fireEvent.click(screen.getByRole('button', { name: t('screener.view.next') }));
export const back = () => fireEvent.click(screen.getByRole('button', { name: t('screener.view.back') }));
export const pick = (labelId: string, values?: Record<string, string>) => fireEvent.click(screen.getByRole('radio', { name: t(labelId, values) }));
export const tick = (labelId: string) => fireEvent.click(screen.getByRole('checkbox', { name: t(labelId) }));
export const typeDate = (value: string) => fireEvent.input(screen.getByLabelText(t('screener.view.dateLabel')), { target: { value } });

export function answer(questionId: string, labelId: string) {
  expectQuestion(`screener.q.${questionId}.title`);
  pick(labelId);
  next();
}

export function expectOutcome(titleId: string) {
  const article = screen.getByRole('article');
  expect(within(article).getByRole('heading', { level: 2 }).textContent).toBe(t(titleId));
  return article;
}

export function reasonsOf(article: HTMLElement): string[] {
  const list = within(article).getByRole('heading', { name: t('screener.view.reasons') }).nextElementSibling as HTMLElement;
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
}

/** About USCIS, a processing problem, these problems, receipt in hand. */
export function toProblems(problemIds: string[]) {
  answer('about', 'screener.q.about.option.uscis');
  answer('wants', 'screener.q.wants.option.processingHelp');
  expectQuestion('screener.q.problems.title');
  for (const p of problemIds) tick(`screener.q.problems.option.${p}`);
  next();
  answer('receipt', 'screener.q.receipt.option.have');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  resetScreener();
  sessionStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
});
