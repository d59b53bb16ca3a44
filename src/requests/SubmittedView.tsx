import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/context';
import { duplicateDraft } from '../storage/drafts';
import type { AttachmentRecord, DraftRecord } from '../storage/types';
import { deviceToday } from '../shared/fields';
import { FormContext } from './form-context';
import type { RequestForm } from './form-model';
import { ReviewStep } from './steps/ReviewStep';
import { useOutboxRecords } from './outbox-hooks';
import { OUTBOX_LABEL } from './outbox-labels';
import { isEventMode } from '../event-mode/session';
import { wireIdOf } from '../outbox/seal-request';
import { TakeAway } from '../status/TakeAway';
import { PrintCopies } from './print/PrintCopies';
import { PrintToolbar } from './print/PrintToolbar';

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/**
 * A submitted request: nothing can be changed. The person can print it or
 * start a new request from it. After delivery the outbox may already have
 * removed the answers from this device; then only the message shows.
 * The heading is where the request stands in the outbox, read live: ready
 * to send, sending, delivered or needing attention, never "sent" before the
 * office has it. Until the outbox is read (or if it holds no such request)
 * the heading says only "Request", the same element, so focus stays on it.
 *
 * The answers leave this device once the office has them, so the copy to
 * keep is offered here, from the answers still in memory: the printout (the
 * person's language and English) and, once delivered, the confirmation
 * number and status link to copy or share. Not on a shared tablet, where a
 * saved PDF would stay behind for the next person (the status goes with the
 * person as a QR code instead).
 */
export function SubmittedView(props: {
  id: string;
  form: RequestForm;
  files: readonly AttachmentRecord[];
  record: DraftRecord | null;
  justSubmitted: boolean;
}) {
  const { t, intl } = useI18n();
  const { route } = useLocation();
  const [failed, setFailed] = useState(false);
  const [printing, setPrinting] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  const left = useRef(false);
  const readable = props.record?.status === 'submitted';
  const outbox = useOutboxRecords()?.find((r) => r.id === props.id);
  const delivered = outbox?.state === 'delivered' ? outbox : undefined;
  const canKeepCopy = (readable || props.justSubmitted) && !isEventMode();
  useEffect(() => {
    // The screen changed in place: put focus where the person now is.
    if (printing) document.getElementById('pf-title')?.focus();
    else if (left.current) keepButton.current?.focus();
  }, [printing]);

  if (printing) {
    return (
      <div class="page print-form">
        <PrintToolbar
          back={
            <button
              type="button"
              class="button"
              onClick={() => {
                left.current = true;
                setPrinting(false);
              }}
            >
              {t('request.print.back')}
            </button>
          }
        />
        <PrintCopies form={props.form} files={props.files} updatedAt={props.record?.updatedAt ?? Date.now()} {...(delivered ? { confirmation: delivered.confirmation } : {})} />
      </div>
    );
  }
  // Just submitted, the request went into the outbox as waiting: true until the outbox read says more.
  const state = outbox?.state ?? (props.justSubmitted ? 'waiting' : undefined);
  let detail = '';
  if (state === 'waiting') detail = t('outbox.state.waiting');
  else if (state === 'needs-attention') detail = t('outbox.state.needsAttention');
  else if (outbox?.state === 'delivered') {
    detail = t('outbox.state.delivered', { date: intl.formatDate(new Date(outbox.deliveredAt), DATE), confirmation: outbox.confirmation });
  }
  return (
    <section class="page rq-submitted">
      <h1>{state ? t(OUTBOX_LABEL[state]) : t('outbox.item.titleNoForms')}</h1>
      <div class={`note ${state === 'needs-attention' ? 'note--warn' : 'note--ok'}`} role="status">
        {detail && <p>{detail}</p>}
      </div>
      {readable && <p>{t('request.submitted.locked')}</p>}
      <div class="button-row">
        {canKeepCopy && (
          <button type="button" ref={keepButton} class="button" onClick={() => setPrinting(true)}>
            {t('request.submitted.keepCopy')}
          </button>
        )}
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
        <a class="button" href="/requests/status">
          {t('request.submitted.status')}
        </a>
        <a class="button" href="/requests">
          {t('drafts.backToList')}
        </a>
      </div>
      {delivered?.statusSecret && <TakeAway item={{ id: wireIdOf(delivered), key: delivered.id, secret: delivered.statusSecret, sent: delivered }} />}
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
