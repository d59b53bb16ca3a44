import { useI18n } from '../../i18n/context';
import { DateField, SelectField, TextField, useOptions } from '../controls';
import { useForm } from '../form-context';
import { domIdFor, type PriorAttemptForm } from '../form-model';
import { fieldHintId } from '../labels';
import { LIMITS, PRIOR_ATTEMPT_CHANNELS } from '../../shared/request-schema';

/** What the person already tried with USCIS, one group per contact. */
export function ContactsStep() {
  const { t } = useI18n();
  const { form, set } = useForm();
  const channels = useOptions('case.priorAttempts.channel', PRIOR_ATTEMPT_CHANNELS);
  const attempts = form.case.priorAttempts;
  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const add = () => {
    const blank: PriorAttemptForm = { channel: '', date: '', serviceRequestNumber: '' };
    set('case.priorAttempts', [...attempts, blank]);
    focus(domIdFor(`case.priorAttempts.${attempts.length}.channel`));
  };
  const remove = (index: number) => {
    set(
      'case.priorAttempts',
      attempts.filter((_, i) => i !== index),
    );
    focus(attempts.length > 1 ? domIdFor(`case.priorAttempts.${Math.max(0, index - 1)}.channel`) : 'rq-contacts-add');
  };
  return (
    <>
      <p>{t(fieldHintId('case.priorAttempts'))}</p>
      {attempts.length === 0 && <p class="fineprint">{t('request.contacts.none')}</p>}
      {attempts.map((_, index) => (
        <fieldset class="group repeat" key={index}>
          <legend>{t('request.contacts.item', { n: index + 1 })}</legend>
          <SelectField path={`case.priorAttempts.${index}.channel`} options={channels} />
          <DateField path={`case.priorAttempts.${index}.date`} />
          <TextField path={`case.priorAttempts.${index}.serviceRequestNumber`} autocomplete="off" spellcheck={false} ltr />
          <button type="button" class="button button--danger" onClick={() => remove(index)}>
            {t('request.contacts.remove', { n: index + 1 })}
          </button>
        </fieldset>
      ))}
      {attempts.length < LIMITS.priorAttempts && (
        <button type="button" class="button" id="rq-contacts-add" onClick={add}>
          {attempts.length === 0 ? t('request.contacts.addFirst') : t('request.contacts.add')}
        </button>
      )}
    </>
  );
}
