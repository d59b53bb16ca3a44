import { useState } from 'preact/hooks';
import { useStaff, useStaffTitle } from './context';
import { Alert, Field } from './Field';
import { RoleGate } from './RoleGate';
import { useLoad } from './use-load';
import { ROLE_LABEL, errorText, formatDateTime } from './text';
import { ROLES, type Role, type StaffAccount } from './types';

const STATUS_LABEL: Record<StaffAccount['status'], string> = { invited: 'Invited', active: 'Active', disabled: 'Disabled' };

export function StaffAccounts() {
  useStaffTitle('Staff accounts');
  return (
    <RoleGate role="admin" title="Staff accounts">
      <Accounts />
    </RoleGate>
  );
}

function Accounts() {
  const { api, me } = useStaff();
  // Bumped after an invite, to load the list again with the new account.
  const [version, setVersion] = useState(0);
  const loaded = useLoad(() => api.get<{ staff: StaffAccount[] }>('staff'), [version]);
  const staff = loaded.data?.staff ?? null;
  const [failure, setFailure] = useState('');
  const [status, setStatus] = useState('');
  const [resetLink, setResetLink] = useState<{ email: string; url: string } | null>(null);

  const update = async (account: StaffAccount, patch: { role?: Role; disabled?: boolean }) => {
    setFailure('');
    setStatus('');
    try {
      const updated = await api.send<StaffAccount>('PATCH', `staff/${encodeURIComponent(account.id)}`, patch);
      loaded.setData({ staff: (staff ?? []).map((s) => (s.id === updated.id ? updated : s)) });
      setStatus(`${updated.email}: ${ROLE_LABEL[updated.role]}, ${STATUS_LABEL[updated.status].toLowerCase()}.`);
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  // Recovery for someone who lost their authenticator app or passkeys: they enrol again from a new link.
  const reset = async (account: StaffAccount) => {
    setFailure('');
    setStatus('');
    if (!confirm(`Reset the sign-in of ${account.email}? Their password, code and passkeys stop working until they enrol again.`)) return;
    try {
      const result = await api.send<{ enrolUrl: string }>('POST', `staff/${encodeURIComponent(account.id)}/reset`, {});
      setResetLink({ email: account.email, url: result.enrolUrl });
      setVersion((v) => v + 1);
      requestAnimationFrame(() => document.getElementById('reset-link-title')?.focus());
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>Staff accounts</h1>
      <Invite onInvited={() => setVersion((v) => v + 1)} />
      <h2>Accounts</h2>
      <p role="status" class="staff-status">
        {status}
      </p>
      {(failure || loaded.failure) && <Alert>{failure || loaded.failure}</Alert>}
      {resetLink && <EnrolLink id="reset-link" title={`New enrolment link for ${resetLink.email}`} url={resetLink.url} />}
      {staff && (
        <div class="staff-table-wrap">
          <table class="staff-table">
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => {
                const self = s.id === me.id;
                return (
                  <tr key={s.id}>
                    <th scope="row">{s.email}</th>
                    <td>
                      <label class="visually-hidden" for={`role-${s.id}`}>
                        Role of {s.email}
                      </label>
                      <select id={`role-${s.id}`} value={s.role} disabled={self} onChange={(e) => update(s, { role: e.currentTarget.value as Role })}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {ROLE_LABEL[r]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{STATUS_LABEL[s.status]}</td>
                    <td>{s.lastSignInAt ? formatDateTime(s.lastSignInAt) : 'Never'}</td>
                    <td>
                      {self ? (
                        'You'
                      ) : (
                        <div class="staff-row">
                          <button type="button" class="staff-button staff-button--quiet" onClick={() => update(s, { disabled: s.status !== 'disabled' })}>
                            {s.status === 'disabled' ? 'Enable' : 'Disable'}
                            <span class="visually-hidden"> {s.email}</span>
                          </button>
                          {s.status !== 'disabled' && (
                            <button type="button" class="staff-button staff-button--quiet" onClick={() => void reset(s)}>
                              Reset sign-in<span class="visually-hidden"> of {s.email}</span>
                            </button>
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Invites someone; the enrolment link is shown once, here, and never again. */
function Invite(props: { onInvited: () => void }) {
  const { api } = useStaff();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [error, setError] = useState('');
  const [failure, setFailure] = useState('');
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const value = email.trim();
    const problem = !value ? 'Enter the e-mail address to invite.' : !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? 'Enter an e-mail address like name@agency.gov.' : '';
    setError(problem);
    setFailure('');
    if (problem) {
      document.getElementById('invite-email')?.focus();
      return;
    }
    try {
      const result = await api.send<{ id: string; enrolUrl: string }>('POST', 'staff', { email: value, role });
      setLink({ email: value, url: result.enrolUrl });
      setEmail('');
      props.onInvited();
      requestAnimationFrame(() => document.getElementById('invite-link-title')?.focus());
    } catch (err) {
      setFailure(errorText(err));
    }
  };

  return (
    <section class="staff-section" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a staff member</h2>
      {failure && <Alert>{failure}</Alert>}
      <form onSubmit={submit} noValidate>
        <Field id="invite-email" label="E-mail" type="email" autocomplete="off" value={email} error={error || undefined} onInput={(e) => setEmail(e.currentTarget.value)} />
        <div class="staff-field">
          <label for="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="staff-button">
          Invite
        </button>
      </form>
      {link && <EnrolLink id="invite-link" title={`Enrolment link for ${link.email}`} url={link.url} />}
    </section>
  );
}

/** A one-time enrolment link, shown here once: an invitation, or a reset's new start. */
function EnrolLink(props: { id: string; title: string; url: string }) {
  return (
    <div class="staff-invite-link">
      <h3 id={`${props.id}-title`} tabIndex={-1}>
        {props.title}
      </h3>
      <p>Send this link to them yourself. It works once, for 72 hours, and is not shown again.</p>
      <p>
        <code id={props.id}>{props.url}</code>
      </p>
      <button type="button" class="staff-button staff-button--quiet" onClick={() => navigator.clipboard?.writeText(props.url).catch(() => {})}>
        Copy the link
      </button>
    </div>
  );
}
