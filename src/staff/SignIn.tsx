import { useRef, useState } from 'preact/hooks';
import type { Api } from './api';
import { useStaffTitle } from './context';
import { Alert, CurrentPasswordField, Field } from './Field';
import { errorText } from './text';
import type { Session } from './types';
import { checkCode } from './validate';
import { passkeysSupported, signInWithPasskey } from './passkey-client';

export function SignIn(props: { api: Api; onSignedIn: (s: Session) => void }) {
  useStaffTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  /** The second factor is the code, or (withPasskey) the device's passkey instead. */
  const signIn = async (withPasskey: boolean) => {
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = 'Enter your e-mail address.';
    if (!password) found.password = 'Enter your password.';
    const codeError = withPasskey ? undefined : checkCode(code);
    if (codeError) found.code = codeError;
    setErrors(found);
    setFailure('');
    const first = Object.keys(found)[0];
    if (first) {
      form.current?.querySelector<HTMLElement>(`#signin-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const session = withPasskey
        ? await signInWithPasskey(props.api, email.trim(), password)
        : await props.api.send<Session>('POST', 'session', { email: email.trim(), password, code: code.replace(/\s/g, '') });
      props.onSignedIn(session);
    } catch (error) {
      setFailure(errorText(error));
      requestAnimationFrame(() => document.getElementById('signin-failure')?.focus());
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: Event) => {
    e.preventDefault();
    void signIn(false);
  };

  return (
    <main id="main" class="staff-main staff-main--narrow">
      <h1 tabIndex={-1}>Sign in to the office console</h1>
      {failure && <Alert id="signin-failure">{failure}</Alert>}
      <form ref={form} onSubmit={submit} noValidate>
        <Field
          id="signin-email"
          label="E-mail"
          type="email"
          autocomplete="username"
          value={email}
          error={errors.email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <CurrentPasswordField id="signin-password" label="Password" value={password} error={errors.password} onInput={setPassword} />
        <Field
          id="signin-code"
          label="6-digit code"
          hint="From your authenticator app. With a passkey, leave this empty."
          inputMode="numeric"
          autocomplete="one-time-code"
          maxLength={7}
          value={code}
          error={errors.code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        <div class="staff-row">
          <button type="submit" class="staff-button" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          {passkeysSupported() && (
            <button type="button" class="staff-button staff-button--quiet" disabled={busy} onClick={() => void signIn(true)}>
              Use a passkey instead of the code
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
