/**
 * The form's fields: label, hint, error beside it, and an input wired to
 * a form path. Every value goes in and out as the exact text typed; a
 * value is never rendered as HTML.
 */
import type { ComponentChildren, TargetedEvent } from 'preact';
import { useI18n } from '../i18n/context';
import { errorMessageId, type ErrorCode } from '../shared/fields';
import { domIdFor, isHelping } from './form-model';
import { wirePathOf } from './form-wire';
import { useForm } from './form-context';
import { fieldIdOf, formHintId, formLabelId, isRequiredField, optionLabelId, type FieldId } from './labels';
import { getAt } from './paths';
import { ChoiceRows, DateInput, type ChoiceOption } from '../ui/form-controls';

function useLabels(path: string, label?: string, hint?: string | null) {
  const { t } = useI18n();
  const helping = isHelping(useForm().form);
  const id = fieldIdOf(wirePathOf(path));
  return {
    label: label ?? (id ? t(formLabelId(id, helping)) : path),
    hint: hint === null ? undefined : (hint ?? (id ? t(formHintId(id, helping)) : undefined)),
    required: isRequiredField(wirePathOf(path)),
  };
}

/**
 * "(required)" beside a field from the start, not only after a first error.
 * Hidden from screen readers here: they hear it from aria-required on an
 * input, or from the group's description, which points at this text.
 */
function RequiredMark(props: { id: string; required: boolean }) {
  const { t } = useI18n();
  if (!props.required) return null;
  return (
    <span class="field__required" id={`${props.id}-required`} aria-hidden="true">
      {t('request.required')}
    </span>
  );
}

/** What every control starts from: the form, its words, its DOM id and the errors at its path. */
function useField(path: string, label?: string, hint?: string | null) {
  const context = useForm();
  return { ...context, ...useLabels(path, label, hint), id: domIdFor(path), codes: context.errors(path) };
}

function describedBy(id: string, hint: string | undefined, errors: readonly ErrorCode[], extra?: string) {
  return [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : '', extra ?? ''].filter(Boolean).join(' ') || undefined;
}

/** A group has no aria-required: its description says "(required)" instead. */
function groupDescribedBy(id: string, hint: string | undefined, errors: readonly ErrorCode[], required: boolean) {
  return describedBy(id, hint, errors, required ? `${id}-required` : undefined);
}

export function ErrorText(props: { id: string; codes: readonly ErrorCode[] }) {
  const { t } = useI18n();
  if (props.codes.length === 0) return null;
  return (
    <span class="field__error" id={`${props.id}-error`}>
      <span class="visually-hidden">{t('request.errors.prefix')} </span>
      {props.codes.map((code) => t(errorMessageId(code))).join(' ')}
    </span>
  );
}

function Hint(props: { id: string; hint: string | undefined }) {
  if (!props.hint) return null;
  return (
    <span class="field__hint" id={`${props.id}-hint`}>
      {props.hint}
    </span>
  );
}

interface HeadProps {
  id: string;
  label: string;
  hint: string | undefined;
  codes: readonly ErrorCode[];
  required: boolean;
}

/** Label, hint and error above a single input, in the order a screen reader meets them. */
function FieldHead(props: HeadProps) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <RequiredMark id={props.id} required={props.required} />
      <Hint id={props.id} hint={props.hint} />
      <ErrorText id={props.id} codes={props.codes} />
    </>
  );
}

/** The same for a fieldset: legend, hint, error. */
function GroupHead(props: HeadProps) {
  return (
    <>
      <legend>
        {props.label}
        <RequiredMark id={props.id} required={props.required} />
      </legend>
      <Hint id={props.id} hint={props.hint} />
      <ErrorText id={props.id} codes={props.codes} />
    </>
  );
}

interface TextProps {
  path: string;
  label?: string;
  hint?: string | null;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  maxLength?: number;
  multiline?: boolean;
  spellcheck?: boolean;
  /** Identifiers (receipt numbers, phones) read left to right in every language. */
  ltr?: boolean;
  class?: string;
}

