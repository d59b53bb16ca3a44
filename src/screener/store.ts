/**
 * The screener's answers, in memory only: never localStorage, IndexedDB or
 * the URL. Kept at module level so a person can read the guide and come
 * back to their answers; forgotten on a reload, on "Start over", and when
 * an event session ends ("Next person" on a shared tablet).
 */
import { useEffect, useState } from 'preact/hooks';
import { onSessionEnd } from '../event-mode/session';
import { clearPrefill } from './to-request';
import { tabStore } from '../storage/web-storage';
import type { AnswerValue, Answers, QuestionId } from './types';

export interface ScreenerState {
  /** Every answer given, including some off the current path (the engine ignores those). */
  answers: Answers;
  /** Index on the path of an answered question being looked at again (Back, Change); null: the next unanswered step. */
  reviewing: number | null;
  /** Set by "Change": after that one answer, go straight on to the next unanswered step or the result. */
  returnAfterChange: boolean;
}

const EMPTY: ScreenerState = { answers: {}, reviewing: null, returnAfterChange: false };

let state: ScreenerState = EMPTY;
const listeners = new Set<(s: ScreenerState) => void>();

export function getScreenerState(): ScreenerState {
  return state;
}

export function setScreenerState(next: ScreenerState): void {
  state = next;
  listeners.forEach((l) => l(state));
}

export function withAnswer(answers: Answers, id: QuestionId, value: AnswerValue): Answers {
  return { ...answers, [id]: value };
}

export function resetScreener(): void {
  setScreenerState(EMPTY);
}

// The next person must not see these answers, nor start a request with them.
onSessionEnd(() => {
  resetScreener();
  clearPrefill(tabStore());
});

export function useScreenerState(): ScreenerState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}
