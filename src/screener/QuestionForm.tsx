/**
 * One question on one screen: a fieldset whose legend holds the question
 * (as the screen's heading, which receives focus on each step), its help,
 * the controls for its kind, an error beside them, and Next / Back /
 * Start over. Nothing is stored until Next finds the answer valid.
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { validateAnswer } from './engine';
import { ChoiceRow, ChoiceRows, DateInput, idList } from '../ui/form-controls';
import { errorMessageId } from './rules';
import { candidateOf, draftFor, toggleOption, type Draft, type PostedChoice } from './draft';
import { useScreenerText } from './text';
import type { IsoDate } from '../shared/dates';
import type { AnswerValue, ChoiceQuestion, DateQuestion, ProcessingTimeQuestion, Question, ValidationError } from './types';

export interface QuestionFormProps {
  question: Question;
  /** 1-based position on the path, for "Question 3". */
  number: number;
  value: AnswerValue | undefined;
  /** Errors the engine found in a stored answer, shown before any attempt. */
  initialErrors?: readonly ValidationError[];
  today: IsoDate;
  headingRef: Ref<HTMLHeadingElement>;
  onAnswer: (value: AnswerValue) => void;
  onBack?: () => void;
  onStartOver?: () => void;
}

/** Which controls an error belongs to, so only those are marked invalid. */
type Invalid = { choices: boolean; date: boolean; months: boolean; min: boolean; max: boolean };

const NONE: Invalid = { choices: false, date: false, months: false, min: false, max: false };

function invalidParts(question: Question, draft: Draft, errors: readonly ValidationError[], today: IsoDate): Invalid {
  if (errors.length === 0) return NONE;
  if (draft.kind === 'date') return { ...NONE, date: !draft.unknown, choices: draft.unknown };
  if (draft.kind !== 'processing-time' || question.kind !== 'processing-time') return { ...NONE, choices: true };
  if (draft.choice === 'months') return { ...NONE, months: true };
  if (draft.choice !== 'range') return { ...NONE, choices: true };
  if (errors.includes('range-inverted')) return { ...NONE, min: true, max: true };
  const bad = (text: string) => validateAnswer(question, candidateOf({ ...draft, choice: 'months', months: text }), today).length > 0;
  return { ...NONE, min: bad(draft.min), max: bad(draft.max) };
}

export function QuestionForm(props: QuestionFormProps) {
  const { question, today } = props;
  const st = useScreenerText();
  const [draft, setDraft] = useState<Draft>(() => draftFor(question, props.value));
  const [errors, setErrors] = useState<readonly ValidationError[]>(props.initialErrors ?? []);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // After a refused Next, take the person to the first field in error; its message is read with it.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const base = `sq-${question.id}`;
  const helpId = question.help ? `${base}-help` : undefined;
  const errorId = errors.length ? `${base}-error` : undefined;
  const invalid = invalidParts(question, draft, errors, today);

  const submit = (event: Event) => {
    event.preventDefault();
    const candidate = candidateOf(draft);
    const found = validateAnswer(question, candidate, today);
    setErrors(found);
    if (found.length) {
      setAttempt((n) => n + 1);
      return;
    }
    props.onAnswer(candidate as AnswerValue);
  };

  // An error stays until the next Next, so the message does not flicker while the person types.
  const field = { question, draft, update: setDraft, invalid, errorId, base, today };

  return (
    <form ref={formRef} class="screener-step" noValidate onSubmit={submit}>
      <p class="screener-step__progress">{st('screener.view.progress', { number: props.number })}</p>
      <fieldset class="screener-question" aria-describedby={idList(helpId, errorId)}>
        <legend class="screener-question__legend">
          <h2 ref={props.headingRef} tabIndex={-1}>
            {st(question.title)}
          </h2>
        </legend>
        {question.help && (
          <p id={helpId} class="field__hint screener-question__help">
            {st(question.help)}
          </p>
        )}
        {errors.length > 0 && (
          <p id={errorId} class="field__error screener-question__error">
            <span class="visually-hidden">{st('screener.view.errorPrefix')} </span>
            {errors.map((code) => st(errorMessageId(code))).join(' ')}
          </p>
        )}
        {question.kind === 'date' ? (
          <DateField {...field} question={question} />
        ) : question.kind === 'processing-time' ? (
          <PostedTimeFields {...field} question={question} />
        ) : (
          <ChoiceFields {...field} question={question} />
        )}
      </fieldset>
      <div class="screener-nav">
        <button type="submit" class="button button--primary">
          {st('screener.view.next')}
        </button>
        {props.onBack && (
          <button type="button" class="button" onClick={props.onBack}>
            {st('screener.view.back')}
          </button>
        )}
        {props.onStartOver && (
          <button type="button" class="button screener-nav__restart" onClick={props.onStartOver}>
            {st('screener.view.startOver')}
          </button>
        )}
      </div>
    </form>
  );
}

