import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { isIosNotStandalone, storageEstimate, type StorageStatus } from '../storage/usage';
import { formatBytes } from './display';

/**
 * How much this app keeps on the device, and a warning when the browser
 * may clear it: on iPhone and iPad outside the Home Screen, how to add it
 * there. Used on the request list; Settings can use it too.
 */
export function StorageNotice(props: { detailed?: boolean }) {
  const { t, intl } = useI18n();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const ios = isIosNotStandalone();
  useEffect(() => {
    let live = true;
    void storageEstimate().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, []);
  return (
    <div class="storage-notice">
      {ios && (
        <div class="note note--warn" role="note">
          <p>{t('drafts.storage.ios')}</p>
        </div>
      )}
      {!ios && status?.persisted === false && <p class="fineprint">{t('drafts.storage.notPersistent')}</p>}
      {props.detailed && status?.persisted === true && <p class="fineprint">{t('drafts.storage.persistent')}</p>}
      {status?.usage != null && (
        <p class="fineprint">
          {status.quota != null
            ? t('drafts.storage.usageOf', { used: formatBytes(intl, status.usage), quota: formatBytes(intl, status.quota) })
            : t('drafts.storage.usage', { used: formatBytes(intl, status.usage) })}
        </p>
      )}
    </div>
  );
}
