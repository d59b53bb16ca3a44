import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { pinMessage, pinWaitRemaining, type PinCheck } from './pin';

/**
 * One PIN field and a button. `check` answers like checkPin; a wrong PIN
 * says so, and after repeated mistakes the button waits (the pause is kept
 * in storage, so reloading does not skip it) with the seconds shown.
 */
/** The page's monotonic clock: the countdown shown must not jump when someone moves the device clock. */
const clock = () => performance.now();

export function PinForm(props: { id: string; label: string; action: string; check: (pin: string) => Promise<PinCheck>; onOk: () => void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<{ id: string; values?: Record<string, number> } | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(clock);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void pinWaitRemaining().then((ms) => ms > 0 && setWaitUntil(clock() + ms));
  }, []);
  useEffect(() => {
    if (waitUntil <= now) return;
    const tick = setTimeout(() => setNow(clock()), 1000);
    return () => clearTimeout(tick);
  }, [waitUntil, now]);

  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  const errorId = `${props.id}-error`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || waitSeconds > 0) return;
    setBusy(true);
    const result = await props.check(pin).catch((): PinCheck => ({ ok: false, reason: 'no_pin' }));
    setBusy(false);
    if (result.ok) {
      setPin('');
      setMessage(null);
      props.onOk();
      return;
    }
    setPin('');
    setMessage(pinMessage(result));
    const wait = result.reason === 'wait' || result.reason === 'wrong' ? result.waitMs : 0;
    setNow(clock());
    setWaitUntil(clock() + wait);
  };

  return (
    <form class="pin-form" onSubmit={(e) => void submit(e)} noValidate>
      <div class="field">
        <label for={props.id}>{props.label}</label>
        <input
          id={props.id}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          value={pin}
          aria-invalid={message ? 'true' : undefined}
          aria-describedby={message ? errorId : undefined}
          onInput={(e) => setPin((e.currentTarget as HTMLInputElement).value)}
        />
        {message && (
          <span class="field__error" id={errorId} role="alert">
            {t(message.id, message.values)}
          </span>
        )}
      </div>
      <button type="submit" class="button button--primary" disabled={busy || waitSeconds > 0}>
        {waitSeconds > 0 ? t('event.pin.waitButton', { seconds: waitSeconds }) : props.action}
      </button>
    </form>
  );
}
