/**
 * The person's answers to the office for one request, from the outbox:
 * waiting, sent, or sent back. An answer sent back because the office
 * closed the request keeps the person's words on the device until they
 * copy or delete them; any other refusal can be changed and sent again.
 */
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import type { OutboxRecord, PendingOutboxRecord } from '../storage/outbox-record';
import type { FollowUpDraft } from '../storage/types';
import { discardFollowUp, readFollowUpCopy, takeBackFollowUp } from '../outbox/follow-up-store';
import { reasonText } from '../requests/reason-text';

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

function SentBack(props: { record: PendingOutboxRecord }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState<FollowUpDraft | null>(null);
  const [said, setSaid] = useState('');
  const closed = (props.record.reasons ?? []).some((r) => r.code === 'request_closed');
  useEffect(() => {
    void readFollowUpCopy(props.record.id).then((copy) => setDraft(copy?.draft ?? null));
  }, [props.record.id]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(draft?.text ?? '');
      setSaid(t('status.copied'));
    } catch {
      setSaid(t('status.keep.copyFailed'));
    }
  };
  return (
    <>
      <p class="status-answers__state">{t(closed ? 'status.answer.closed' : 'status.answer.refused')}</p>
      {!closed && (
        <ul class="outbox__reasons">
          {(props.record.reasons ?? [{ code: 'other' }]).map((reason, i) => (
            <li key={i}>{reasonText(i18n, reason)}</li>
          ))}
        </ul>
      )}
      {draft?.text && (
        <figure class="status__note">
          <figcaption>{t('status.answer.yourWords')}</figcaption>
          <blockquote dir="auto">{draft.text}</blockquote>
        </figure>
      )}
      <div class="button-row">
        {draft?.text && (
          <button type="button" class="button" onClick={() => void copy()}>
            {t('status.answer.copy')}
          </button>
        )}
        {!closed && (
          <button type="button" class="button button--primary" onClick={() => void takeBackFollowUp(props.record.id)}>
            {t('status.answer.edit')}
          </button>
        )}
        <button type="button" class="button button--danger" onClick={() => void discardFollowUp(props.record.id)}>
          {t('status.answer.delete')}
        </button>
      </div>
      <p role="status" class="status-keep__said">
        {said}
      </p>
    </>
  );
}

function Answer(props: { record: OutboxRecord }) {
  const { t, intl } = useI18n();
  const r = props.record;
  return (
    <li class={`outbox__item outbox__item--${r.state}`}>
      <h3 class="outbox__title">{t('outbox.item.answer')}</h3>
      {r.state === 'delivered' ? (
        <p class="status-answers__state">{t('status.answer.arrived', { date: intl.formatDate(new Date(r.deliveredAt), DAY) })}</p>
      ) : r.state === 'needs-attention' ? (
        <SentBack record={r} />
      ) : (
        <p class="status-answers__state">{t(r.state === 'sending' ? 'status.answer.sending' : 'status.answer.waiting')}</p>
      )}
    </li>
  );
}

export function Answers(props: { records: readonly OutboxRecord[] }) {
  const { t } = useI18n();
  if (!props.records.length) return null;
  return (
    <section class="status-answers" aria-labelledby="status-answers-title">
      <h2 id="status-answers-title">{t('status.answer.list')}</h2>
      <ul class="outbox__list">
        {props.records.map((r) => (
          <Answer key={r.id} record={r} />
        ))}
      </ul>
    </section>
  );
}
