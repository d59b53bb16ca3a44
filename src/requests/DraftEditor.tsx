/**
 * The request form at /requests/<id>/<step>: loads the draft, keeps every
 * change saved on the device (autosave), shows one group of questions per
 * step with progress, checks each step with the shared schema when the
 * person moves on, and submits from the review step. Each of those jobs is
 * a hook of its own; this component lays out what they say.
 */
import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';
import { deviceToday } from '../shared/fields';
import type { AttachmentsState } from './use-attachments';
import { useAttachments } from './use-attachments';
import { useDraftSession } from './use-draft-session';
import { useStepChecks } from './use-step-checks';
import { useStepNavigation } from './use-step-navigation';
import { useSubmitFlow } from './use-submit-flow';
import { ErrorSummary } from './ErrorSummary';
import { ExternalNotice } from './ExternalNotice';
import { FormContext, type FormContextValue } from './form-context';
import type { StepId } from './form-model';
import { MissingDraft } from './MissingDraft';
import { SaveIndicator } from './SaveIndicator';
import { StepList } from './StepList';
import { stepTitleId } from './labels';
import { AboutYouStep } from './steps/AboutYouStep';
import { CaseStep } from './steps/CaseStep';
import { ConsentStep } from './steps/ConsentStep';
import { ContactsStep } from './steps/ContactsStep';
import { DocumentsStep } from './steps/DocumentsStep';
import { HelperStep } from './steps/HelperStep';
import { ReviewStep } from './steps/ReviewStep';
import { SubmittedView } from './SubmittedView';

export function DraftEditor(props: { id: string; step?: string }) {
  const { t, locale } = useI18n();
  useTitle(t('request.title'));
  const session = useDraftSession(props.id);
  const { load, form, status } = session;
  const record = load.state === 'ready' ? load.record : null;
  const attachments = useAttachments(props.id);
  const today = deviceToday();
  const nav = useStepNavigation({ id: props.id, requested: props.step, form, record, session });
  const { step } = nav;
  const checks = useStepChecks({ form, record, locale, files: attachments.files, today, step });
  const { checked, issues, stepIssues } = checks;
  const flow = useSubmitFlow(props.id, locale, session, checks);
  const { submitting, submitted } = flow;

  const context = useMemo<FormContextValue>(
    () => ({ form, set: session.set, errors: checks.errors, today, draftId: props.id }),
    [form, session.set, checks.errors, today, props.id],
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
  const showSummary = checked.has(step) && (step === 'review' ? issues.length > 0 : stepIssues.length > 0);

  const onNext = (e: Event) => {
    e.preventDefault();
    if (step === 'review') {
      void flow.submit();
      return;
    }
    checks.check(step);
    if (stepIssues.length > 0) {
      checks.focusSummary();
      return;
    }
    nav.forward();
  };

  return (
    <FormContext.Provider value={context}>
      <div class="rq">
        <StepList id={props.id} steps={nav.steps} current={step} helping={helping} problems={(s) => (checked.has(s) ? (checks.problemsByStep.get(s) ?? 0) : 0)} />
        <div class="rq-main">
          <p class="rq-progress">
            <span class="rq-progress__caption">{t('request.title')}</span>
            <span>{t('request.progress', { current: nav.index + 1, total: nav.steps.length })}</span>
            <progress max={nav.steps.length} value={nav.index + 1} aria-hidden="true" />
          </p>
          {status.state === 'error' && <SaveIndicator status={status} onRetry={() => void session.flush()} />}
          <ExternalNotice
            change={session.external}
            onLoad={() => void session.loadNewer()}
            onKeep={session.keepMine}
            onRestore={session.restoreDeleted}
            onReload={() => void session.refresh()}
            onDismiss={session.dismissExternal}
          />
          <h1>{t(stepTitleId(step, helping))}</h1>
          {showSummary && <ErrorSummary ref={checks.summaryRef} issues={step === 'review' ? issues : stepIssues} />}
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
          <form class="rq-form" noValidate onSubmit={onNext} onChange={() => void session.flush()}>
            <fieldset class="rq-body" disabled={submitting === 'sending'}>
              <StepBody id={props.id} step={step} attachments={attachments} problems={checked.has('review') ? checks.problemsByStep : undefined} flush={session.flush} />
            </fieldset>
            <div class="rq-actions">
              <button type="button" class="button" onClick={nav.back}>
                {nav.index === 0 ? t('request.nav.toList') : t('request.nav.back')}
              </button>
              <SaveIndicator status={status} compact />
              <button type="submit" class="button button--primary" disabled={submitting === 'sending'}>
                {step === 'review'
                  ? t(submitting === 'sending' ? 'request.submit.sending' : 'request.review.submit')
                  : nav.returnToReview
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

function StepBody(props: {
  id: string;
  step: StepId;
  attachments: AttachmentsState;
  problems: ReadonlyMap<StepId, number> | undefined;
  flush: () => Promise<boolean>;
}) {
  const { t } = useI18n();
  const { route } = useLocation();
  switch (props.step) {
    case 'about-you':
      return <AboutYouStep />;
    case 'helper':
      return <HelperStep />;
    case 'case':
      return <CaseStep />;
    case 'contacts':
      return <ContactsStep />;
    case 'documents':
      return <DocumentsStep attachments={props.attachments} />;
    case 'consent':
      return <ConsentStep />;
    case 'review':
      return (
        <>
          <p>{t('request.review.intro')}</p>
          <ReviewStep files={props.attachments.files} problems={props.problems} changeHref={(s) => `/requests/${props.id}/${s}?return=review`} />
          <p>
            <a
              href={`/requests/${props.id}/print`}
              onClick={(e) => {
                e.preventDefault();
                // The print view reads the stored draft, so the newest typing is written first.
                void props.flush().then(() => route(`/requests/${props.id}/print`));
              }}
            >
              {t('request.review.print')}
            </a>
          </p>
          <p class="fineprint">{t('request.review.submitHelp')}</p>
        </>
      );
  }
}
