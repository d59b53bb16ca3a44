import { useState } from 'preact/hooks';
import { hasRole, useStaff } from './context';
import { useDirectory } from './directory';
import { Alert } from './Field';
import { ROLE_LABEL, errorText } from './text';
import type { RequestDetail } from './types';

/**
 * Who has the request. As in help desks: a supervisor gives it to any
 * active colleague (or nobody); an officer takes one nobody has, or gives
 * back their own.
 */
export function AssignPanel(props: { detail: RequestDetail; onChanged: (d: RequestDetail) => void }) {
  const { api, me } = useStaff();
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  const send = async (staffId: string | null) => {
    setStatus('');
    setFailure('');
    try {
      const updated = await api.send<RequestDetail>('POST', `requests/${encodeURIComponent(props.detail.id)}/assign`, { staffId });
      props.onChanged(updated);
      setStatus(updated.assignee ? `Assigned to ${updated.assignee.email}.` : 'Nobody is assigned now.');
    } catch (err) {
      setFailure(errorText(err));
    }
  };

  return (
    <section class="staff-section staff-noprint" aria-labelledby="assign-title">
      <h2 id="assign-title">Assignment</h2>
      {hasRole(me, 'supervisor') ? <ChooseAssignee detail={props.detail} onSave={send} /> : <TakeOrGiveBack detail={props.detail} onSave={send} />}
      <p role="status" class="staff-status">
        {status}
      </p>
      {failure && <Alert>{failure}</Alert>}
    </section>
  );
}

interface PartProps {
  detail: RequestDetail;
  onSave: (staffId: string | null) => Promise<void>;
}

function ChooseAssignee({ detail, onSave }: PartProps) {
  const { people, failed } = useDirectory();
  const [choice, setChoice] = useState(detail.assignee?.id ?? '');
  const current = detail.assignee;
  // Someone disabled since keeps their line, so the list never hides who has the request.
  const gone = current && !people.some((p) => p.id === current.id) ? current : null;
  return (
    <form
      class="staff-row"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(choice || null);
      }}
    >
      <div class="staff-field">
        <label for="assign-to">Assigned to</label>
        <select id="assign-to" value={choice} onChange={(e) => setChoice(e.currentTarget.value)} aria-describedby={failed ? 'assign-hint' : undefined}>
          <option value="">Nobody</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.email} ({ROLE_LABEL[p.role]})
            </option>
          ))}
          {gone && (
            <option value={gone.id} disabled>
              {gone.email} (not active)
            </option>
          )}
        </select>
        {failed && (
          <p id="assign-hint" class="staff-hint">
            The list of colleagues could not be loaded. Reload the page to try again.
          </p>
        )}
      </div>
      <button type="submit" class="staff-button">
        Save assignment
      </button>
    </form>
  );
}

function TakeOrGiveBack({ detail, onSave }: PartProps) {
  const { me } = useStaff();
  const holder = detail.assignee;
  if (!holder) {
    return (
      <p class="staff-row">
        <span>Nobody has this request.</span>
        <button type="button" class="staff-button" onClick={() => void onSave(me.id)}>
          Assign to me
        </button>
      </p>
    );
  }
  if (holder.id === me.id) {
    return (
      <p class="staff-row">
        <span>You have this request.</span>
        <button type="button" class="staff-button staff-button--quiet" onClick={() => void onSave(null)}>
          Give it back
        </button>
      </p>
    );
  }
  return <p>Assigned to {holder.email}. A supervisor can reassign it.</p>;
}
