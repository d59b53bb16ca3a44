import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { currentEvent } from './events';
import type { EventRecord } from '../storage/event-record';
import { leaveEventMode, localeName } from './event-mode';
import { checkPin } from './pin';
import { EventSetup } from './EventSetup';
import { OfficerView } from './OfficerView';
import { PinForm } from './PinForm';

/**
 * Event mode in Settings. Off: what it is, and the officer's setup form.
 * On: which event this is, the officer's counts behind the PIN, and
 * turning it off (the PIN again).
 */
export default function EventSettings(props: { eventOn: boolean; reload?: (path: string) => void }) {
  const { t, intl } = useI18n();
  const [event, setEvent] = useState<EventRecord | null | undefined>(undefined);
  const [unlocked, setUnlocked] = useState(false);
  const reload = props.reload ?? ((path: string) => location.assign(path));

  useEffect(() => {
    void currentEvent()
      .catch(() => undefined)
      .then((e) => setEvent(e ?? null));
  }, [props.eventOn]);

  if (event === undefined) return null;

  if (!event) {
    return (
      <section class="settings-section" aria-labelledby="settings-event">
        <h2 id="settings-event">{t('event.setup.title')}</h2>
        <p>{t('event.setup.intro')}</p>
        <details class="settings-details">
          <summary>{t('event.setup.open')}</summary>
          <EventSetup {...(props.reload ? { reload: props.reload } : {})} />
        </details>
      </section>
    );
  }

  const date = intl.formatDate(new Date(`${event.date}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <>
      <section class="settings-section" aria-labelledby="settings-event">
        <h2 id="settings-event">{t('event.officer.title')}</h2>
        <p>
          {t('event.officer.current', {
            name: event.name,
            place: event.place || '—',
            date,
            language: localeName(event.defaultLocale),
            minutes: Math.round(event.idleSeconds / 60),
          })}
        </p>
        {unlocked ? (
          <OfficerView eventId={event.id} onLock={() => setUnlocked(false)} />
        ) : (
          <PinForm
            id="officer-pin"
            label={t('event.officer.pin')}
            action={t('event.officer.unlock')}
            check={(pin) => checkPin(pin)}
            onOk={() => setUnlocked(true)}
          />
        )}
      </section>
      <section class="settings-section" aria-labelledby="settings-event-leave">
        <h2 id="settings-event-leave">{t('event.leave.title')}</h2>
        <p>{t('event.leave.intro')}</p>
        <PinForm
          id="leave-pin"
          label={t('event.leave.pin')}
          action={t('event.leave.button')}
          check={(pin) => leaveEventMode(pin)}
          onOk={() => reload('/settings')}
        />
      </section>
    </>
  );
}