export function TextField(props: TextProps) {
  const { form, set, label, hint, id, codes, required } = useField(props.path, props.label, props.hint);
  const value = getAt(form, props.path);
  const common = {
    id,
    'aria-required': required ? ('true' as const) : undefined,
    name: props.path,
    value: typeof value === 'string' ? value : '',
    maxLength: props.maxLength,
    'aria-invalid': codes.length ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, hint, codes),
    spellcheck: props.spellcheck,
    dir: props.ltr ? ('ltr' as const) : ('auto' as const),
    onInput: (e: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => set(props.path, e.currentTarget.value),
  };
  return (
    <div class={`field ${props.class ?? ''}`}>
      <FieldHead id={id} label={label} hint={hint} codes={codes} required={required} />
      {props.multiline ? (
        <textarea {...common} rows={6} />
      ) : (
        <input {...common} type={(props.type ?? 'text') as 'text'} autocomplete={props.autocomplete} inputMode={props.inputMode} />
      )}
    </div>
  );
}

export function DateField(props: { path: string; label?: string; hint?: string | null; autocomplete?: string }) {
  const { form, set, today, label, hint, id, codes, required } = useField(props.path, props.label, props.hint);
  const value = getAt(form, props.path);
  return (
    <div class="field field--date">
      <FieldHead id={id} label={label} hint={hint} codes={codes} required={required} />
      <DateInput
        id={id}
        name={props.path}
        value={typeof value === 'string' ? value : ''}
        today={today}
        autocomplete={props.autocomplete}
        required={required}
        invalid={codes.length > 0}
        describedBy={describedBy(id, hint, codes)}
        onInput={(next) => set(props.path, next)}
      />
    </div>
  );
}

export type Choice = ChoiceOption;

