/**
 * The person's answer when the office needs information: words and copies
 * of papers, kept on this device as they are written, then sealed and sent
 * through the outbox like a request. Bad input loses nothing: an empty
 * answer is refused with a message and the files stay.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { openFollowUp, saveFollowUpText, FOLLOW_UP_TEXT_MAX } from '../storage/follow-ups';
import type { FollowUpDraft } from '../storage/types';
import { submitFollowUp, InvalidFollowUpError } from '../outbox/follow-up-submit';
import { deviceToday } from '../shared/fields';
import { coalesce } from '../ui/coalesce';
import { FormContext } from '../requests/form-context';
import { emptyForm } from '../requests/form-model';
import { DocumentsStep } from '../requests/steps/DocumentsStep';
import { useAttachments } from '../requests/use-attachments';
import '../requests/requests.css';

/** The documents step needs a form around it; an answer has no fields with errors of their own. */
const NO_FORM = { form: emptyForm(), set: () => undefined, errors: () => [], today: deviceToday(), draftId: '' };

function Editor(props: { draft: FollowUpDraft; secret: string; onSent: () => void }) {
  const { t, locale } = useI18n();
  const attachments = useAttachments(props.draft.id);
  const [text, setText] = useState(props.draft.text);
  const [problem, setProblem] = useState<'' | 'empty' | 'failed'>('');
  const [sending, setSending] = useState(false);
  const latest = useRef(text);
  const field = useRef<HTMLTextAreaElement>(null);
  const saver = useRef(coalesce(() => saveFollowUpText(props.draft.id, latest.current), 300)).current;
  useEffect(() => () => saver.now(), [saver]);

  const send = async () => {
    setSending(true);
    setProblem('');
    try {
      await saveFollowUpText(props.draft.id, latest.current);
      await submitFollowUp({ followUpId: props.draft.id, statusSecret: props.secret, locale });
      props.onSent();
    } catch (err) {
      setProblem(err instanceof InvalidFollowUpError && err.problem === 'empty' ? 'empty' : 'failed');
      field.current?.focus();
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="status-answer" aria-labelledby="status-answer-title">
      <h2 id="status-answer-title">{t('status.answer.title')}</h2>
      {problem && (
        <p class="note note--error" role="alert" id="status-answer-error">
          {t(problem === 'empty' ? 'status.answer.empty' : 'status.answer.failed')}
        </p>
      )}
      <div class="field">
        <label for="status-answer-text">{t('status.answer.text')}</label>
        <textarea
          id="status-answer-text"
          ref={field}
          rows={6}
          dir="auto"
          maxLength={FOLLOW_UP_TEXT_MAX}
          value={text}
          aria-invalid={problem === 'empty' ? 'true' : undefined}
          aria-describedby={problem ? 'status-answer-error' : undefined}
          onInput={(e) => {
            latest.current = e.currentTarget.value;
            setText(latest.current);
            saver();
          }}
          onBlur={() => saver.now()}
        />
      </div>
      <FormContext.Provider value={{ ...NO_FORM, draftId: props.draft.id }}>
        <DocumentsStep attachments={attachments} />
      </FormContext.Provider>
      <div class="button-row">
        <button type="button" class="button button--primary" disabled={sending || attachments.busy} aria-busy={sending} onClick={() => void send()}>
          {t('status.answer.send')}
        </button>
      </div>
    </section>
  );
}

/** The open answer for this request (made on first visit), or nothing while it loads. */
export function FollowUpForm(props: { requestId: string; secret: string; onSent: () => void }) {
  const [draft, setDraft] = useState<FollowUpDraft | null>(null);
  const [failed, setFailed] = useState(false);
  const { t } = useI18n();
  useEffect(() => {
    let live = true;
    openFollowUp(props.requestId)
      .then((d) => live && setDraft(d))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [props.requestId]);
  if (failed) return <p class="note note--error">{t('status.answer.failed')}</p>;
  return draft ? <Editor key={draft.id} draft={draft} secret={props.secret} onSent={props.onSent} /> : null;
}
