import { Component, type ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { removeOutboxRecord, retryOutboxRecord, type OutboxRecord } from '../outbox/submit';
import { hasBackgroundSync, sendNow } from '../outbox/triggers';
import { isUnsent } from '../outbox/state';
import { reasonText } from './reason-text';
import { useOutboxRecords } from './outbox-hooks';
import type { StatusRecord } from '../storage/status-record';
import { StatusLine } from '../status/StatusDetails';
import { useStatusRecords } from '../status/use-followed';
import { answerTo } from '../status/followed';
import { wireIdOf } from '../outbox/seal-request';
import { OUTBOX_LABEL } from './outbox-labels';
import './outbox.css';

export { useUnsentCount } from './outbox-hooks';
export { UnsentBadge } from './UnsentBadge';

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** An answer to the office (a follow-up): where it stands, and the way to its request's status page (by the page's key, never the wire id). */
function AnswerItem(props: { record: OutboxRecord; requestKey: string }) {
  const { t, intl } = useI18n();
  const r = props.record;
  const line =
    r.state === 'delivered'
      ? t('status.answer.arrived', { date: intl.formatDate(new Date(r.deliveredAt), DATE) })
      : r.state === 'needs-attention'
        ? t((r.reasons ?? []).some((x) => x.code === 'request_closed') ? 'status.answer.closed' : 'status.answer.refused')
        : t(r.state === 'sending' ? 'status.answer.sending' : 'status.answer.waiting');
  return (
    <li class={`outbox__item outbox__item--${r.state}`}>
      <h3 class="outbox__title">{t('outbox.item.answer')}</h3>
      <p class="outbox__state">{line}</p>
      <a class="button" href={`/status/${props.requestKey}`}>
        {t('status.open')}
      </a>
    </li>
  );
}

/** Feedback: where it stands, in the outbox's own words; a refused one can be removed. */
function FeedbackItem(props: { record: OutboxRecord }) {
  const i18n = useI18n();
  const { t, intl } = i18n;
  const r = props.record;
  return (
    <li class={`outbox__item outbox__item--${r.state}`}>
      <h3 class="outbox__title">{t('outbox.item.feedback')}</h3>
      <p class="outbox__state">{t(OUTBOX_LABEL[r.state])}</p>
      {r.state === 'delivered' && <p>{t('status.answer.arrived', { date: intl.formatDate(new Date(r.deliveredAt), DATE) })}</p>}
      {r.state === 'needs-attention' && (
        <>
          <ul class="outbox__reasons">
            {(r.reasons ?? [{ code: r.lastError ?? 'other' }]).map((reason, i) => (
              <li key={i}>{reasonText(i18n, reason)}</li>
            ))}
          </ul>
          <button type="button" class="button button--danger" onClick={() => void removeOutboxRecord(r.id)}>
            {t('outbox.action.remove')}
          </button>
        </>
      )}
    </li>
  );
}

interface ItemProps {
  record: OutboxRecord;
  status: StatusRecord | undefined;
  /** For an answer: the status page's key of the request it answers. */
  requestKey?: string;
}

function Item(props: ItemProps) {
  if (props.record.feedback) return <FeedbackItem record={props.record} />;
  return answerTo(props.record) ? <AnswerItem record={props.record} requestKey={props.requestKey ?? ''} /> : <RequestItem {...props} />;
}

function RequestItem(props: { record: OutboxRecord; status: StatusRecord | undefined }) {
  const i18n = useI18n();
  const { t, intl } = i18n;
  const r = props.record;
  const [confirmRemove, setConfirmRemove] = useState(false);
  const forms = r.formTypes.length ? intl.formatList(r.formTypes, { type: 'conjunction' }) : '';
  const title = forms ? t('outbox.item.title', { forms }) : t('outbox.item.titleNoForms');

  let state: ComponentChildren;
  if (r.state === 'delivered') {
    state = (
      <>
        <p class="outbox__state">{t(OUTBOX_LABEL.delivered)}</p>
        <p>{t('outbox.state.delivered', { date: intl.formatDate(new Date(r.deliveredAt), DATE), confirmation: r.confirmation })}</p>
        <p class="fineprint">{t('outbox.state.deliveredKeep')}</p>
        {r.statusSecret && (
          <>
            <StatusLine record={props.status} />
            <a class="button" href={`/status/${r.id}`}>
              {t('status.open')}
            </a>
          </>
        )}
      </>
    );
  } else if (r.state === 'needs-attention') {
    state = (
      <>
        <p class="outbox__state">{t(OUTBOX_LABEL['needs-attention'])}</p>
        <p>{t('outbox.state.needsAttention')}</p>
        <ul class="outbox__reasons">
          {(r.reasons ?? [{ code: r.lastError ?? 'other' }]).map((reason, i) => (
            <li key={i}>{reasonText(i18n, reason)}</li>
          ))}
        </ul>
        <div class="button-row">
          {confirmRemove ? (
            <>
              <p class="outbox__confirm">{t('outbox.action.removeConfirm')}</p>
              <button type="button" class="button button--danger" onClick={() => void removeOutboxRecord(r.id)}>
                {t('outbox.action.removeYes')}
              </button>
              <button type="button" class="button" onClick={() => setConfirmRemove(false)}>
                {t('outbox.action.removeNo')}
              </button>
            </>
          ) : (
            <>
              {r.hasLocalCopy ? (
                // The outbox reopened the draft: the person fixes it in the form and sends it again.
                <a class="button button--primary" href={`/requests/${r.id}`}>
                  {t('outbox.action.fix')}
                </a>
              ) : (
                <button type="button" class="button" onClick={() => void retryOutboxRecord(r.id)}>
                  {t('outbox.action.retry')}
                </button>
              )}
              <button type="button" class="button button--danger" onClick={() => setConfirmRemove(true)}>
                {t('outbox.action.remove')}
              </button>
            </>
          )}
        </div>
      </>
    );
  } else {
    state = (
      <>
        <p class="outbox__state">{t(OUTBOX_LABEL[r.state])}</p>
        {r.state === 'waiting' && <p>{t('outbox.state.waiting')}</p>}
        {r.state === 'waiting' && r.attempts > 0 && <p class="fineprint">{t('outbox.state.tries', { count: r.attempts })}</p>}
      </>
    );
  }

  return (
    <li class={`outbox__item outbox__item--${r.state}`}>
      <h3 class="outbox__title">{title}</h3>
      {r.state !== 'delivered' && (
        <p class="fineprint">{t('outbox.item.submitted', { date: intl.formatDate(new Date(r.submittedAt), DATE) })}</p>
      )}
      {state}
    </li>
  );
}

