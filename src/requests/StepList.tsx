/** The request form's steps as links, the current one marked, those with problems flagged once checked. */
import { useI18n } from '../i18n/context';
import type { StepId } from './form-model';
import { stepTitleId } from './labels';

export function StepList(props: { id: string; steps: StepId[]; current: StepId; helping: boolean; problems: (step: StepId) => number }) {
  const { t } = useI18n();
  return (
    <nav class="rq-steps" aria-label={t('request.steps.label')}>
      <ol>
        {props.steps.map((s, i) => {
          const problems = props.problems(s);
          return (
            <li key={s}>
              <a href={`/requests/${props.id}/${s}`} aria-current={s === props.current ? 'step' : undefined} class={problems ? 'rq-steps__problem' : undefined}>
                <span class="rq-steps__n" aria-hidden="true">
                  {i + 1}
                </span>
                <span>
                  {t(stepTitleId(s, props.helping))}
                  {problems > 0 && <span class="rq-steps__flag"> {t('request.step.needsAttention')}</span>}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