export function SelectField(props: { path: string; options: readonly Choice[]; label?: string; hint?: string | null; autocomplete?: string }) {
  const { t } = useI18n();
  const { form, set, label, hint, id, codes, required } = useField(props.path, props.label, props.hint);
  const raw = getAt(form, props.path);
  const value = typeof raw === 'string' ? raw : '';
  // A stored value that is no longer offered is still shown, never silently dropped.
  const options = value && !props.options.some((o) => o.value === value) ? [{ value, label: value }, ...props.options] : props.options;
  return (
    <div class="field">
      <FieldHead id={id} label={label} hint={hint} codes={codes} required={required} />
      <select
        id={id}
        name={props.path}
        aria-required={required ? 'true' : undefined}
        autocomplete={props.autocomplete}
        aria-invalid={codes.length ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, codes)}
        onChange={(e) => set(props.path, e.currentTarget.value)}
        value={value}
      >
        <option value="">{t('request.select.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Options of a schema choice list, named by their message ids. */
export function useOptions(field: FieldId, values: readonly string[]): Choice[] {
  const { t } = useI18n();
  return values.map((value) => ({ value, label: t(optionLabelId(field, value)) }));
}

export function RadioGroup(props: {
  path: string;
  options: readonly Choice[];
  legend?: string;
  hint?: string | null;
  onChange?: (value: string) => void;
}) {
  const { form, set, label, hint, id, codes, required } = useField(props.path, props.legend, props.hint);
  const value = getAt(form, props.path);
  return (
    <fieldset id={id} aria-describedby={groupDescribedBy(id, hint, codes, required)} tabIndex={-1}>
      <GroupHead id={id} label={label} hint={hint} codes={codes} required={required} />
      <ChoiceRows
        type="radio"
        idBase={id}
        name={props.path}
        options={props.options}
        isChecked={(v) => value === v}
        onChange={(v) => (props.onChange ? props.onChange(v) : set(props.path, v))}
      />
    </fieldset>
  );
}

export function CheckboxGroup(props: { path: string; options: readonly Choice[]; legend?: string; hint?: string | null }) {
  const { form, set, label, hint, id, codes, required } = useField(props.path, props.legend, props.hint);
  const raw = getAt(form, props.path);
  const chosen = Array.isArray(raw) ? (raw as string[]) : [];
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...chosen.filter((v) => v !== value), value] : chosen.filter((v) => v !== value);
    // Keep the offered order, whatever order they were ticked in.
    set(
      props.path,
      props.options.map((o) => o.value).filter((v) => next.includes(v)),
    );
  };
  return (
    <fieldset id={id} aria-describedby={groupDescribedBy(id, hint, codes, required)} tabIndex={-1}>
      <GroupHead id={id} label={label} hint={hint} codes={codes} required={required} />
      <ChoiceRows type="checkbox" idBase={id} name={props.path} options={props.options} isChecked={(v) => chosen.includes(v)} onChange={toggle} />
    </fieldset>
  );
}

export function CheckboxField(props: { path: string; label?: string; hint?: string | null }) {
  const { form, set, label, hint, id, codes, required } = useField(props.path, props.label, props.hint);
  return (
    <div class="field">
      <RequiredMark id={id} required={required} />
      <ErrorText id={id} codes={codes} />
      <label class="choice">
        <input
          type="checkbox"
          id={id}
          name={props.path}
          checked={getAt(form, props.path) === true}
          aria-required={required ? 'true' : undefined}
          aria-invalid={codes.length ? 'true' : undefined}
          aria-describedby={describedBy(id, hint, codes)}
          onChange={(e) => set(props.path, e.currentTarget.checked)}
        />
        <span>
          {label}
          <Hint id={id} hint={hint} />
        </span>
      </label>
    </div>
  );
}

/**
 * A list of short texts (other names, form numbers, receipt numbers):
 * one input a row, "Add another" and "Remove". A new row takes the focus.
 */
export function ListField(props: {
  path: string;
  addLabel: string;
  max: number;
  maxLength?: number;
  autocomplete?: string;
  ltr?: boolean;
  /** Keep at least one row on screen (the first answer's box). */
  keepOne?: boolean;
}) {
  const { t } = useI18n();
  const { form, set, errors } = useForm();
  const { label, hint, required } = useLabels(props.path);
  const id = domIdFor(props.path);
  const raw = getAt(form, props.path);
  const rows = Array.isArray(raw) ? (raw as string[]) : [];
  const shown = rows.length === 0 && props.keepOne ? [''] : rows;
  const listCodes = errors(props.path);
  const focusRow = (index: number) =>
    requestAnimationFrame(() => document.getElementById(domIdFor(`${props.path}.${index}`))?.focus());
  return (
    <fieldset id={id} class="list-field" aria-describedby={groupDescribedBy(id, hint, listCodes, required)} tabIndex={-1}>
      <GroupHead id={id} label={label} hint={hint} codes={listCodes} required={required} />
      {shown.map((value, index) => {
        const rowPath = `${props.path}.${index}`;
        const rowId = domIdFor(rowPath);
        const codes = errors(rowPath);
        return (
          <div class="list-field__row" key={index}>
            <label for={rowId} class="visually-hidden">
              {t('request.list.item', { label, n: index + 1 })}
            </label>
            <ErrorText id={rowId} codes={codes} />
            <div class="list-field__line">
              <input
                id={rowId}
                name={rowPath}
                type="text"
                value={value}
                maxLength={props.maxLength}
                autocomplete={props.autocomplete}
                dir={props.ltr ? 'ltr' : 'auto'}
                // One entry is enough: only the first row must be filled.
                aria-required={required && index === 0 ? 'true' : undefined}
                aria-invalid={codes.length ? 'true' : undefined}
                aria-describedby={describedBy(rowId, undefined, codes)}
                onInput={(e) => {
                  const next = [...shown];
                  next[index] = e.currentTarget.value;
                  set(props.path, next);
                }}
              />
              {(shown.length > 1 || !props.keepOne) && (
                <button
                  type="button"
                  class="button button--small"
                  onClick={() => {
                    const next = shown.filter((_, i) => i !== index);
                    set(props.path, props.keepOne && next.length === 0 ? [''] : next);
                    focusRow(Math.max(0, index - 1));
                  }}
                >
                  {t('request.list.remove')}
                  <span class="visually-hidden"> {t('request.list.item', { label, n: index + 1 })}</span>
                </button>
              )}
            </div>
          </div>
        );
      })}
      {shown.length < props.max && (
        <button
          type="button"
          class="button"
          onClick={() => {
            set(props.path, [...shown, '']);
            focusRow(shown.length);
          }}
        >
          {props.addLabel}
        </button>
      )}
    </fieldset>
  );
}

/** A titled group of fields inside a step. */
export function Group(props: { legend: string; hint?: string; children: ComponentChildren }) {
  return (
    <fieldset class="group">
      <legend>{props.legend}</legend>
      {props.hint && <p class="field__hint">{props.hint}</p>}
      {props.children}
    </fieldset>
  );
}
