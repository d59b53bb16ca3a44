/**
 * /status: every request this device follows, where each stands and when
 * that was checked; /status/<id>: one request in full. A status link
 * (/status#r=…&s=…, from the QR code a shared tablet shows) is kept on this
 * device and then taken out of the address bar. Titles never carry an id.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';
import { isEventMode } from '../event-mode/session';
import { followLink } from '../storage/statuses';
import { checkStatuses } from './check';
import { readStatusFragment, STATUS_PATH } from './link';
import { useFollowed } from './use-followed';
import { answerTo, type Followed } from './followed';
import type { OutboxRecord } from '../storage/outbox-record';
import { StatusDetails, StatusLine } from './StatusDetails';
import { TakeAway } from './TakeAway';
import { Answers } from './Answers';
import { FollowUpForm } from './FollowUpForm';
import { useOutboxRecords } from '../requests/outbox-hooks';
import './status.css';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

function FollowedTitle(props: { item: Followed; level: 'h1' | 'h2' }) {
  const { t, intl } = useI18n();
  const { sent, record } = props.item;
  const forms = sent?.formTypes.length ? intl.formatList(sent.formTypes, { type: 'conjunction' }) : '';
  const confirmation = sent?.confirmation ?? record?.confirmation;
  const Heading = props.level;
  return (
    <>
      <Heading class="status__title">{forms ? t('outbox.item.title', { forms }) : t('outbox.item.titleNoForms')}</Heading>
      {confirmation && <p class="status__confirmation">{t('status.item.confirmation', { confirmation })}</p>}
    </>
  );
}

/** "Check now", the answer in words, and the offline note. */
function CheckBar(props: { ids?: readonly string[] }) {
  const { t } = useI18n();
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState('');
  // A fresh answer shows in the "Checked <date>" line; only a failure needs words of its own.
  const check = async (minAgeMs: number) => {
    setBusy(true);
    try {
      const summary = await checkStatuses(minAgeMs, props.ids);
      setResult(summary.unreachable ? t('status.unreachable') : '');
    } catch {
      setResult(t('status.unreachable'));
    } finally {
      setBusy(false);
    }
  };
  // Opening the page is a good moment to ask, unless it was asked a moment ago.
  useEffect(() => {
    if (navigator.onLine) void check(60_000);
  }, [props.ids?.join()]);
  return (
    <>
      {!online && <p class="note">{t('status.offline')}</p>}
      <div class="button-row">
        <button type="button" class="button" onClick={() => void check(0)} disabled={busy} aria-busy={busy}>
          {busy ? t('status.checking') : t('status.checkNow')}
        </button>
      </div>
      <p role="status" class="status__result">
        {result}
      </p>
    </>
  );
}

function StatusList(props: { followed: Followed[] }) {
  const { t } = useI18n();
  if (!props.followed.length) return <p>{t('status.empty')}</p>;
  return (
    <ul class="status__list">
      {props.followed.map((item) => (
        <li key={item.id} class="status__item">
          <FollowedTitle item={item} level="h2" />
          <StatusLine record={item.record} />
          <a class="button" href={`${STATUS_PATH}/${item.key}`}>
            {t('status.open')}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The office asks for something, and no answer is on its way or arrived
 * since it asked: the person may answer (an answer that arrived moves the
 * request back to review, which the next check shows).
 */
function mayAnswer(item: Followed, answers: readonly OutboxRecord[]): boolean {
  const known = item.record?.known;
  if (known?.state !== 'needs_information') return false;
  return !answers.some((r) => r.state === 'waiting' || r.state === 'sending' || (r.state === 'delivered' && r.deliveredAt > known.changedAt));
}

function OneStatus(props: { item: Followed }) {
  const { t } = useI18n();
  const ids = useRef([props.item.id]).current;
  const answers = (useOutboxRecords() ?? []).filter((r) => answerTo(r) === props.item.id);
  const [sent, setSent] = useState(false);
  return (
    <>
      <FollowedTitle item={props.item} level="h1" />
      <StatusDetails record={props.item.record} />
      <CheckBar ids={ids} />
      <Answers records={answers} />
      {sent && (
        <p class="note note--ok" role="status">
          {t('status.answer.queued')}
        </p>
      )}
      {mayAnswer(props.item, answers) && <FollowUpForm requestId={props.item.id} secret={props.item.secret} onSent={() => setSent(true)} />}
      <TakeAway item={props.item} />
      <p>
        <a href={STATUS_PATH}>{t('status.title')}</a>
      </p>
    </>
  );
}

/** Keeps a status link's request on this device, then drops the fragment from the address bar and history. */
function useStatusLink(): 'none' | 'bad' | 'shared-device' {
  const { route } = useLocation();
  const [outcome, setOutcome] = useState<'none' | 'bad' | 'shared-device'>('none');
  useEffect(() => {
    if (!location.hash) return;
    const link = readStatusFragment(location.hash);
    if (!link) {
      setOutcome('bad');
      route(location.pathname, true);
      return;
    }
    // A shared tablet keeps nobody's status: the link is for the person's own phone.
    if (isEventMode()) {
      setOutcome('shared-device');
      route(STATUS_PATH, true);
      return;
    }
    void followLink(link, Date.now())
      .then((kept) => route(`${STATUS_PATH}/${kept.localId}`, true))
      .catch(() => route(STATUS_PATH, true));
  }, []);
  return outcome;
}

export default function StatusView() {
  const { t } = useI18n();
  const { path } = useLocation();
  const linkOutcome = useStatusLink();
  const followed = useFollowed();
  const key = path.split('/').filter(Boolean)[1];
  useTitle(t('status.title'));
  const item = key ? followed?.find((f) => f.key === key) : undefined;
  return (
    <section class="page status-page">
      {linkOutcome === 'bad' && (
        <p class="note note--error" role="alert">
          {t('status.link.bad')}
        </p>
      )}
      {linkOutcome === 'shared-device' && <p class="note">{t('status.link.sharedDevice')}</p>}
      {item ? (
        <OneStatus item={item} />
      ) : (
        <>
          <h1>{t('status.title')}</h1>
          {followed === null ? null : (
            <>
              <StatusList followed={followed} />
              {followed.length > 0 && <CheckBar />}
            </>
          )}
          <p>
            <a href="/requests">{t('drafts.backToList')}</a>
          </p>
        </>
      )}
    </section>
  );
}
