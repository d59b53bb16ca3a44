import { useEffect, useState } from 'preact/hooks';
import { useRegisterSW } from 'virtual:pwa-register/preact';
import { useI18n } from '../i18n/context';
import { flushOpenForms, hasOpenForm, onOpenFormsChange } from '../ui/form-guard';
import { whenIdle } from './when-idle';

const HOURLY = 60 * 60 * 1000;

/**
 * "Ready to work offline" once, and "A new version is ready" when a new
 * worker waits. The update applies only when the person presses the
 * button, and only after every open form has written its autosave: the
 * page never reloads by itself.
 */
export function UpdatePrompt() {
  const [ready, setReady] = useState(false);
  // The worker is registered once the first screen has rendered and the
  // page has a moment (whenIdle), for the reason Workbox gives for waiting
  // for the load event: registering loads workbox-window and starts the
  // worker's install, which fetches the whole precache, all competing with
  // the first screen's own files.
  useEffect(() => {
    let alive = true;
    void whenIdle().then(() => alive && setReady(true));
    return () => {
      alive = false;
    };
  }, []);
  return ready ? <RegisteredUpdatePrompt /> : null;
}

function RegisteredUpdatePrompt() {
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
  // Shown at the end of the page by OfflineReadyNote: a note arriving a
  // moment after the first paint must not push the page down.
  useEffect(() => {
    if (offlineReady) offlineReadyState.set(true, () => setOfflineReady(false));
  }, [offlineReady, setOfflineReady]);

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
  return null;
}

/** Hand-over from the worker registration (above) to the note below the page. */
const offlineReadyState = (() => {
  let shown = false;
  let dismiss = () => {};
  const listeners = new Set<() => void>();
  return {
    get: () => shown,
    set(value: boolean, onDismiss: () => void) {
      dismiss = onDismiss;
      if (shown === value) return;
      shown = value;
      listeners.forEach((l) => l());
    },
    dismiss() {
      shown = false;
      dismiss();
      listeners.forEach((l) => l());
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
})();

/** "Ready to work offline", once, after the page's content. */
export function OfflineReadyNote() {
  const { t } = useI18n();
  const [shown, setShown] = useState(offlineReadyState.get());
  useEffect(() => offlineReadyState.subscribe(() => setShown(offlineReadyState.get())), []);
  if (!shown) return null;
  return (
    <div class="banner banner--info banner--end" role="status">
      <p>{t('shell.offlineReady')}</p>
      <div class="banner__actions">
        <button type="button" class="button" onClick={() => offlineReadyState.dismiss()}>
          {t('shell.dismiss')}
        </button>
      </div>
    </div>
  );
}
