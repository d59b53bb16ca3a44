/**
 * The request form at /requests/<id>/<step>: loads the draft, keeps every
 * change saved on the device (autosave), shows one group of questions per
 * step with progress, checks each step with the shared schema when the
 * person moves on, and submits from the review step.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';
import { noteSubmitted, onSessionEnd, ownsDraft } from '../event-mode/session';
import { createAutosaver, type Autosaver, type ExternalChange, type SaveStatus } from './autosave';
import { getDraft, recoverRescuedDrafts } from '../storage/drafts';
import type { DraftRecord } from '../storage/types';
import { ErrorSummary } from './ErrorSummary';
import { deviceToday, type ErrorCode } from '../shared/fields';
import { FormContext, type FormContextValue } from './form-context';
import { STEPS, emptyForm, isStepId, issuesForStep, nextStep, normalizeForm, previousStep, stepForPath, visibleSteps, type RequestForm, type StepId } from './form-model';
import { validateForm } from './form-wire';
import { setAt } from './paths';
import { SaveIndicator } from './SaveIndicator';
import { AboutYouStep } from './steps/AboutYouStep';
import { CaseStep } from './steps/CaseStep';
import { ConsentStep } from './steps/ConsentStep';
import { ContactsStep } from './steps/ContactsStep';
import { DocumentsStep } from './steps/DocumentsStep';
import { HelperStep } from './steps/HelperStep';
import { ReviewStep } from './steps/ReviewStep';
import { SubmittedView } from './SubmittedView';
import { submitRequest } from './submit-request';
import { useAttachments } from './use-attachments';
import { attachmentRefs } from '../storage/attachments';
import type { RequestIssue } from '../shared/request-schema';

/**
 * Saves still being written by editors that just closed, by draft id. An
 * editor opening the same draft waits for them, so it never loads a copy
 * older than what the person just typed.
 */
const closing = new Map<string, Promise<void>>();

/** Resolves once an editor that just closed on this draft has written it (the print view reads after it). */
export function editorClosed(id: string): Promise<void> {
  return closing.get(id) ?? Promise.resolve();
}

type Load = { state: 'loading' } | { state: 'missing' } | { state: 'error' } | { state: 'ready'; record: DraftRecord };

export function stepTitleId(step: StepId, helping: boolean): string {
  return step === 'about-you' && helping ? 'request.step.about-you.titleHelper' : `request.step.${step}.title`;
}

