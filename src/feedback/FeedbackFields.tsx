/**
 * The parts of the feedback form: the rating and the fixed questions as
 * big choice rows, and contact details that appear only when the person
 * asks for an answer (anonymous otherwise, and the form says so).
 */
import { useI18n } from '../i18n/context';
import { ChoiceRow, ChoiceRows } from '../ui/form-controls';
import { FEEDBACK_LIMITS, FEEDBACK_QUESTION_IDS, FEEDBACK_QUESTIONS } from '../shared/feedback-schema';
import type { FeedbackDraft } from '../storage/feedback-drafts';

/** Which message the form shows ('' none). */
export type Problem = '' | 'empty' | 'contact' | 'email' | 'phone' | 'failed';

interface PartProps {
  draft: FeedbackDraft;
  change: (patch: Partial<FeedbackDraft>) => void;
}

const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** Yes and no as the request form says them; the other answers are the survey's own. */
const answerLabel = (a: string) => (a === 'yes' ? 'request.review.yes' : a === 'no' ? 'request.review.no' : `feedback.a.${a}`);
const CONTACT_LABEL = { name: 'feedback.contact.name', email: 'request.field.person.email.label', phone: 'request.field.person.phone.label' } as const;

export function QuestionGroups(props: PartProps & { invalid: boolean }) {
  const { t, intl } = useI18n();
  const { draft, change } = props;
  const describedBy = props.invalid ? 'feedback-error' : undefined;
  return (
    <>
      <fieldset>
        <legend>{t('feedback.satisfaction')}</legend>
        <div class="feedback__scale">
          <ChoiceRows
            type="radio"
            idBase="feedback-rating"
            idBy="value"
            name="satisfaction"
            options={RATINGS.map((r) => ({
              value: r,
              label: intl.formatNumber(Number(r)),
              hint: r === '1' ? t('feedback.satisfaction.low') : r === '5' ? t('feedback.satisfaction.high') : undefined,
            }))}
            isChecked={(r) => draft.satisfaction === Number(r)}
            invalid={props.invalid}
            describedBy={describedBy}
            onChange={(r, on) => on && change({ satisfaction: Number(r) })}
          />
        </div>
      </fieldset>
      {FEEDBACK_QUESTION_IDS.map((q) => (
        <fieldset key={q}>
          <legend>{t(`feedback.q.${q}`)}</legend>
          <ChoiceRows
            type="radio"
            idBase={`feedback-${q}`}
            idBy="value"
            name={q}
            options={FEEDBACK_QUESTIONS[q].map((a) => ({ value: a, label: t(answerLabel(a)) }))}
            isChecked={(a) => draft.answers[q] === a}
            invalid={props.invalid}
            describedBy={describedBy}
            onChange={(a, on) => on && change({ answers: { ...draft.answers, [q]: a } })}
          />
        </fieldset>
      ))}
    </>
  );
}

function ContactInput(props: PartProps & { name: 'name' | 'email' | 'phone'; invalid: boolean; onBlur: () => void }) {
  const { t } = useI18n();
  const id = `feedback-contact-${props.name}`;
  const common = {
    id,
    // Addresses and numbers read left to right in every language; a name in its own script.
    dir: props.name === 'name' ? 'auto' : 'ltr',
    maxLength: props.name === 'name' ? FEEDBACK_LIMITS.contactName : 254,
    value: props.draft.contact[props.name],
    'aria-invalid': props.invalid ? 'true' : undefined,
    'aria-describedby': props.invalid ? 'feedback-error' : undefined,
    onInput: (e: { currentTarget: HTMLInputElement }) => props.change({ contact: { ...props.draft.contact, [props.name]: e.currentTarget.value } }),
    onBlur: props.onBlur,
  } as const;
  return (
    <div class="field">
      <label for={id}>{t(CONTACT_LABEL[props.name])}</label>
      {props.name === 'email' ? (
        <input type="email" autocomplete="email" {...common} />
      ) : props.name === 'phone' ? (
        <input type="tel" autocomplete="tel" {...common} />
      ) : (
        <input type="text" autocomplete="name" {...common} />
      )}
    </div>
  );
}

export function ContactFields(props: PartProps & { problem: Problem; onBlur: () => void }) {
  const { t } = useI18n();
  const { draft, problem } = props;
  return (
    <div class="feedback__contact">
      <ChoiceRow
        type="checkbox"
        id="feedback-wants-answer"
        name="wantsAnswer"
        value="yes"
        checked={draft.wantsAnswer}
        label={t('feedback.wantsAnswer')}
        hint={t(draft.wantsAnswer ? 'feedback.contactOnly' : 'feedback.anonymous')}
        onChange={(on) => props.change({ wantsAnswer: on })}
      />
      {draft.wantsAnswer && (
        <>
          <ContactInput {...props} name="name" invalid={false} />
          <ContactInput {...props} name="email" invalid={problem === 'contact' || problem === 'email'} />
          <ContactInput {...props} name="phone" invalid={problem === 'contact' || problem === 'phone'} />
        </>
      )}
    </div>
  );
}
