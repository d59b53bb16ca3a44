import { useEffect, useState } from 'preact/hooks';
import { useStaff } from './context';
import { Alert } from './Field';
import { errorText } from './text';
import type { RequestDetail, StaffAccount, StaffRef } from './types';

/**
 * Assignment (supervisors). The staff list is an administrator's call; a
 * supervisor who may not read it can still take the request or release it.
 */
export function AssignPanel(props: { detail: RequestDetail; onChanged: (d: RequestDetail) => void }) {
  const { api, me } = useStaff();
  const [people, setPeople] = useState<StaffRef[]>([{ id: me.id, email: me.email }]);
  const [choice, setChoice] = useState(props.detail.assignee?.id ?? '');
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  useEffect(() => {
    api
      .get<{ staff: StaffAccount[] }>('staff')
      .then((r) => setPeople(r.staff.filter((s) => s.status === 'active')))
      .catch(() => {});
  }, []);

  const options = props.detail.assignee && !people.some((p) => p.id === props.detail.assignee!.id) ? [...people, props.detail.assignee] : people;

  const submit = async (e: Event) => {
    e.preventDefault();
    setStatus('');
    setFailure('');
    try {
      const updated = await api.send<RequestDetail>('POST', `requests/${encodeURIComponent(props.detail.id)}/assign`, { staffId: choice || null });
      props.onChanged(updated);
      setStatus(updated.assignee ? `Assigned to ${updated.assignee.email}.` : 'Nobody is assigned now.');
    } catch (err) {
      setFailure(errorText(err));
    }
  };

  return (
    <section class="staff-section staff-noprint" aria-labelledby="assign-title">
      <h2 id="assign-title">Assignment</h2>
      <form onSubmit={submit} class="staff-row">
        <div class="staff-field">
          <label for="assign-to">Assigned to</label>
          <select id="assign-to" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            <option value="">Nobody</option>
            {options.map((p) => (
              <option key={p.id} value={p.id}>
                {p.email}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="staff-button">
          Save assignment
        </button>
      </form>
      <p role="status" class="staff-status">
        {status}
      </p>
      {failure && <Alert>{failure}</Alert>}
    </section>
  );
}