interface FieldProps<Q extends Question> {
  question: Q;
  draft: Draft;
  update: (next: Draft) => void;
  invalid: Invalid;
  errorId: string | undefined;
  base: string;
  today: IsoDate;
}

function ChoiceFields(props: FieldProps<ChoiceQuestion>) {
  const st = useScreenerText();
  const { question, draft } = props;
  const multi = question.kind === 'multi';
  const chosen = draft.kind === 'single' ? [draft.value] : draft.kind === 'multi' ? draft.values : [];
  const options = question.options.map((option) => ({
    value: option.id,
    label: st(option.label, option.labelValues),
    hint: option.help ? st(option.help, option.labelValues) : undefined,
  }));
  return (
    <div class="screener-choices">
      <ChoiceRows
        type={multi ? 'checkbox' : 'radio'}
        idBase={props.base}
        idBy="value"
        name={props.base}
        options={options}
        isChecked={(value) => chosen.includes(value)}
        invalid={props.invalid.choices}
        describedBy={props.errorId}
        rowClass="screener-choice"
        onChange={(value, on) =>
          props.update(multi ? { kind: 'multi', values: toggleOption(question, chosen, value, on) } : { kind: 'single', value: on ? value : '' })
        }
      />
    </div>
  );
}

function DateField(props: FieldProps<DateQuestion>) {
  const st = useScreenerText();
  const { question, draft } = props;
  if (draft.kind !== 'date') return null;
  const inputId = `${props.base}-date`;
  return (
    <div class="screener-date">
      <div class="field">
        <label for={inputId}>{st('screener.view.dateLabel')}</label>
        <DateInput
          id={inputId}
          class="screener-date__input"
          value={draft.date}
          today={props.today}
          disabled={draft.unknown}
          invalid={props.invalid.date}
          describedBy={props.errorId}
          onInput={(date) => props.update({ ...draft, date })}
        />
      </div>
      {question.unknownLabel && (
        <ChoiceRow
          type="checkbox"
          id={`${props.base}-unknown`}
          name={`${props.base}-unknown`}
          value="unknown"
          checked={draft.unknown}
          label={st(question.unknownLabel)}
          invalid={props.invalid.choices}
          describedBy={props.errorId}
          class="screener-choice"
          onChange={(on) => props.update({ ...draft, unknown: on })}
        />
      )}
    </div>
  );
}

function MonthsInput(props: { id: string; label: string; value: string; invalid: boolean; errorId: string | undefined; onInput: (v: string) => void }) {
  return (
    <div class="field screener-months">
      <label for={props.id}>{props.label}</label>
      <input
        type="text"
        inputMode="decimal"
        autocomplete="off"
        spellcheck={false}
        id={props.id}
        class="screener-months__input"
        value={props.value}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={props.errorId}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}

function PostedTimeFields(props: FieldProps<ProcessingTimeQuestion>) {
  const st = useScreenerText();
  const { question, draft, base } = props;
  if (draft.kind !== 'processing-time') return null;
  const { labels } = question;
  const choose = (choice: PostedChoice) => (on: boolean) => on && props.update({ ...draft, choice });
  const radio = (choice: Exclude<PostedChoice, ''>, label: string) => (
    <ChoiceRow
      type="radio"
      id={`${base}-${choice}`}
      name={base}
      value={choice}
      checked={draft.choice === choice}
      label={st(label)}
      invalid={props.invalid.choices}
      describedBy={props.errorId}
      class="screener-choice"
      onChange={choose(choice)}
    />
  );
  return (
    <div class="screener-choices">
      {radio('months', labels.months)}
      {draft.choice === 'months' && (
        <div class="screener-reveal">
          <MonthsInput
            id={`${base}-months-input`}
            label={st(labels.monthsInput)}
            value={draft.months}
            invalid={props.invalid.months}
            errorId={props.errorId}
            onInput={(months) => props.update({ ...draft, months })}
          />
        </div>
      )}
      {radio('range', labels.range)}
      {draft.choice === 'range' && (
        <div class="screener-reveal screener-reveal--range">
          <MonthsInput
            id={`${base}-min-input`}
            label={st(labels.minInput)}
            value={draft.min}
            invalid={props.invalid.min}
            errorId={props.errorId}
            onInput={(min) => props.update({ ...draft, min })}
          />
          <MonthsInput
            id={`${base}-max-input`}
            label={st(labels.maxInput)}
            value={draft.max}
            invalid={props.invalid.max}
            errorId={props.errorId}
            onInput={(max) => props.update({ ...draft, max })}
          />
        </div>
      )}
      {radio('none', labels.none)}
    </div>
  );
}
