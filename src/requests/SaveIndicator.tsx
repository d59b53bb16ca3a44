import { useI18n } from '../i18n/context';
import type { SaveErrorCode, SaveStatus } from './autosave';

const REASONS: Record<SaveErrorCode, string> = {
  quota: 'request.save.reason.quota',
  blocked: 'request.save.reason.blocked',
  closed: 'request.save.reason.other',
  aborted: 'request.save.reason.other',
  unknown: 'request.save.reason.other',
  missing: 'request.save.reason.missing',
  submitted: 'request.save.reason.submitted',
};

/** "Saved on this device" / "Saving…" / "Not saved — will try again", announced politely. */
export function SaveIndicator(props: { status: SaveStatus; onRetry?: () => void; compact?: boolean }) {
  const { t } = useI18n();
  const { status } = props;
  if (status.state === 'error' && props.compact) {
    const final = status.code === 'missing' || status.code === 'submitted';
    return (
      <p class="save save--error">
        {t(final ? 'request.save.notSaved' : 'request.save.error')}
      </p>
    );
  }
  if (status.state === 'error') {
    const final = status.code === 'missing' || status.code === 'submitted';
    return (
      <div class="save save--error" role="alert">
        <p class="save__state">{t(final ? 'request.save.notSaved' : 'request.save.error')}</p>
        <p>{t(REASONS[status.code])}</p>
        {!final && props.onRetry && (
          <button type="button" class="button button--small" onClick={props.onRetry}>
            {t('request.save.retryNow')}
          </button>
        )}
      </div>
    );
  }
  // Not a live region: announcing "Saving…" after every pause in typing
  // would talk over the person. Problems are announced (role="alert").
  return (
    <p class={`save save--${status.state}`}>
      {status.state === 'saving' ? t('request.save.saving') : status.state === 'saved' ? t('request.save.saved') : t('request.save.idle')}
    </p>
  );
}
