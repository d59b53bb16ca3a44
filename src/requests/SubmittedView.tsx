import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/context';
import { duplicateDraft } from '../storage/drafts';
import type { AttachmentRecord, DraftRecord } from '../storage/types';
import { deviceToday } from '../shared/fields';
import { FormContext } from './form-context';
import type { RequestForm } from './form-model';
import { ReviewStep } from './steps/ReviewStep';

/**
 * A submitted request: nothing can be changed. The person can print it or
 * start a new request from it. After delivery the outbox may already have
 * removed the answers from this device; then only the message shows.
 */
export function SubmittedView(props: {
  id: string;
  form: RequestForm;
  files: readonly AttachmentRecord[];
  record: DraftRecord | null;
  justSubmitted: boolean;
}) {
  const { t } = useI18n();
  const { route } = useLocation();
  const [failed, setFailed] = useState(false);
  const readable = props.record?.status === 'submitted';
  return (
    <section class="page rq-submitted">
      <h1>{t(props.justSubmitted ? 'request.submitted.titleNow' : 'request.submitted.title')}</h1>
      <div class="note note--ok" role="status">
        <p>{t(props.justSubmitted ? 'request.submit.done' : 'request.submitted.body')}</p>
      </div>
      {readable && <p>{t('request.submitted.locked')}</p>}
      <div class="button-row">
        {readable && (
          <button
            type="button"
            class="button button--primary"
            onClick={async () => {
              try {
                const copy = await duplicateDraft(props.id);
                route(`/requests/${copy.id}`);
              } catch {
                setFailed(true);
              }
            }}
          >
            {t('drafts.duplicate')}
          </button>
        )}
        {readable && (
          <a class="button" href={`/requests/${props.id}/print`}>
            {t('request.review.print')}
          </a>
        )}
        <a class="button" href="/requests/status">
          {t('request.submitted.status')}
        </a>
        <a class="button" href="/requests">
          {t('drafts.backToList')}
        </a>
      </div>
      {failed && (
        <p class="note note--error" role="alert">
          {t('drafts.duplicateError')}
        </p>
      )}
      {readable && (
        <FormContext.Provider value={{ form: props.form, set: () => undefined, errors: () => [], today: deviceToday(), draftId: props.id }}>
          <ReviewStep files={props.files} />
        </FormContext.Provider>
      )}
    </section>
  );
}
