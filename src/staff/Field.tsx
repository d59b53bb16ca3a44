import type { ComponentChildren, InputHTMLAttributes } from 'preact';

/**
 * A labelled input with its hint and error tied to it for screen readers.
 * The error text sits beside the field; nothing typed is cleared.
 */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'search';
  autocomplete?: string;
  inputMode?: 'numeric' | 'text' | 'email';
  maxLength?: number;
  value: string;
  onInput: (e: Event & { currentTarget: HTMLInputElement }) => void;
  children?: ComponentChildren;
}) {
  const { id, label, hint, error, children, ...rest } = props;
  // Preact's input typing splits by `type`; these few attributes are valid for every kind used here.
  const input = rest as unknown as InputHTMLAttributes<HTMLInputElement>;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`staff-field${error ? ' staff-field--error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="staff-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="staff-error">
          {error}
        </p>
      )}
      {children ?? <input id={id} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} {...input} />}
    </div>
  );
}

/**
 * The member's own password, asked to sign in or to confirm it is them
 * before a change: marked so the browser's password manager fills it.
 */
export function CurrentPasswordField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onInput: (value: string) => void;
}) {
  const { onInput, ...rest } = props;
  return <Field {...rest} type="password" autocomplete="current-password" onInput={(e) => onInput(e.currentTarget.value)} />;
}

/** A failed call's message: announced, and reachable by keyboard for a re-read. */
export function Alert(props: { id?: string; children: ComponentChildren }) {
  return (
    <div id={props.id} class="staff-alert" role="alert" tabIndex={-1}>
      {props.children}
    </div>
  );
}
