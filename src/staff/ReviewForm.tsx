import { useState } from 'preact/hooks';
import { useStaff } from './context';
import { Alert, Field } from './Field';
import { EMPTY_REVIEW, checkReview, type ReviewDraft, type ReviewErrors } from './review-rules';
import { CLOSE_REASON_LABEL, INFO_REASON_LABEL, REFERRAL_LABEL, STATE_LABEL, errorText } from './text';
import type { RequestDetail } from './types';
import { CLOSE_REASONS, INFO_REASONS, REFERRAL_REASONS, REVIEW_LIMITS as LIMITS, nextStates, type InfoReason, type ReviewState } from '../shared/review';

/** Moves a request to its next review state with what that state needs. Nothing typed is lost on an error. */
export function ReviewForm(props: { detail: RequestDetail; onChanged: (d: RequestDetail) => void }) {
  const { api } = useStaff();
  const [draft, setDraft] = useState<ReviewDraft>(EMPTY_REVIEW);
  const [errors, setErrors] = useState<ReviewErrors>({});
  const [failure, setFailure] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ReviewDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const choices = nextStates(props.detail.state);

  const submit = async (e: Event) => {
    e.preventDefault();
    setDone('');
    setFailure('');
    const checked = checkReview(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = Object.keys(checked.errors)[0];
      document.getElementById(first === 'state' || first === 'infoReasons' ? `review-${first}-0` : `review-${first}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const updated = await api.send<RequestDetail>('POST', `requests/${encodeURIComponent(props.detail.id)}/review`, checked.change);
      props.onChanged(updated);
      setDraft(EMPTY_REVIEW);
      setDone(`The request is now “${STATE_LABEL[updated.state] ?? updated.state}”.`);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const describe = (key: keyof ReviewDraft) => (errors[key] ? `review-${key}-error` : undefined);
  const error = (key: keyof ReviewDraft) =>
    errors[key] && (
      <p id={`review-${key}-error`} class="staff-error">
        {errors[key]}
      </p>
    );

  return (
    <section class="staff-section staff-noprint" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      <p>
        Now: <strong>{STATE_LABEL[props.detail.state] ?? props.detail.state}</strong>
      </p>
      <p role="status" class="staff-status">
        {done}
      </p>
      {failure && <Alert>{failure}</Alert>}
      <form onSubmit={submit} noValidate>
        <fieldset aria-describedby={describe('state')}>
          <legend>Move to</legend>
          {error('state')}
          {choices.map((s, i) => (
            <div class="staff-check" key={s}>
              <input
                type="radio"
                id={`review-state-${i}`}
                name="review-state"
                value={s}
                checked={draft.state === s}
                onChange={() => set({ state: s as ReviewState })}
              />
              <label for={`review-state-${i}`}>{STATE_LABEL[s]}</label>
            </div>
          ))}
        </fieldset>
        {draft.state === 'accepted' && (
          <Field id="review-caseNumber" label="Office case number" value={draft.caseNumber} error={errors.caseNumber} onInput={(e) => set({ caseNumber: e.currentTarget.value })} />
        )}
        {draft.state === 'referred' && (
          <div class="staff-field">
            <label for="review-referral">Referred to (the person is told this)</label>
            {error('referral')}
            <select
              id="review-referral"
              value={draft.referral}
              aria-invalid={errors.referral ? 'true' : undefined}
              aria-describedby={describe('referral')}
              onChange={(e) => set({ referral: e.currentTarget.value as ReviewDraft['referral'] })}
            >
              <option value="">Choose where</option>
              {REFERRAL_REASONS.map((r) => (
                <option key={r} value={r}>
                  {REFERRAL_LABEL[r]}
                </option>
              ))}
            </select>
          </div>
        )}
        {draft.state === 'referred' && (
          <Field
            id="review-referredTo"
            label="Office or contact (optional, for staff only)"
            hint={`At most ${LIMITS.referredTo} characters; the person does not see this.`}
            value={draft.referredTo}
            error={errors.referredTo}
            onInput={(e) => set({ referredTo: e.currentTarget.value })}
          />
        )}
        {draft.state === 'closed' && (
          <div class="staff-field">
            <label for="review-closeReason">Reason for closing</label>
            {error('closeReason')}
            <select
              id="review-closeReason"
              value={draft.closeReason}
              aria-invalid={errors.closeReason ? 'true' : undefined}
              aria-describedby={describe('closeReason')}
              onChange={(e) => set({ closeReason: e.currentTarget.value as ReviewDraft['closeReason'] })}
            >
              <option value="">Choose a reason</option>
              {CLOSE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {CLOSE_REASON_LABEL[r]}
                </option>
              ))}
            </select>
          </div>
        )}
        {draft.state === 'needs_information' && (
          <>
            <fieldset aria-describedby={describe('infoReasons')}>
              <legend>What is needed</legend>
              {error('infoReasons')}
              {INFO_REASONS.map((r, i) => (
                <div class="staff-check" key={r}>
                  <input
                    type="checkbox"
                    id={`review-infoReasons-${i}`}
                    checked={draft.infoReasons.includes(r)}
                    onChange={(e) => set({ infoReasons: toggle(draft.infoReasons, r, e.currentTarget.checked) })}
                  />
                  <label for={`review-infoReasons-${i}`}>{INFO_REASON_LABEL[r]}</label>
                </div>
              ))}
            </fieldset>
            <div class="staff-field">
              <label for="review-infoNote">Note to the person (optional)</label>
              <p id="review-infoNote-hint" class="staff-hint">
                The person will see this. At most {LIMITS.infoNote} characters; {LIMITS.infoNote - draft.infoNote.length} left.
              </p>
              {error('infoNote')}
              <textarea
                id="review-infoNote"
                rows={3}
                value={draft.infoNote}
                aria-invalid={errors.infoNote ? 'true' : undefined}
                aria-describedby={['review-infoNote-hint', describe('infoNote')].filter(Boolean).join(' ')}
                onInput={(e) => set({ infoNote: e.currentTarget.value })}
              />
            </div>
          </>
        )}
        <button type="submit" class="staff-button" disabled={busy}>
          {busy ? 'Saving…' : 'Save review'}
        </button>
      </form>
    </section>
  );
}

function toggle(list: readonly InfoReason[], value: InfoReason, on: boolean): InfoReason[] {
  return on ? [...new Set([...list, value])] : list.filter((x) => x !== value);
}
