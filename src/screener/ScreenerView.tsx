/**
 * "Can the Ombudsman help me?": one question per screen, then the result
 * with its reasons, the answers (each can be changed) and a printable
 * page. The engine decides everything from the answers; this view only
 * keeps them (in memory: store.ts), shows them and moves focus.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';
import { noteOutcome } from '../event-mode/session';
import { evaluate, type Evaluation } from './engine';
import { prefillFromAnswers } from './prefill';
import { SCREENER_RULES } from './rules';
import { deviceToday, formatDay } from './format';
import { getScreenerState, resetScreener, setScreenerState, useScreenerState, withAnswer } from './store';
import { storePrefill } from './to-request';
import { tabStore } from '../storage/web-storage';
import { QuestionForm } from './QuestionForm';
import { OutcomeView } from './OutcomeView';
import { AnswerSummary } from './AnswerSummary';
import { useScreenerText } from './text';
import type { AnswerValue, ValidationError } from './types';
import './screener.css';

const RULES = SCREENER_RULES;

/** Where the person is: a question on the path again (reviewing), the next question, or the result. */
type Screen =
  | { kind: 'question'; id: string; number: number; back: number | null; errors?: readonly ValidationError[] }
  | { kind: 'outcome' };

function screenOf(result: Evaluation, reviewing: number | null): Screen {
  const { path } = result;
  if (reviewing !== null && reviewing < path.length) {
    return { kind: 'question', id: path[reviewing]!, number: reviewing + 1, back: reviewing > 0 ? reviewing - 1 : null };
  }
  if (result.kind === 'outcome') return { kind: 'outcome' };
  return {
    kind: 'question',
    id: result.question.id,
    number: result.index + 1,
    back: path.length > 0 ? path.length - 1 : null,
    ...(result.errors ? { errors: result.errors } : {}),
  };
}

export default function ScreenerView() {
  const { intl } = useI18n();
  const st = useScreenerText();
  const { route } = useLocation();
  useTitle(st('nav.screener'));

  const state = useScreenerState();
  // The day is fixed while the screen is open, so an answer does not change meaning at midnight.
  const today = useMemo(() => deviceToday(), []);
  const result = useMemo(() => evaluate(RULES, state.answers, today), [state.answers, today]);
  const screen = screenOf(result, state.reviewing);
  const screenKey = screen.kind === 'question' ? `q:${screen.id}:${screen.number}` : `o:${result.kind === 'outcome' ? result.outcome.id : ''}`;

  // Each new step puts focus on its heading (the question in its legend, or the result's title),
  // so a screen reader reads it and the keyboard starts there. Not on arrival: the shell focuses the page title.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const arrived = useRef(false);
  // Bumped by "Start over", which may stay on the same first question.
  const [restarts, setRestarts] = useState(0);
  useEffect(() => {
    if (!arrived.current) {
      arrived.current = true;
      return;
    }
    headingRef.current?.focus();
  }, [screenKey, restarts]);

  const outcomeKind = result.kind === 'outcome' && screen.kind === 'outcome' ? result.outcome.kind : null;
  useEffect(() => {
    if (outcomeKind) noteOutcome(outcomeKind);
  }, [outcomeKind]);

  const answer = (id: string, value: AnswerValue) => {
    const current = getScreenerState();
    const answers = withAnswer(current.answers, id, value);
    let reviewing: number | null = null;
    if (current.reviewing !== null && !current.returnAfterChange) {
      // Going through answered questions one by one (after Back): show the next one, already filled in.
      const next = current.reviewing + 1;
      const path = evaluate(RULES, answers, today).path;
      reviewing = next < path.length ? next : null;
    }
    setScreenerState({ answers, reviewing, returnAfterChange: false });
  };

  const goTo = (index: number | null, returnAfterChange = false) =>
    setScreenerState({ ...getScreenerState(), reviewing: index, returnAfterChange });

  const startOver = () => {
    resetScreener();
    setRestarts((n) => n + 1);
  };

  const startRequest = () => {
    storePrefill(tabStore(), prefillFromAnswers(state.answers, result));
    route('/requests/new');
  };

  const hasAnswers = Object.keys(state.answers).length > 0;

  return (
    <section class="page screener">
      <h1>{st('screener.view.title')}</h1>
      {screen.kind === 'question' && screen.number === 1 && (
        <div class="screener-intro">
          <p class="lead">{st('screener.view.intro')}</p>
        </div>
      )}
      <p class="fineprint screener-privacy no-print">{st('screener.view.privacy')}</p>

      {screen.kind === 'question' ? (
        <QuestionForm
          key={screenKey}
          question={RULES.questions[screen.id]!}
          number={screen.number}
          value={state.answers[screen.id]}
          initialErrors={screen.errors}
          today={today}
          headingRef={headingRef}
          onAnswer={(value) => answer(screen.id, value)}
          onBack={screen.back === null ? undefined : () => goTo(screen.back)}
          onStartOver={hasAnswers ? startOver : undefined}
        />
      ) : result.kind === 'outcome' ? (
        <div class="screener-result">
          <OutcomeView result={result} headingRef={headingRef} onStartRequest={startRequest} />
          <AnswerSummary rules={RULES} answers={state.answers} path={result.path} onChange={(index) => goTo(index, true)} />
          <p class="fineprint screener-result__date">{st('screener.view.resultDate', { date: formatDay(intl, today) })}</p>
          <div class="screener-nav no-print">
            <button type="button" class="button" onClick={() => window.print()}>
              {st('screener.view.print')}
            </button>
            <button type="button" class="button" onClick={() => goTo(result.path.length - 1)}>
              {st('screener.view.back')}
            </button>
            <button type="button" class="button screener-nav__restart" onClick={startOver}>
              {st('screener.view.startOver')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
