/**
 * What event mode adds to every screen: the "Next person" button (in the
 * header) and the runtime behind it: the idle timer with its warning, the
 * "send or delete?" question for an open draft, and the wipe. Loaded only
 * when event mode is on.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/context';
import { onDraftChange } from '../storage/draft-channel';
import { getDraft } from '../storage/drafts';
import { currentEvent, isEventDraft } from './events';
import type { SessionDraft } from './events';
import { useConfig } from '../config/config';
import { IDLE_WARNING_MS, endPersonSession, openDraftsOfSession, reviewPath, sweepStaleSessions } from './event-mode';
import { createIdleTimer, type IdleTimer } from './idle-timer';
import { Modal } from '../ui/Modal';
import { currentSessionId, noteLanguage, noteSessionUse, noteSubmitted, sessionTally } from './session';
import { shouldOfferFeedback } from './feedback-offer';
import './event.css';

const nextListeners = new Set<() => void>();

/** The header's button asks the runtime, wherever it is mounted. */
export function requestNextPerson(): void {
  nextListeners.forEach((l) => l());
}

export function NextPersonButton() {
  const { t } = useI18n();
  return (
    <button type="button" class="button next-person" data-session-control onClick={requestNextPerson}>
      {t('event.next.button')}
    </button>
  );
}

/** Touch, pointer, key or wheel: a person is there. Mouse movement alone is not. */
const ACTIVITY_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

/** Screens that count a person as served: anything but home and settings (where the officer works). */
const isPersonScreen = (path: string) => path !== '/' && path !== '/settings';

type Phase =
  | { kind: 'none' }
  | { kind: 'warning'; endsAt: number; behind: Phase }
  | { kind: 'ask'; draft: SessionDraft; count: number }
  | { kind: 'offer' }
  | { kind: 'ending' };

export interface EventRuntimeProps {
  idleSeconds: number;
  /** For tests: replaces the full page load that follows a wipe. */
  reload?: (path: string) => void;
}

