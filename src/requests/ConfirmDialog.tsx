import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal question (native <dialog>: focus stays inside, Escape cancels).
 * Where showModal is missing it still opens, as a plain dialog.
 */
export function ConfirmDialog(props: {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const opener = document.activeElement as HTMLElement | null;
    if (typeof el.showModal === 'function') {
      try {
        el.showModal();
      } catch {
        el.setAttribute('open', '');
      }
    } else el.setAttribute('open', '');
    // The safe answer takes the focus.
    cancelButton.current?.focus();
    return () => opener?.focus?.();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby="rq-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="rq-dialog-title">{props.title}</h2>
      {props.children}
      <div class="button-row dialog__actions">
        <button type="button" class={`button ${props.danger ? 'button--danger-solid' : 'button--primary'}`} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button type="button" class="button" ref={cancelButton} onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
