import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { getEvent, outboxCounts, type OutboxCounts } from './events';
import type { EventRecord } from '../storage/event-record';
import { OUTCOME_KINDS } from '../shared/event-stats';
import { useConfig } from '../config/config';
import { localeName } from './event-mode';
import { BarChart } from './BarChart';
import { sendEventStats, type SendResult } from './event-stats-send';

/** Message ids of the screener's outcome kinds (its own labels, in the screener's namespace). */
const OUTCOME_LABELS: Record<(typeof OUTCOME_KINDS)[number], string> = {
  'may-help': 'event.stats.outcome.mayHelp',
  'first-try-uscis': 'event.stats.outcome.firstTryUscis',
  'not-yet': 'event.stats.outcome.notYet',
  'cannot-help': 'event.stats.outcome.cannotHelp',
  'go-elsewhere': 'event.stats.outcome.goElsewhere',
};

/** The officer's counts for the current event: numbers, two small charts, and sending them. */
export function OfficerView(props: { eventId: string; onLock: () => void }) {
  const { t, intl } = useI18n();
  const { apiBase } = useConfig();
  const [event, setEvent] = useState<EventRecord | null>(null);
  const [outbox, setOutbox] = useState<OutboxCounts | null>(null);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<SendResult | null>(null);

  const load = async () => {
    const [e, o] = await Promise.all([getEvent(props.eventId), outboxCounts()]);
    setEvent(e ?? null);
    setOutbox(o);
  };
  useEffect(() => {
    void load();
  }, [props.eventId]);

  if (!event || !outbox) return <p role="status">{t('event.stats.loading')}</p>;

  const n = (value: number) => intl.formatNumber(value);
  const outcomeRows = OUTCOME_KINDS.map((kind) => ({ key: kind, label: t(OUTCOME_LABELS[kind]), value: event.outcomes[kind] ?? 0 }));
  const languageRows = Object.entries(event.languages)
    .sort((a, b) => b[1] - a[1])
    .map(([code, value]) => ({ key: code, label: localeName(code), value }));

  const send = async () => {
    setSending(true);
    setResult(null);
    const fresh = await outboxCounts();
    setOutbox(fresh);
    const outcome = await sendEventStats(apiBase, event, fresh);
    setResult(outcome);
    setSending(false);
    if (outcome === 'sent') await load();
  };

  return (
    <div class="officer-view">
      <dl class="stat-tiles">
        <div>
          <dt>{t('event.stats.served')}</dt>
          <dd>{n(event.served)}</dd>
        </div>
        <div>
          <dt>{t('event.stats.submitted')}</dt>
          <dd>{n(event.submitted)}</dd>
        </div>
        <div>
          <dt>{t('event.stats.waiting')}</dt>
          <dd>{n(outbox.waiting)}</dd>
        </div>
        <div>
          <dt>{t('event.stats.needsAttention')}</dt>
          <dd>{n(outbox.needsAttention)}</dd>
        </div>
        <div>
          <dt>{t('event.stats.delivered')}</dt>
          <dd>{n(outbox.delivered)}</dd>
        </div>
      </dl>
      <p class="fineprint">{t('event.stats.outboxNote')}</p>
      <BarChart id="chart-outcomes" title={t('event.stats.outcomesTitle')} rows={outcomeRows} />
      <BarChart id="chart-languages" title={t('event.stats.languagesTitle')} rows={languageRows} />
      <div class="button-row">
        <button type="button" class="button button--primary" disabled={sending} onClick={() => void send()}>
          {t(sending ? 'event.stats.sending' : 'event.stats.send')}
        </button>
        <button type="button" class="button" onClick={props.onLock}>
          {t('event.stats.lock')}
        </button>
      </div>
      <p role="status" class="officer-view__status">
        {result === 'sent' && t('event.stats.sent')}
        {result === 'offline' && t('event.stats.offline')}
        {result === 'later' && t('event.stats.later')}
        {result === 'refused' && t('event.stats.refused')}
        {!result && event.sentAt !== undefined && t('event.stats.lastSent', { at: intl.formatDate(event.sentAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
      </p>
    </div>
  );
}
