/**
 * What another tab did to the draft open here (changed, deleted, submitted
 * it, or our save went over its copy), with the choices the person has.
 */
import { useI18n } from '../i18n/context';
import type { ExternalChange } from './autosave';

export function ExternalNotice(props: {
  change: ExternalChange | null;
  onLoad: () => void;
  onKeep: () => void;
  onRestore: () => void;
  onReload: () => void;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  const { change } = props;
  if (!change) return null;
  if (change.kind === 'changed') {
    return (
      <div class="note note--warn" role="alert">
        <p>
          <strong>{t('request.conflict.changed')}</strong> {t('request.conflict.changedHelp')}
        </p>
        <div class="button-row">
          <button type="button" class="button button--primary" onClick={props.onLoad}>
            {t('request.conflict.load')}
          </button>
          <button type="button" class="button" onClick={props.onKeep}>
            {t('request.conflict.keep')}
          </button>
        </div>
      </div>
    );
  }
  if (change.kind === 'overwrote') {
    return (
      <div class="note note--warn" role="alert">
        <p>{t('request.conflict.overwrote')}</p>
        <button type="button" class="button button--small" onClick={props.onDismiss}>
          {t('request.conflict.ok')}
        </button>
      </div>
    );
  }
  if (change.kind === 'deleted') {
    return (
      <div class="note note--warn" role="alert">
        <p>{t('request.conflict.deleted')}</p>
        <div class="button-row">
          <button type="button" class="button button--primary" onClick={props.onRestore}>
            {t('request.conflict.restore')}
          </button>
          <a class="button" href="/requests">
            {t('drafts.backToList')}
          </a>
        </div>
      </div>
    );
  }
  return (
    <div class="note note--warn" role="alert">
      <p>{t('request.conflict.submitted')}</p>
      <button type="button" class="button" onClick={props.onReload}>
        {t('request.conflict.show')}
      </button>
    </div>
  );
}
