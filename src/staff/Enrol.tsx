import { useEffect, useRef, useState } from 'preact/hooks';
import { qrPath } from '../event-mode/qr';
import type { Api } from './api';
import { useStaffTitle } from './context';
import { Alert, Field } from './Field';
import { ROLE_LABEL, errorText } from './text';
import type { Role } from './types';
import { checkCode, checkNewPassword } from './validate';

type Step = 'checking' | 'invalid' | 'password' | 'code' | 'done';

/** Reads the one-time token from the link's #fragment once, then takes it out of the address bar. */
function takeToken(): string {
  const token = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (token) history.replaceState(history.state, '', location.pathname);
  return token;
}

export function Enrol(props: { api: Api }) {
  useStaffTitle('Set up your account');
  const token = useRef<string>('');
  const [step, setStep] = useState<Step>('checking');
  const [account, setAccount] = useState<{ email: string; role: Role } | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [otp, setOtp] = useState<{ otpauthUri: string; secret: string } | null>(null);
  const [fieldError, setFieldError] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    token.current = takeToken();
    if (!token.current) {
      setStep('invalid');
      return;
    }
    props.api
      .send<{ email: string; role: Role }>('POST', 'enrolment/start', { token: token.current })
      .then((a) => {
        setAccount(a);
        setStep('password');
      })
      .catch((error) => {
        setFailure(errorText(error));
        setStep('invalid');
      });
  }, []);

  // Each new step starts at its heading, so a screen reader hears where it is.
  useEffect(() => {
    if (step !== 'checking') document.querySelector<HTMLElement>('main h1, main h2:last-of-type')?.focus();
  }, [step]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure('');
    try {
      await work();
    } catch (error) {
      setFailure(errorText(error));
      requestAnimationFrame(() => document.getElementById('enrol-failure')?.focus());
    } finally {
      setBusy(false);
    }
  };

  const submitPassword = (e: Event) => {
    e.preventDefault();
    const problem = checkNewPassword(password, account?.email ?? '');
    setFieldError(problem ?? '');
    if (problem) {
      document.getElementById('enrol-password')?.focus();
      return;
    }
    void run(async () => {
      setOtp(await props.api.send('POST', 'enrolment/password', { token: token.current, password }));
      setStep('code');
    });
  };

  const submitCode = (e: Event) => {
    e.preventDefault();
    const problem = checkCode(code);
    setFieldError(problem ?? '');
    if (problem) {
      document.getElementById('enrol-code')?.focus();
      return;
    }
    void run(async () => {
      await props.api.send('POST', 'enrolment/verify', { token: token.current, code: code.replace(/\s/g, '') });
      setStep('done');
    });
  };

  return (
    <main id="main" class="staff-main staff-main--narrow">
      <h1 tabIndex={-1}>Set up your office console account</h1>
      {failure && <Alert id="enrol-failure">{failure}</Alert>}
      {step === 'checking' && <p role="status">Checking your link…</p>}
      {step === 'invalid' && !failure && <p>This page needs the enrolment link an administrator sent you. Open that link again.</p>}
      {account && step !== 'done' && (
        <p>
          Account: <strong>{account.email}</strong>, {ROLE_LABEL[account.role]}.
        </p>
      )}
      {step === 'password' && (
        <form onSubmit={submitPassword} noValidate>
          <h2 tabIndex={-1}>Step 1 of 2: choose a password</h2>
          <Field
            id="enrol-password"
            label="New password"
            hint="At least 12 characters; not your e-mail address. A few unrelated words work well."
            type="password"
            autocomplete="new-password"
            value={password}
            error={fieldError || undefined}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <button type="submit" class="staff-button" disabled={busy}>
            Continue
          </button>
        </form>
      )}
      {step === 'code' && otp && (
        <form onSubmit={submitCode} noValidate>
          <h2 tabIndex={-1}>Step 2 of 2: connect your authenticator app</h2>
          <p>Scan this code with your authenticator app, or type the key below into it.</p>
          <QrCode text={otp.otpauthUri} />
          <p>
            Key: <code class="staff-secret">{groupSecret(otp.secret)}</code>
          </p>
          <Field
            id="enrol-code"
            label="6-digit code the app shows"
            inputMode="numeric"
            autocomplete="one-time-code"
            maxLength={7}
            value={code}
            error={fieldError || undefined}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          <button type="submit" class="staff-button" disabled={busy}>
            Finish
          </button>
        </form>
      )}
      {step === 'done' && (
        <>
          <h2 tabIndex={-1}>Your account is ready</h2>
          <p>
            <a href="/staff/signin">Sign in</a> with your e-mail, password and a code from the app.
          </p>
        </>
      )}
    </main>
  );
}

function QrCode(props: { text: string }) {
  const { size, d } = qrPath(props.text);
  return (
    <svg class="staff-qr" viewBox={`0 0 ${size} ${size}`} width="240" height="240" role="img" aria-label="QR code for your authenticator app">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

/** Base32 keys read and type more easily in groups of four. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
