import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { LOCALES } from '../i18n/locales';
import { useConfig } from '../config/config';
import { checkSetup, startEventMode, type EventSetupInput, type SetupField, type SetupIssue } from './event-mode';

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const FIELD_IDS: Record<SetupField, string> = {
  name: 'event-name',
  place: 'event-place',
  date: 'event-date',
  defaultLocale: 'event-language',
  idleSeconds: 'event-idle',
  pin: 'event-pin',
  pinConfirm: 'event-pin-confirm',
};

/**
 * The officer switches the device to event mode: the event's name, place
 * and date (for the counts), the language each person starts in, the quiet
 * time before a session ends, and a PIN typed twice.
 */
export function EventSetup(props: { reload?: (path: string) => void }) {
  const { t, locale } = useI18n();
  const { eventIdleSeconds } = useConfig();
  const [form, setForm] = useState<Omit<EventSetupInput, 'idleSeconds'>>({
    name: '',
    place: '',
    date: today(),
    defaultLocale: locale,
    pin: '',
    pinConfirm: '',
  });
  // The office's quiet time comes with /config.json, once the first screen
  // is up: it stands until the officer types one.
  const [typedIdleSeconds, setTypedIdleSeconds] = useState<number | null>(null);
  const input: EventSetupInput = { ...form, idleSeconds: typedIdleSeconds ?? eventIdleSeconds };
  const [issues, setIssues] = useState<SetupIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const set = (field: SetupField) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    if (field === 'idleSeconds') setTypedIdleSeconds(Math.round(Number(value) * 60));
    else setForm((prev) => ({ ...prev, [field]: value }));
  };
  const issueFor = (field: SetupField) => issues.find((i) => i.field === field);
  const errorId = (field: SetupField) => `${FIELD_IDS[field]}-error`;
  const fieldProps = (field: SetupField) => {
    const issue = issueFor(field);
    return {
      id: FIELD_IDS[field],
      'aria-invalid': issue ? ('true' as const) : undefined,
      'aria-describedby': issue ? errorId(field) : undefined,
      onInput: set(field),
    };
  };
  const error = (field: SetupField) => {
    const issue = issueFor(field);
    return issue ? (
      <span class="field__error" id={errorId(field)}>
        {t(issue.id, issue.values)}
      </span>
    ) : null;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = checkSetup(input);
    setIssues(found);
    if (found.length) {
      requestAnimationFrame(() => document.getElementById('event-setup-errors')?.focus());
      return;
    }
    setBusy(true);
    setFailed(false);
    try {
      await startEventMode(input);
      (props.reload ?? ((path: string) => location.assign(path)))('/');
    } catch {
      setBusy(false);
      setFailed(true);
    }
  };

  return (
    <form class="event-setup" onSubmit={(e) => void submit(e)} noValidate>
      {issues.length > 0 && (
        <div class="error-summary" id="event-setup-errors" tabIndex={-1} role="alert">
          <h3>{t('event.setup.errorsTitle')}</h3>
          <ul>
            {issues.map((i) => (
              <li key={i.field}>
                <a href={`#${FIELD_IDS[i.field]}`}>{t(i.id, i.values)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="field">
        <label for={FIELD_IDS.name}>{t('event.setup.name')}</label>
        {error('name')}
        <input type="text" maxLength={120} autoComplete="off" value={input.name} {...fieldProps('name')} />
      </div>
      <div class="field">
        <label for={FIELD_IDS.place}>
          {t('event.setup.place')} <span class="field__hint">{t('event.setup.optional')}</span>
        </label>
        {error('place')}
        <input type="text" maxLength={120} autoComplete="off" value={input.place} {...fieldProps('place')} />
      </div>
      <div class="field">
        <label for={FIELD_IDS.date}>{t('event.setup.date')}</label>
        {error('date')}
        <input type="date" value={input.date} {...fieldProps('date')} />
      </div>
      <div class="field">
        <label for={FIELD_IDS.defaultLocale}>{t('event.setup.language')}</label>
        <span class="field__hint">{t('event.setup.languageHint')}</span>
        {error('defaultLocale')}
        <select value={input.defaultLocale} {...fieldProps('defaultLocale')} onChange={set('defaultLocale')}>
          {LOCALES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={FIELD_IDS.idleSeconds}>{t('event.setup.idle')}</label>
        <span class="field__hint">{t('event.setup.idleHint')}</span>
        {error('idleSeconds')}
        <input type="number" inputMode="numeric" min={1} max={60} step={1} value={String(input.idleSeconds / 60)} {...fieldProps('idleSeconds')} />
      </div>
      <div class="field">
        <label for={FIELD_IDS.pin}>{t('event.setup.pin')}</label>
        <span class="field__hint">{t('event.setup.pinHint')}</span>
        {error('pin')}
        <input type="password" inputMode="numeric" autoComplete="new-password" maxLength={12} value={input.pin} {...fieldProps('pin')} />
      </div>
      <div class="field">
        <label for={FIELD_IDS.pinConfirm}>{t('event.setup.pinConfirm')}</label>
        {error('pinConfirm')}
        <input type="password" inputMode="numeric" autoComplete="new-password" maxLength={12} value={input.pinConfirm} {...fieldProps('pinConfirm')} />
      </div>
      {failed && (
        <p class="field__error" role="alert">
          {t('event.setup.failed')}
        </p>
      )}
      <div class="button-row">
        <button type="submit" class="button button--primary" disabled={busy}>
          {t(busy ? 'event.setup.starting' : 'event.setup.start')}
        </button>
      </div>
    </form>
  );
}
