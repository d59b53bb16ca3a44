import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { isIosNotStandalone, requestPersistence, storageEstimate, type StorageStatus } from '../storage/usage';

/** How much is stored, whether the browser promised to keep it, and what to do on iOS. */
export function StorageSetting() {
  const { t, intl } = useI18n();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    void storageEstimate().then(setStatus);
  }, []);
  const mb = (bytes: number) =>
    intl.formatNumber(bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: bytes < 10_000_000 ? 1 : 0 });
  const ios = isIosNotStandalone();

  return (
    <section class="settings-section" aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('settings.storage.title')}</h2>
      {status && status.usage !== null && (
        <p>
          {status.quota !== null
            ? t('settings.storage.used', { used: mb(status.usage), quota: mb(status.quota) })
            : t('settings.storage.usedOnly', { used: mb(status.usage) })}
        </p>
      )}
      {status?.persisted === true && <p>{t('settings.storage.persistent')}</p>}
      {status?.persisted === false && (
        <div class="settings-note settings-note--warn">
          <p>{t('settings.storage.notPersistent')}</p>
          {!asked && (
            <button
              type="button"
              class="button"
              onClick={async () => {
                setAsked(true);
                await requestPersistence();
                setStatus(await storageEstimate());
              }}
            >
              {t('settings.storage.askKeep')}
            </button>
          )}
          {asked && status.persisted === false && <p role="status">{t('settings.storage.askRefused')}</p>}
        </div>
      )}
      {ios && (
        <div class="settings-note">
          <p>{t('settings.storage.ios')}</p>
        </div>
      )}
    </section>
  );
}
