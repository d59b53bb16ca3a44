import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';
import { useEventModeOn } from '../event-mode/event-slot';
import { About } from './About';
import { DeleteEverything } from './DeleteEverything';
import { LanguageSetting } from './LanguageSetting';
import { StorageSetting } from './StorageSetting';
import { TextSizeSetting } from './TextSizeSetting';
import './settings.css';

/** Loads a part of the screen on demand, so the first paint of Settings stays small. */
function useLoaded<P>(load: (() => Promise<ComponentType<P>>) | null): ComponentType<P> | null {
  const [component, setComponent] = useState<{ c: ComponentType<P> } | null>(null);
  useEffect(() => {
    if (!load || component) return;
    let live = true;
    void load()
      .then((c) => live && setComponent({ c }))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [load, component]);
  return component?.c ?? null;
}

const loadEventSettings = () => import('../event-mode/EventSettings').then((m) => m.default);
const loadHandOff = () => import('../event-mode/HandOff').then((m) => m.HandOff as ComponentType<{ focus?: boolean }>);

export default function SettingsView() {
  const { t } = useI18n();
  useTitle(t('nav.settings'));
  const eventOn = useEventModeOn();
  const [showQr, setShowQr] = useState(false);
  const EventSettings = useLoaded(loadEventSettings);
  const HandOff = useLoaded(showQr || eventOn ? loadHandOff : null);

  return (
    <section class="page settings">
      <h1>{t('nav.settings')}</h1>
      {eventOn && <p class="settings-note">{t('event.settings.shared')}</p>}
      <LanguageSetting />
      <TextSizeSetting />
      {HandOff ? (
        <HandOff focus={showQr} />
      ) : (
        <section class="settings-section" aria-labelledby="settings-handoff">
          <h2 id="settings-handoff">{t('settings.handoff.title')}</h2>
          <p>{t('settings.handoff.intro')}</p>
          <button type="button" class="button" onClick={() => setShowQr(true)}>
            {t('settings.handoff.show')}
          </button>
        </section>
      )}
      {!eventOn && <StorageSetting />}
      {EventSettings && <EventSettings eventOn={eventOn} />}
      {!eventOn && <DeleteEverything />}
      <About />
    </section>
  );
}
