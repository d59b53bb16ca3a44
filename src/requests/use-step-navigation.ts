/**
 * Which step the form shows and how the person moves between steps: the
 * address always names the step shown (so Back and reload land there), the
 * draft remembers it (so it opens where the person left it), and a change
 * made from the review step goes back to the review.
 */
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { DraftRecord } from '../storage/types';
import { isStepId, nextStep, previousStep, visibleSteps, type RequestForm, type StepId } from './form-model';
import type { DraftSession } from './use-draft-session';

export interface StepNavigation {
  steps: StepId[];
  step: StepId;
  index: number;
  /** The person came from the review step to change something. */
  returnToReview: boolean;
  goTo: (target: StepId) => void;
  /** To the step after this one, or back to the review. */
  forward: () => void;
  /** To the step before this one, or to the list from the first. */
  back: () => void;
}

export function useStepNavigation(input: { id: string; requested: string | undefined; form: RequestForm; record: DraftRecord | null; session: DraftSession }): StepNavigation {
  const { id, requested, form, record, session } = input;
  const { route, query } = useLocation();
  const steps = visibleSteps(form);
  const resumeStep: StepId = isStepId(record?.step) && steps.includes(record.step) ? record.step : 'about-you';
  const step: StepId = isStepId(requested) && steps.includes(requested) ? requested : resumeStep;
  session.stepRef.current = step;
  const returnToReview = query.return === 'review' && step !== 'review';

  useEffect(() => {
    if (record && record.status === 'editing' && requested !== step) route(`/requests/${id}/${step}`, true);
  }, [record, requested, step, id, route]);

  useEffect(() => {
    if (record?.status === 'editing' && record.step !== step) session.saveStep(step);
    // Only a new step or record saves: the session object is new every render.
  }, [step, record]);

  const goTo = (target: StepId) => route(`/requests/${id}/${target}`);
  return {
    steps,
    step,
    index: steps.indexOf(step),
    returnToReview,
    goTo,
    forward: () => {
      void session.flush();
      const target = returnToReview ? 'review' : nextStep(form, step);
      if (target) goTo(target);
    },
    back: () => {
      void session.flush();
      const target = previousStep(form, step);
      if (target) goTo(target);
      else route('/requests');
    },
  };
}