export function EventRuntime(props: EventRuntimeProps) {
  const { t, locale } = useI18n();
  const { path, route } = useLocation();
  const [phase, setPhase] = useState<Phase>({ kind: 'none' });
  const timer = useRef<IdleTimer | null>(null);
  const ending = useRef(false);
  const reload = useRef(props.reload);
  reload.current = props.reload;

  const end = useCallback(async () => {
    if (ending.current) return;
    ending.current = true;
    timer.current?.stop();
    setPhase({ kind: 'ending' });
    await endPersonSession(reload.current ? { reload: reload.current } : {});
  }, []);

  useEffect(() => {
    if (isPersonScreen(path)) noteSessionUse(locale);
  }, [path, locale]);

  useEffect(() => noteLanguage(locale), [locale]);

  useEffect(() => {
    // Drafts left by a session whose tab closed without "Next person".
    void currentEvent()
      .then((event) => event && sweepStaleSessions(event, props.idleSeconds * 1000))
      .catch(() => 0);
  }, [props.idleSeconds]);

  useEffect(
    () =>
      onDraftChange((change) => {
        if (change.type !== 'submitted') return;
        void Promise.all([getDraft(change.id), currentEvent()])
          .then(([draft, event]) => {
            // Gone already means the outbox sealed it and dropped the plaintext: it was this tab's.
            const mine = !draft || draft.sessionId === currentSessionId() || (!!event && !draft.sessionId && isEventDraft(draft, event.startedAt));
            if (mine) noteSubmitted(change.id);
          })
          .catch(() => {});
      }),
    [],
  );

  useEffect(() => {
    const idle = createIdleTimer({
      idleMs: props.idleSeconds * 1000,
      warnMs: IDLE_WARNING_MS,
      onWarn: (endsAt) => setPhase((behind) => ({ kind: 'warning', endsAt, behind })),
      onActive: () => setPhase((p) => (p.kind === 'warning' ? p.behind : p)),
      // The person had the warning's half minute: what they left is deleted, not sent.
      onIdle: () => void end(),
    });
    timer.current = idle;
    // A session already under way (a reload mid-session) is timed from now.
    if (sessionTally()?.used) idle.activity();
    const onActivity = () => idle.activity();
    for (const type of ACTIVITY_EVENTS) document.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      idle.stop();
      for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, onActivity, { capture: true });
    };
  }, [props.idleSeconds, end]);

  useEffect(() => {
    const onNext = async () => {
      if (ending.current) return;
      const drafts = await openDraftsOfSession().catch(() => []);
      if (drafts[0]) setPhase({ kind: 'ask', draft: drafts[0], count: drafts.length });
      else if (shouldOfferFeedback(location.pathname)) setPhase({ kind: 'offer' });
      else await end();
    };
    const listener = () => void onNext();
    nextListeners.add(listener);
    return () => nextListeners.delete(listener);
  }, [end]);

  if (phase.kind === 'warning') return <IdleWarning endsAt={phase.endsAt} onStay={() => timer.current?.activity()} />;
  if (phase.kind === 'ending') {
    return (
      <div class="modal-backdrop">
        <p class="modal modal--status" role="status">
          {t('event.ending')}
        </p>
      </div>
    );
  }
  if (phase.kind === 'offer') {
    return (
      <Modal labelledBy="event-offer-title" describedBy="event-offer-body" onEscape={() => void end()}>
        <h2 id="event-offer-title">{t('home.feedback.title')}</h2>
        <p id="event-offer-body">{t('event.feedback.body')}</p>
        <div class="button-row">
          <button
            type="button"
            class="button button--primary"
            onClick={() => {
              setPhase({ kind: 'none' });
              route('/feedback');
            }}
          >
            {t('home.feedback.title')}
          </button>
          <button type="button" class="button" onClick={() => void end()}>
            {t('event.feedback.no')}
          </button>
        </div>
      </Modal>
    );
  }
  if (phase.kind === 'ask') {
    const close = () => setPhase({ kind: 'none' });
    return (
      <Modal labelledBy="event-ask-title" describedBy="event-ask-body" onEscape={close}>
        <h2 id="event-ask-title">{t('event.ask.title')}</h2>
        <p id="event-ask-body">{t('event.ask.body', { count: phase.count })}</p>
        <div class="button-row">
          <button
            type="button"
            class="button button--primary"
            onClick={() => {
              close();
              route(reviewPath(phase.draft.id));
            }}
          >
            {t('event.ask.submit')}
          </button>
          <button type="button" class="button button--danger" onClick={() => void end()}>
            {t('event.ask.discard')}
          </button>
          <button type="button" class="button" onClick={close}>
            {t('event.ask.cancel')}
          </button>
        </div>
      </Modal>
    );
  }
  return null;
}

/** The half-minute warning. Any touch or key (the runtime listens) keeps the session. */
function IdleWarning(props: { endsAt: number; onStay: () => void }) {
  const { t, intl } = useI18n();
  const left = () => Math.max(0, Math.ceil((props.endsAt - Date.now()) / 1000));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    const tick = setInterval(() => setSeconds(left()), 1000);
    return () => clearInterval(tick);
    // The end time is fixed for this warning.
  }, [props.endsAt]);
  return (
    <Modal role="alertdialog" labelledBy="event-idle-title" describedBy="event-idle-body" onEscape={props.onStay}>
      <h2 id="event-idle-title">{t('event.idle.title')}</h2>
      <p id="event-idle-body">{t('event.idle.body')}</p>
      {/* Shown, not announced every second: the dialog's own announcement says what happens. */}
      <p class="idle-countdown" aria-hidden="true">
        {intl.formatNumber(seconds)}
      </p>
      <div class="button-row">
        <button type="button" class="button button--primary" onClick={props.onStay}>
          {t('event.idle.stay')}
        </button>
      </div>
    </Modal>
  );
}

/** Mounted by the shell while event mode is on: reads the event's idle time, then runs. */
export function EventModeMount(props: { reload?: (path: string) => void }) {
  const { eventIdleSeconds } = useConfig();
  const [idleSeconds, setIdleSeconds] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void currentEvent()
      .catch(() => undefined)
      .then((event) => live && setIdleSeconds(event?.idleSeconds ?? eventIdleSeconds));
    return () => {
      live = false;
    };
  }, [eventIdleSeconds]);
  if (idleSeconds === null) return null;
  return <EventRuntime idleSeconds={idleSeconds} {...(props.reload ? { reload: props.reload } : {})} />;
}
