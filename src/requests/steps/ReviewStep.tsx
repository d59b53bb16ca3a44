import { useI18n } from '../../i18n/context';
import type { AttachmentRecord } from '../../storage/types';
import { useForm } from '../form-context';
import type { StepId } from '../form-model';
import { summarySections, type Section } from '../summary-rows';
import { Thumbnail } from '../Thumbnail';

/**
 * Everything on one screen, each part with a "Change" link back to its
 * step. Read-only (no links) once the request was submitted.
 */
export function ReviewStep(props: {
  files: readonly AttachmentRecord[];
  /** Steps with problems, shown beside their part after a submit attempt. */
  problems?: ReadonlyMap<StepId, number>;
  changeHref?: (step: StepId) => string;
}) {
  const { t, intl, locale } = useI18n();
  const { form } = useForm();
  const sections = summarySections(form, props.files, t, intl, locale);
  return (
    <div class="review">
      {sections.map((section) => (
        <ReviewSection key={section.step} section={section} problems={props.problems?.get(section.step) ?? 0} changeHref={props.changeHref} />
      ))}
    </div>
  );
}

function ReviewSection(props: { section: Section; problems: number; changeHref?: ((step: StepId) => string) | undefined }) {
  const { t } = useI18n();
  const { section } = props;
  const headingId = `review-${section.step}`;
  return (
    <section class={`review__section${props.problems ? ' review__section--problem' : ''}`} aria-labelledby={headingId}>
      <div class="review__head">
        <h2 id={headingId}>{section.title}</h2>
        {props.changeHref && (
          <a class="button button--small" href={props.changeHref(section.step)}>
            {t('request.review.change')}
            <span class="visually-hidden"> {section.title}</span>
          </a>
        )}
      </div>
      {props.problems > 0 && <p class="field__error">{t('request.review.sectionProblems', { count: props.problems })}</p>}
      {section.files && section.files.length > 0 && (
        <ul class="review__files">
          {section.files.map((f) => (
            <li key={f.id}>{f.thumb && <Thumbnail blob={f.thumb} alt={f.name} class="review__thumb" />}</li>
          ))}
        </ul>
      )}
      {section.rows.length === 0 ? (
        <p class="review__empty">{t(section.step === 'documents' ? 'request.docs.none' : 'request.contacts.none')}</p>
      ) : (
        <dl class="review__rows">
          {section.rows.map((row, i) => (
            <div class={`review__row${row.long ? ' review__row--long' : ''}`} key={i}>
              <dt>{row.label}</dt>
              <dd dir="auto">
                {row.image ? <img src={row.image} alt={row.value} class="review__signature" /> : row.value || <span class="review__empty">{t('request.review.empty')}</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
