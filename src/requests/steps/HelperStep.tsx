import { useI18n } from '../../i18n/context';
import { CheckboxField, RadioGroup, TextField, useOptions } from '../controls';
import { useForm } from '../form-context';
import { G28_RELATIONSHIPS, LIMITS, ORGANIZATION_RELATIONSHIPS, SUBMITTER_RELATIONSHIPS } from '../../shared/request-schema';

/** Volunteer mode: the helper's own details. The consent stays the person's. */
export function HelperStep() {
  const { t } = useI18n();
  const { form } = useForm();
  const relationships = useOptions('submitter.relationship', SUBMITTER_RELATIONSHIPS);
  const relationship = form.submitter.relationship;
  const g28 = relationship !== '' && G28_RELATIONSHIPS.includes(relationship);
  const organization = relationship !== '' && ORGANIZATION_RELATIONSHIPS.includes(relationship);
  return (
    <>
      <p>{t('request.helper.intro')}</p>
      <RadioGroup path="submitter.relationship" options={relationships} />
      {relationship === 'other' && <TextField path="submitter.relationshipOther" maxLength={LIMITS.relationshipOther} />}
      <TextField path="submitter.name" maxLength={LIMITS.submitterName} autocomplete="name" />
      <TextField
        path="submitter.organization"
        maxLength={LIMITS.organization}
        autocomplete="organization"
        hint={organization ? t('request.helper.organizationNeeded') : undefined}
      />
      <TextField path="submitter.phone" type="tel" inputMode="tel" autocomplete="tel" ltr />
      <TextField path="submitter.email" type="email" inputMode="email" autocomplete="email" spellcheck={false} ltr />
      {g28 && <CheckboxField path="submitter.g28OnFile" />}
    </>
  );
}
