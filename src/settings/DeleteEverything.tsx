import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { outboxCounts } from '../event-mode/events';
import { deleteEverything } from './delete-everything';
import { Modal } from '../ui/Modal';

/** "Delete everything on this device", after a confirmation that says what is lost. */
export function DeleteEverything(props: { reload?: (path: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [unsent, setUnsent] = useState(0);
  const [busy, setBusy] = useState(false);

  const ask = async () => {
    const counts = await outboxCounts().catch(() => null);
    setUnsent(counts ? counts.waiting + counts.needsAttention : 0);
    setOpen(true);
  };

  return (
    <section class="settings-section" aria-labelledby="settings-delete">
      <h2 id="settings-delete">{t('settings.delete.title')}</h2>
      <p>{t('settings.delete.intro')}</p>
      <button type="button" class="button button--danger" onClick={() => void ask()}>
        {t('settings.delete.button')}
      </button>
      {open && (
        <Modal labelledBy="delete-title" describedBy="delete-body" onEscape={busy ? undefined : () => setOpen(false)}>
          <h2 id="delete-title">{t('settings.delete.confirmTitle')}</h2>
          <div id="delete-body">
            <p>{t('settings.delete.confirmBody')}</p>
            {unsent > 0 && <p class="settings-note settings-note--warn">{t('settings.delete.unsent', { count: unsent })}</p>}
          </div>
          {busy ? (
            <p role="status">{t('settings.delete.working')}</p>
          ) : (
            <div class="button-row">
              <button
                type="button"
                class="button button--danger"
                onClick={async () => {
                  setBusy(true);
                  await deleteEverything(props.reload ? { reload: props.reload } : {});
                }}
              >
                {t('settings.delete.confirm')}
              </button>
              <button type="button" class="button" onClick={() => setOpen(false)}>
                {t('settings.delete.cancel')}
              </button>
            </div>
          )}
        </Modal>
      )}
    </section>
  );
}