export function DraftEditor(props: { id: string; step?: string }) {
  const { t, locale } = useI18n();
  const { route, query } = useLocation();
  useTitle(t('request.title'));
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [form, setForm] = useState<RequestForm>(emptyForm);
  const formRef = useRef(form);
  const saverRef = useRef<Autosaver<RequestForm> | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const [external, setExternal] = useState<ExternalChange | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<StepId>>(new Set());
  const [submitting, setSubmitting] = useState<'idle' | 'sending' | 'failed' | 'unsaved'>('idle');
  const [submitted, setSubmitted] = useState(false);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const attachments = useAttachments(props.id);
  const today = deviceToday();

  useEffect(() => {
    let live = true;
    void (async () => {
      await closing.get(props.id);
      // A copy saved as a page was left last time comes back first.
      await recoverRescuedDrafts().catch(() => []);
      const record = await getDraft(props.id);
      if (!live) return;
      // On a shared tablet another person's draft is as good as not there.
      if (!record || !ownsDraft(record)) return setLoad({ state: 'missing' });
      const loaded = normalizeForm(record.data);
      formRef.current = loaded;
      setForm(loaded);
      setLoad({ state: 'ready', record });
      if (record.status === 'editing') {
        const saver = createAutosaver<RequestForm>({
          id: record.id,
          baseUpdatedAt: record.updatedAt,
          known: { createdAt: record.createdAt, ...(record.sessionId !== undefined ? { sessionId: record.sessionId } : {}) },
          onExternalChange: (change) => live && setExternal(change),
        });
        saverRef.current = saver;
        saver.subscribe((s) => live && setStatus(s));
        setStatus({ state: 'saved', at: record.updatedAt });
      }
    })().catch(() => live && setLoad({ state: 'error' }));
    // "Next person": forget this person's answers at once. Whatever the
    // saver still holds is written to (or refused by) a draft the wipe removes.
    const stopSession = onSessionEnd(() => {
      live = false;
      const saver = saverRef.current;
      saverRef.current = null;
      void saver?.dispose();
      formRef.current = emptyForm();
      setForm(formRef.current);
      setLoad({ state: 'missing' });
    });
    return () => {
      stopSession();
      live = false;
      const saver = saverRef.current;
      saverRef.current = null;
      if (saver) {
        const done = saver.dispose().finally(() => closing.delete(props.id));
        closing.set(props.id, done);
      }
    };
  }, [props.id]);

  const record = load.state === 'ready' ? load.record : null;
  const steps = visibleSteps(form);
  const resumeStep: StepId = isStepId(record?.step) && steps.includes(record.step) ? record.step : 'about-you';
  const step: StepId = isStepId(props.step) && steps.includes(props.step) ? props.step : resumeStep;
  const stepRef = useRef(step);
  stepRef.current = step;
  const returnToReview = query.return === 'review' && step !== 'review';

  // The address always names the step shown, so Back and reload land there.
  useEffect(() => {
    if (record && record.status === 'editing' && props.step !== step) route(`/requests/${props.id}/${step}`, true);
  }, [record, props.step, step, props.id, route]);

  // Remember the step, so the draft opens where the person left it.
  useEffect(() => {
    if (record?.status === 'editing' && record.step !== step) saverRef.current?.update(formRef.current, step);
  }, [step, record]);

  const set = useCallback((path: string, value: unknown) => {
    const next = setAt(formRef.current, path, value);
    formRef.current = next;
    setForm(next);
    saverRef.current?.update(next, stepRef.current);
  }, []);

  const issues = useMemo<RequestIssue[]>(
    () =>
      record
        ? validateForm(form, { id: record.id, locale, createdAt: record.createdAt, submittedAt: Date.now(), attachments: attachmentRefs(attachments.files) }, today)
        : [],
    [form, record, locale, attachments.files, today],
  );
  const byPath = useMemo(() => {
    const map = new Map<string, ErrorCode[]>();
    for (const issue of issues) map.set(issue.path, [...(map.get(issue.path) ?? []), issue.code]);
    return map;
  }, [issues]);
  const stepIssues = issuesForStep(issues, step);
  const problemsByStep = useMemo(() => {
    const map = new Map<StepId, number>();
    for (const issue of issues) map.set(stepForPath(issue.path), (map.get(stepForPath(issue.path)) ?? 0) + 1);
    return map;
  }, [issues]);

  useEffect(() => {
    if (summaryFocus) summaryRef.current?.focus();
  }, [summaryFocus]);

  const context = useMemo<FormContextValue>(
    () => ({
      form,
      set,
      errors: (path) => (checked.has(stepForPath(path)) ? (byPath.get(path) ?? []) : []),
      today,
      draftId: props.id,
    }),
    [form, set, checked, byPath, today, props.id],
  );

  if (load.state === 'loading') return <p class="page">{t('drafts.loading')}</p>;
  if (load.state === 'missing' && !submitted) return <MissingDraft />;
  if (load.state === 'error') {
    return (
      <section class="page">
        <h1>{t('request.title')}</h1>
        <p role="alert">{t('drafts.loadError')}</p>
        <a href="/requests">{t('drafts.backToList')}</a>
      </section>
    );
  }
  if (submitted || record?.status === 'submitted') {
    return <SubmittedView id={props.id} form={form} files={attachments.files} record={record} justSubmitted={submitted} />;
  }
  if (!record) return null;

  const helping = form.filler === 'helper';
  const index = steps.indexOf(step);
  const showSummary = checked.has(step) && (step === 'review' ? issues.length > 0 : stepIssues.length > 0);

  const goTo = (target: StepId | undefined) => {
    if (target) route(`/requests/${props.id}/${target}`);
  };

  const submit = async () => {
    setChecked(new Set(STEPS));
    if (issues.length > 0) {
      setSummaryFocus((n) => n + 1);
      return;
    }
    setSubmitting('sending');
    const saver = saverRef.current;
    if (saver && !(await saver.flush())) {
      setSubmitting('unsaved');
      return;
    }
    const outcome = await submitRequest(props.id, formRef.current, locale, saver?.origin).catch(() => ({ ok: false as const, reason: 'hand-over-failed' as const }));
    if (outcome.ok) {
      noteSubmitted(props.id);
      saverRef.current = null;
      await saver?.dispose();
      setSubmitted(true);
      const after = await getDraft(props.id).catch(() => undefined);
      setLoad(after ? { state: 'ready', record: after } : { state: 'missing' });
      return;
    }
    if (outcome.reason === 'invalid') {
      setSubmitting('idle');
      setSummaryFocus((n) => n + 1);
      return;
    }
    if (outcome.reason === 'already-submitted') {
      const after = await getDraft(props.id).catch(() => undefined);
      if (after) setLoad({ state: 'ready', record: after });
      return;
    }
    setSubmitting('failed');
  };

  const onNext = (e: Event) => {
    e.preventDefault();
    if (step === 'review') {
      void submit();
      return;
    }
    setChecked((prev) => new Set(prev).add(step));
    if (stepIssues.length > 0) {
      setSummaryFocus((n) => n + 1);
      return;
    }
    void saverRef.current?.flush();
    goTo(returnToReview ? 'review' : nextStep(form, step));
  };

  const loadNewer = async () => {
    const newer = await getDraft(props.id);
    if (!newer) return;
    const loaded = normalizeForm(newer.data);
    formRef.current = loaded;
    setForm(loaded);
    saverRef.current?.rebase(newer.updatedAt);
    setExternal(null);
  };

  const stepBody = (() => {
    switch (step) {
      case 'about-you':
        return <AboutYouStep />;
      case 'helper':
        return <HelperStep />;
      case 'case':
        return <CaseStep />;
      case 'contacts':
        return <ContactsStep />;
      case 'documents':
        return <DocumentsStep attachments={attachments} />;
      case 'consent':
        return <ConsentStep />;
      case 'review':
        return (
          <>
            <p>{t('request.review.intro')}</p>
            <ReviewStep
              files={attachments.files}
              problems={checked.has('review') ? problemsByStep : undefined}
              changeHref={(s) => `/requests/${props.id}/${s}?return=review`}
            />
            <p>
              <a
                href={`/requests/${props.id}/print`}
                onClick={(e) => {
                  e.preventDefault();
                  void (saverRef.current?.flush() ?? Promise.resolve()).then(() => route(`/requests/${props.id}/print`));
                }}
              >
                {t('request.review.print')}
              </a>
            </p>
            <p class="fineprint">{t('request.review.submitHelp')}</p>
          </>
        );
    }
  })();

  return (
    <FormContext.Provider value={context}>
      <div class="rq">
        <nav class="rq-steps" aria-label={t('request.steps.label')}>
          <ol>
            {steps.map((s, i) => {
              const problems = checked.has(s) ? (problemsByStep.get(s) ?? 0) : 0;
              return (
                <li key={s}>
                  <a href={`/requests/${props.id}/${s}`} aria-current={s === step ? 'step' : undefined} class={problems ? 'rq-steps__problem' : undefined}>
                    <span class="rq-steps__n" aria-hidden="true">
                      {i + 1}
                    </span>
                    <span>
                      {t(stepTitleId(s, helping))}
                      {problems > 0 && <span class="rq-steps__flag"> {t('request.step.needsAttention')}</span>}
                    </span>
                  </a>
                </li>
              );
            })}
          </ol>
        </nav>
        <div class="rq-main">
          <p class="rq-progress">
            <span class="rq-progress__caption">{t('request.title')}</span>
            <span>{t('request.progress', { current: index + 1, total: steps.length })}</span>
            <progress max={steps.length} value={index + 1} aria-hidden="true" />
          </p>
          {status.state === 'error' && <SaveIndicator status={status} onRetry={() => void saverRef.current?.flush()} />}
          <ExternalNotice
            change={external}
            onLoad={() => void loadNewer()}
            onKeep={() => {
              setExternal(null);
              saverRef.current?.update(formRef.current, step);
            }}
            onRestore={() => {
              setExternal(null);
              void saverRef.current?.restore(formRef.current, step);
            }}
            onReload={() => void getDraft(props.id).then((r) => (r ? setLoad({ state: 'ready', record: r }) : setLoad({ state: 'missing' })))}
            onDismiss={() => setExternal(null)}
          />
          <h1>{t(stepTitleId(step, helping))}</h1>
          {showSummary && <ErrorSummary ref={summaryRef} issues={step === 'review' ? issues : stepIssues} />}
          {step === 'review' && checked.has('review') && issues.length > 0 && <p>{t('request.review.problems')}</p>}
          {submitting === 'failed' && (
            <p class="note note--error" role="alert">
              {t('request.submit.failed')}
            </p>
          )}
          {submitting === 'unsaved' && (
            <p class="note note--error" role="alert">
              {t('request.submit.unsaved')}
            </p>
          )}
          {/* A field left (change fires on blur) is written at once, not after the pause. */}
          <form class="rq-form" noValidate onSubmit={onNext} onChange={() => void saverRef.current?.flush()}>
            <fieldset class="rq-body" disabled={submitting === 'sending'}>
              {stepBody}
            </fieldset>
            <div class="rq-actions">
              <button
                type="button"
                class="button"
                onClick={() => {
                  void saverRef.current?.flush();
                  const back = previousStep(form, step);
                  if (back) goTo(back);
                  else route('/requests');
                }}
              >
                {index === 0 ? t('request.nav.toList') : t('request.nav.back')}
              </button>
              <SaveIndicator status={status} compact />
              <button type="submit" class="button button--primary" disabled={submitting === 'sending'}>
                {step === 'review'
                  ? t(submitting === 'sending' ? 'request.submit.sending' : 'request.review.submit')
                  : returnToReview
                    ? t('request.nav.toReview')
                    : t('request.nav.next')}
              </button>
            </div>
          </form>
        </div>
      </div>
    </FormContext.Provider>
  );
}

function ExternalNotice(props: {
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

export function MissingDraft() {
  const { t } = useI18n();
  return (
    <section class="page">
      <h1>{t('drafts.notFound.title')}</h1>
      <p>{t('drafts.notFound.body')}</p>
      <p>
        <a class="button" href="/requests">
          {t('drafts.backToList')}
        </a>
      </p>
    </section>
  );
}
