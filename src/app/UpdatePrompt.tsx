import { useEffect, useState } from 'preact/hooks';
import { useRegisterSW } from 'virtual:pwa-register/preact';
import { useI18n } from '../i18n/context';
import { flushOpenForms, hasOpenForm, onOpenFormsChange } from './form-guard';

const HOURLY = 60 * 60 * 1000;

/**
 * "Ready to work offline" once, and "A new version is ready" when a new
 * worker waits. The update applies only when the person presses the
 * button, and only after every open form has written its autosave: the
 * page never reloads by itself.
 */
export function UpdatePrompt() {
  const { t } = useI18n();
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update().catch(() => {}), HOURLY);
    },
  });
  const [formOpen, setFormOpen] = useState(hasOpenForm());
  const [busy, setBusy] = useState(false);
  useEffect(() => onOpenFormsChange(() => setFormOpen(hasOpenForm())), []);

  if (needRefresh) {
    return (
      <div class="banner banner--update" role="status">
        <p>{t(formOpen ? 'shell.update.readyForm' : 'shell.update.ready')}</p>
        <div class="banner__actions">
          <button
            type="button"
            class="button button--primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              await flushOpenForms();
              await updateServiceWorker(true);
            }}
          >
            {t('shell.update.apply')}
          </button>
          <button type="button" class="button" onClick={() => setNeedRefresh(false)}>
            {t('shell.update.later')}
          </button>
        </div>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div class="banner banner--info" role="status">
        <p>{t('shell.offlineReady')}</p>
        <div class="banner__actions">
          <button type="button" class="button" onClick={() => setOfflineReady(false)}>
            {t('shell.dismiss')}
          </button>
        </div>
      </div>
    );
  }
  return null;
}
