/**
 * /feedback: "Questions and feedback" from a listening session. Saved on
 * this device as it is typed (a reload loses nothing), anonymous unless the
 * person ticks "I want an answer", sealed and sent through the outbox like
 * a request. An empty form is refused with a message and nothing is lost.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';
import { coalesce } from '../ui/coalesce';
import { currentSessionId, isEventMode, noteFeedback } from '../event-mode/session';
import { readCurrentEventId } from '../event-mode/event-flag';
import { openFeedbackDraft, saveFeedbackDraft, type FeedbackDraft } from '../storage/feedback-drafts';
import { InvalidFeedbackError, submitFeedback } from '../outbox/feedback-submit';
import { FEEDBACK_LIMITS } from '../shared/feedback-schema';
import { ContactFields, QuestionGroups, type Problem } from './FeedbackFields';
import '../requests/requests.css';
import './feedback.css';

/** The request form's words where they say the same thing: one translation, fewer bytes offline. */
const PROBLEM_TEXT: Record<Exclude<Problem, ''>, string> = {
  empty: 'feedback.error.empty',
  contact: 'feedback.error.contact',
  email: 'request.error.email.format',
  phone: 'request.error.phone.format',
  failed: 'feedback.error.failed',
};

/** The free-text fields, in the order the form asks them. */
const WRITTEN = ['questions', 'comments'] as const;

/** What the person must fix, from the refusal's field paths; the first one named gets the message. */
function problemOf(err: unknown): Problem {
  if (!(err instanceof InvalidFeedbackError)) return 'failed';
  if (err.empty) return 'empty';
  const paths = err.issues.map((i) => `${i.path}:${i.code}`);
  if (paths.includes('contact.email:required')) return 'contact';
  if (paths.some((p) => p.startsWith('contact.email'))) return 'email';
  if (paths.some((p) => p.startsWith('contact.phone'))) return 'phone';
  return 'failed';
}

function Editor(props: { draft: FeedbackDraft; onSent: () => void }) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(props.draft);
  const [problem, setProblem] = useState<Problem>('');
  const [sending, setSending] = useState(false);
  const latest = useRef(draft);
  const alert = useRef<HTMLParagraphElement>(null);
  const saver = useRef(coalesce(() => saveFeedbackDraft(latest.current), 300)).current;
  useEffect(() => () => saver.now(), [saver]);

  const change = (patch: Partial<FeedbackDraft>) => {
    latest.current = { ...latest.current, ...patch };
    setDraft(latest.current);
    saver();
  };

  const send = async () => {
    setSending(true);
    setProblem('');
    try {
      await saveFeedbackDraft(latest.current);
      const eventId = isEventMode() ? await readCurrentEventId() : null;
      await submitFeedback({ draft: latest.current, locale, eventId });
      noteFeedback(latest.current.id);
      props.onSent();
    } catch (err) {
      setProblem(problemOf(err));
      // The message is read where the person is: at the top, with focus on it.
      requestAnimationFrame(() => alert.current?.focus());
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      class="feedback"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {problem && (
        <p class="note note--error" role="alert" id="feedback-error" tabIndex={-1} ref={alert}>
          {t(PROBLEM_TEXT[problem])}
        </p>
      )}
      <QuestionGroups draft={draft} change={change} invalid={problem === 'empty'} />
      {WRITTEN.map((name) => (
        <div class="field" key={name}>
          <label for={`feedback-${name}`}>{t(`feedback.${name}`)}</label>
          <textarea
            id={`feedback-${name}`}
            rows={4}
            dir="auto"
            maxLength={FEEDBACK_LIMITS.text}
            value={draft[name]}
            aria-describedby={problem === 'empty' ? 'feedback-error' : undefined}
            onInput={(e) => change({ [name]: e.currentTarget.value })}
            onBlur={() => saver.now()}
          />
        </div>
      ))}
      <ContactFields draft={draft} change={change} problem={problem} onBlur={() => saver.now()} />
      <div class="button-row">
        <button type="submit" class="button button--primary" disabled={sending} aria-busy={sending}>
          {t('feedback.send')}
        </button>
      </div>
    </form>
  );
}

export default function FeedbackView() {
  const { t } = useI18n();
  useTitle(t('home.feedback.title'));
  const [draft, setDraft] = useState<FeedbackDraft | null>(null);
  const [state, setState] = useState<'open' | 'sent' | 'failed'>('open');
  const thanks = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state !== 'open') return;
    let live = true;
    openFeedbackDraft(currentSessionId())
      .then((d) => live && setDraft(d))
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
    };
  }, [state]);
  useEffect(() => {
    if (state === 'sent') thanks.current?.focus();
  }, [state]);

  return (
    <section class="page" aria-labelledby="feedback-title">
      <h1 id="feedback-title">{t('home.feedback.title')}</h1>
      <p class="lead">{t('feedback.lead')}</p>
      {state === 'failed' && <p class="note note--error">{t('feedback.error.failed')}</p>}
      {state === 'sent' && (
        <>
          <p class="note note--ok" role="status" tabIndex={-1} ref={thanks}>
            {t('feedback.sent')}
          </p>
          <div class="button-row">
            <a class="button" href="/">
              {t('notFound.home')}
            </a>
          </div>
        </>
      )}
      {state === 'open' && draft && (
        <Editor
          key={draft.id}
          draft={draft}
          onSent={() => {
            setDraft(null);
            setState('sent');
          }}
        />
      )}
    </section>
  );
}
