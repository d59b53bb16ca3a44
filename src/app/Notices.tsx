import { useI18n } from '../i18n/context';

/** Plain statements about what this device can and cannot do right now. */
export function Notices(props: { localeFellBack: boolean; storageOk: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {props.localeFellBack && (
        <div class="banner banner--warn" role="alert">
          <p>{t('shell.localeFallback')}</p>
        </div>
      )}
      {!props.storageOk && (
        <div class="banner banner--warn" role="alert">
          <p>{t('shell.noStorage')}</p>
        </div>
      )}
    </>
  );
}
