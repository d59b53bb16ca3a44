/**
 * The answers on the path taken, each with a "Change" button that opens
 * that question again. Printed with the result, without the buttons.
 */
import { useI18n } from '../i18n/context';
import { formatDay } from './format';
import { useScreenerText } from './text';
import type { AnswerValue, Question, QuestionId, Rules } from './types';

/** The answer as the person would say it: the options' labels, a date, or months. */
export function useAnswerText(): (question: Question, value: AnswerValue | undefined) => string[] {
  const { intl } = useI18n();
  const st = useScreenerText();
  return (question, value) => {
    if (value === undefined) return [];
    switch (question.kind) {
      case 'single':
      case 'multi': {
        const chosen = Array.isArray(value) ? value : [value];
        return question.options.filter((o) => chosen.includes(o.id)).map((o) => st(o.label, o.labelValues));
      }
      case 'date':
        if (value === 'unknown') return question.unknownLabel ? [st(question.unknownLabel)] : [];
        return typeof value === 'string' ? [formatDay(intl, value)] : [];
      case 'processing-time': {
        if (typeof value !== 'object' || Array.isArray(value) || !('kind' in value)) return [];
        if (value.kind === 'months') return [st('screener.view.answerMonths', { months: value.months })];
        if (value.kind === 'range') return [st('screener.view.answerRange', { min: value.min, max: value.max })];
        return [st(question.labels.none)];
      }
    }
  };
}

export function AnswerSummary(props: {
  rules: Rules;
  answers: Readonly<Record<QuestionId, AnswerValue | undefined>>;
  path: readonly QuestionId[];
  onChange: (index: number) => void;
}) {
  const st = useScreenerText();
  const answerText = useAnswerText();
  return (
    <section class="screener-answers" aria-labelledby="screener-answers-title">
      <h3 id="screener-answers-title">{st('screener.view.answers')}</h3>
      <dl class="screener-answers__list">
        {props.path.map((id, index) => {
          const question = props.rules.questions[id];
          if (!question) return null;
          const title = st(question.title);
          const parts = answerText(question, props.answers[id]);
          return (
            <div class="screener-answers__row" key={id}>
              <dt>{title}</dt>
              <dd>
                {parts.length > 1 ? (
                  <ul>
                    {parts.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                ) : (
                  <span>{parts[0]}</span>
                )}
                <button
                  type="button"
                  class="button button--small screener-answers__change no-print"
                  aria-label={st('screener.view.changeLabel', { question: title })}
                  onClick={() => props.onChange(index)}
                >
                  {st('screener.view.change')}
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
