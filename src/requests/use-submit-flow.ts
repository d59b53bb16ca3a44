/**
 * Submitting from the review step: every step is checked first (focus goes
 * to the summary if anything is wrong), pending typing is written, and only
 * then is the draft handed to the outbox. A failed hand-over leaves the
 * form as it was, with a message.
 */
import { useState } from 'preact/hooks';
import { noteSubmitted } from '../event-mode/session';
import type { DraftSession } from './use-draft-session';
import type { StepChecks } from './use-step-checks';
import { submitRequest } from './submit-request';

export type Submitting = 'idle' | 'sending' | 'failed' | 'unsaved';

export interface SubmitFlow {
  submitting: Submitting;
  /** True once this editor handed the request over (the draft may be gone from the device since). */
  submitted: boolean;
  submit: () => Promise<void>;
}

export function useSubmitFlow(id: string, locale: string, session: DraftSession, checks: StepChecks): SubmitFlow {
  const [submitting, setSubmitting] = useState<Submitting>('idle');
  const [submitted, setSubmitted] = useState(false);

  const submit = async () => {
    checks.checkAll();
    if (checks.issues.length > 0) {
      checks.focusSummary();
      return;
    }
    setSubmitting('sending');
    const saver = session.saver();
    if (saver && !(await saver.flush())) {
      setSubmitting('unsaved');
      return;
    }
    const outcome = await submitRequest(id, session.formRef.current, locale, saver?.origin).catch(() => ({ ok: false as const, reason: 'hand-over-failed' as const }));
    if (outcome.ok) {
      noteSubmitted(id);
      await session.release();
      setSubmitted(true);
      await session.refresh();
      return;
    }
    if (outcome.reason === 'invalid') {
      setSubmitting('idle');
      checks.focusSummary();
      return;
    }
    if (outcome.reason === 'already-submitted') {
      await session.refresh({ keepIfGone: true });
      return;
    }
    setSubmitting('failed');
  };

  return { submitting, submitted, submit };
}
