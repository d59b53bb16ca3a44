import { useI18n } from '../../i18n/context';
import { CheckboxGroup, DateField, ListField, TextField, useOptions } from '../controls';
import { useForm } from '../form-context';
import { LIMITS, PROBLEM_KINDS } from '../../shared/request-schema';

/** The case: forms, receipt numbers, what went wrong and what help is wanted. */
export function CaseStep() {
  const { t } = useI18n();
  const { form } = useForm();
  const kinds = useOptions('case.problemKinds', PROBLEM_KINDS);
  const note = form.screener;
  return (
    <>
      {note && (
        <div class="note" role="note">
          <p>{t('request.case.fromScreener')}</p>
          {note.block && <p>{t('request.case.screenerSent')}</p>}
          {note.urgent && <p>{t('request.case.urgent')}</p>}
          {note.outsideProcessingTime && note.processingMonths !== undefined && (
            <p>{t('request.case.pastProcessingTime', { months: note.processingMonths })}</p>
          )}
        </div>
      )}
      <ListField path="case.formTypes" addLabel={t('request.case.formTypes.add')} max={LIMITS.formTypes} keepOne ltr autocomplete="off" />
      <ListField path="case.receiptNumbers" addLabel={t('request.case.receiptNumbers.add')} max={LIMITS.receiptNumbers} keepOne ltr autocomplete="off" />
      <DateField path="case.dateFiled" />
      <DateField path="case.dateReceived" />
      <TextField path="case.office" maxLength={LIMITS.office} />
      <CheckboxGroup path="case.problemKinds" options={kinds} />
      <TextField path="case.whatHappened" multiline maxLength={LIMITS.whatHappened} />
      <TextField path="case.helpWanted" multiline maxLength={LIMITS.helpWanted} />
    </>
  );
}
