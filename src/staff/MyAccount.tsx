import { useState } from 'preact/hooks';
import { useStaff, useStaffTitle } from './context';
import { Alert, CurrentPasswordField, Field } from './Field';
import { addPasskey, passkeysSupported } from './passkey-client';
import { ROLE_LABEL, errorText, formatDateTime } from './text';
import { LIMITS, type Passkey } from './types';
import { useLoad } from './use-load';

/** The signed-in member's own account: who they are, and their passkeys (add, name, remove). */
export function MyAccount() {
  useStaffTitle('My account');
  const { me } = useStaff();
  return (
    <>
      <h1 tabIndex={-1}>My account</h1>
      <p>
        {me.email} ({ROLE_LABEL[me.role]})
      </p>
      <Passkeys />
    </>
  );
}

function Passkeys() {
  const { api } = useStaff();
  const loaded = useLoad(() => api.get<{ passkeys: Passkey[] }>('passkeys'), []);
  const passkeys = loaded.data?.passkeys ?? null;
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  const remove = async (p: Passkey) => {
    setStatus('');
    setFailure('');
    try {
      await api.send('DELETE', `passkeys/${encodeURIComponent(p.id)}`);
      loaded.setData({ passkeys: (passkeys ?? []).filter((x) => x.id !== p.id) });
      setStatus(`Passkey “${p.name}” removed.`);
      requestAnimationFrame(() => document.getElementById('passkeys-title')?.focus());
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <section class="staff-section" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title" tabIndex={-1}>
        Passkeys
      </h2>
      <p>
        A passkey on this computer or your phone can stand in for the 6-digit code when you sign in. You still enter your password. Lost every
        device? An administrator can reset your sign-in and send you a new enrolment link.
      </p>
      <p role="status" class="staff-status">
        {status}
      </p>
      {(failure || loaded.failure) && <Alert>{failure || loaded.failure}</Alert>}
      {passkeys && passkeys.length === 0 && <p>You have no passkeys yet.</p>}
      {passkeys && passkeys.length > 0 && (
        <div class="staff-table-wrap">
          <table class="staff-table">
            <caption class="visually-hidden">Your passkeys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Added</th>
                <th scope="col">Last used</th>
                <th scope="col">Remove</th>
              </tr>
            </thead>
            <tbody>
              {passkeys.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{formatDateTime(p.createdAt)}</td>
                  <td>{p.lastUsedAt ? formatDateTime(p.lastUsedAt) : 'Never'}</td>
                  <td>
                    <button type="button" class="staff-button staff-button--quiet" onClick={() => void remove(p)}>
                      Remove<span class="visually-hidden"> the passkey “{p.name}”</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {passkeysSupported() ? (
        <AddPasskey
          onAdded={(p) => {
            loaded.setData({ passkeys: [...(passkeys ?? []), p] });
            setStatus(`Passkey “${p.name}” added. Next time, choose “Use a passkey” when you sign in.`);
          }}
        />
      ) : (
        <p>This browser cannot make passkeys.</p>
      )}
    </section>
  );
}

function AddPasskey(props: { onAdded: (p: Passkey) => void }) {
  const { api } = useStaff();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const trimmed = name.trim();
    if (!trimmed) found.name = 'Name the passkey, for example “Office laptop”.';
    else if (trimmed.length > LIMITS.passkeyName) found.name = `Use at most ${LIMITS.passkeyName} characters.`;
    if (!password) found.password = 'Enter your password to confirm it is you.';
    setErrors(found);
    setFailure('');
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`passkey-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const added = await addPasskey(api, trimmed, { password });
      setName('');
      setPassword('');
      props.onAdded(added);
    } catch (error) {
      setFailure(errorText(error));
      requestAnimationFrame(() => document.getElementById('passkey-failure')?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-passkey-title">
      <h3 id="add-passkey-title">Add a passkey</h3>
      {failure && <Alert id="passkey-failure">{failure}</Alert>}
      <Field
        id="passkey-name"
        label="Name"
        hint="So you can tell your passkeys apart, for example “Office laptop”."
        maxLength={LIMITS.passkeyName}
        autocomplete="off"
        value={name}
        error={errors.name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <CurrentPasswordField
        id="passkey-password"
        label="Your password"
        hint="Asked again before a passkey is added."
        value={password}
        error={errors.password}
        onInput={setPassword}
      />
      <button type="submit" class="staff-button" disabled={busy}>
        {busy ? 'Waiting for your device…' : 'Add a passkey'}
      </button>
    </form>
  );
}
