/**
 * The form controls the screener and the request form share, so a choice
 * or a date looks, reads and behaves the same on both: what a control shows
 * and says to assistive technology lives here; where its value is kept is
 * the caller's business.
 */
import { EARLIEST_DATE, type IsoDate } from '../shared/fields';

/** Space-separated ids, or nothing when there are none (an empty aria-describedby is noise). */
export const idList = (...list: (string | false | undefined)[]) => list.filter(Boolean).join(' ') || undefined;

export interface ChoiceOption {
  value: string;
  label: string;
  /** Read as the option's description, after its name. */
  hint?: string | undefined;
}

/** A big tappable row: the input, its label as its name, and its hint as its description. */
export function ChoiceRow(props: {
  type: 'radio' | 'checkbox';
  id: string;
  name: string;
  value: string;
  checked: boolean;
  label: string;
  hint?: string | undefined;
  invalid?: boolean | undefined;
  /** Ids of what else describes the row (the group's error). */
  describedBy?: string | undefined;
  class?: string | undefined;
  onChange: (checked: boolean) => void;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <label class={props.class ? `choice ${props.class}` : 'choice'} for={props.id}>
      <input
        type={props.type}
        id={props.id}
        name={props.name}
        value={props.value}
        checked={props.checked}
        aria-labelledby={`${props.id}-label`}
        aria-describedby={idList(hintId, props.describedBy)}
        aria-invalid={props.invalid ? 'true' : undefined}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span class="choice__text">
        <span id={`${props.id}-label`} class="choice__label">
          {props.label}
        </span>
        {props.hint && (
          <span id={hintId} class="choice__hint">
            {props.hint}
          </span>
        )}
      </span>
    </label>
  );
}

/**
 * One row per option, with ids `<idBase>-<index>` (so a link to the group
 * can land on its first option, `-0`) or `<idBase>-<value>`.
 */
export function ChoiceRows(props: {
  type: 'radio' | 'checkbox';
  idBase: string;
  idBy?: 'index' | 'value';
  name: string;
  options: readonly ChoiceOption[];
  isChecked: (value: string) => boolean;
  invalid?: boolean | undefined;
  describedBy?: string | undefined;
  rowClass?: string | undefined;
  onChange: (value: string, checked: boolean) => void;
}) {
  return (
    <>
      {props.options.map((option, i) => (
        <ChoiceRow
          key={option.value}
          type={props.type}
          id={`${props.idBase}-${props.idBy === 'value' ? option.value : i}`}
          name={props.name}
          value={option.value}
          checked={props.isChecked(option.value)}
          label={option.label}
          hint={option.hint}
          invalid={props.invalid}
          describedBy={props.describedBy}
          class={props.rowClass}
          onChange={(on) => props.onChange(option.value, on)}
        />
      ))}
    </>
  );
}

/** A calendar date no earlier than 1900 and no later than today on this device. */
export function DateInput(props: {
  id: string;
  name?: string | undefined;
  value: string;
  today: IsoDate;
  invalid?: boolean | undefined;
  /** Announced as required; the "(required)" text beside it is the caller's. */
  required?: boolean | undefined;
  describedBy?: string | undefined;
  disabled?: boolean | undefined;
  autocomplete?: string | undefined;
  class?: string | undefined;
  onInput: (value: string) => void;
}) {
  return (
    <input
      type="date"
      id={props.id}
      name={props.name}
      class={props.class}
      value={props.value}
      min={EARLIEST_DATE}
      max={props.today}
      disabled={props.disabled}
      autocomplete={props.autocomplete}
      aria-required={props.required ? 'true' : undefined}
      aria-invalid={props.invalid ? 'true' : undefined}
      aria-describedby={props.describedBy}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}