/** What an item shows, as one comparable string: sealed bytes and leases left out. */
const UNSHOWN = new Set(['body', 'attachments', 'leaseId', 'leaseUntil', 'nextTryAt']);
const shown = (r: OutboxRecord) => JSON.stringify(r, (key, value: unknown) => (UNSHOWN.has(key) ? undefined : value));

/**
 * Renders an item again only when what it shows changed: while hundreds of
 * requests go out the list is read again several times a second, and
 * formatting every item each time kept the main thread (which also runs
 * the flush) busy.
 */
class ListedItem extends Component<ItemProps> {
  override shouldComponentUpdate(next: ItemProps): boolean {
    return shown(next.record) !== shown(this.props.record) || next.status !== this.props.status || next.requestKey !== this.props.requestKey;
  }
  override render() {
    return <Item {...this.props} />;
  }
}

/**
 * Every request in the outbox, each with where it stands in plain words, a
 * "Send now" button, and an honest note on browsers that cannot send in the
 * background. Reads only the outbox: sealed data and summaries, nothing
 * personal.
 */
export function OutboxStatus(props: { headingLevel?: 1 | 2 }) {
  const { t } = useI18n();
  const records = useOutboxRecords();
  const statuses = useStatusRecords();
  /** A request's status page key from its wire id: the draft's id when sent from here, else the link's local id. */
  const keyOf = (wireId: string | undefined): string | undefined => {
    if (!wireId) return undefined;
    const sent = records?.find((r) => r.state === 'delivered' && wireIdOf(r) === wireId);
    return sent?.id ?? statuses.get(wireId)?.localId;
  };
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState('');
  const runs = useRef(0);
  const Heading = props.headingLevel === 1 ? 'h1' : 'h2';
  const unsent = records?.filter(isUnsent).length ?? 0;

  const onSendNow = async () => {
    const run = ++runs.current;
    setBusy(true);
    setResult('');
    try {
      const summary = await sendNow();
      if (run !== runs.current) return;
      if (!summary.ran) setResult(t('outbox.sendNow.busy'));
      else if (summary.waiting > 0) setResult(t('outbox.sendNow.stillWaiting', { count: summary.waiting }));
      else if (summary.needsAttention > 0) setResult(t('outbox.sendNow.attention', { count: summary.needsAttention }));
      else setResult(t('outbox.sendNow.done'));
    } catch {
      if (run === runs.current) setResult(t('outbox.sendNow.failed'));
    } finally {
      if (run === runs.current) setBusy(false);
    }
  };

  return (
    <section class="outbox" aria-labelledby="outbox-heading">
      <Heading id="outbox-heading">{t('outbox.title')}</Heading>
      {records === null ? null : records.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <ul class="outbox__list">
          {records.map((r) => (
            <ListedItem key={r.id} record={r} status={r.state === 'delivered' ? statuses.get(wireIdOf(r)) : undefined} requestKey={keyOf(answerTo(r))} />
          ))}
        </ul>
      )}
      {unsent > 0 && (
        <>
          <div class="button-row">
            <button type="button" class="button button--primary" onClick={() => void onSendNow()} disabled={busy} aria-busy={busy}>
              {busy ? t('outbox.sendNow.sending') : t('outbox.sendNow')}
            </button>
          </div>
          <p class="fineprint">{t(hasBackgroundSync() ? 'outbox.background.yes' : 'outbox.background.no')}</p>
        </>
      )}
      <p role="status" class="outbox__result">
        {result}
      </p>
    </section>
  );
}

