import { useI18n } from '../../i18n/context';
import { useCountries, useLanguages, useUsStates } from '../choices';
import { Group, ListField, RadioGroup, SelectField, TextField, DateField, useOptions } from '../controls';
import { STATELESS } from '../../shared/fields';
import { useForm } from '../form-context';
import { isCompany, isHelping } from '../form-model';
import { formHintId } from '../labels';
import { ADDRESS_KINDS, LIMITS, REQUESTER_KINDS } from '../../shared/request-schema';

/** Step 1: who fills in the form, and who needs help (never the helper): a person, or a company that petitioned. */
export function AboutYouStep() {
  const { t, locale } = useI18n();
  const { form } = useForm();
  const helping = isHelping(form);
  // A helper's browser would fill in the helper's own name and address.
  const auto = (token: string) => (helping ? 'off' : token);
  const countries = useCountries(locale);
  const foreignCountries = useCountries(locale, { foreignOnly: true });
  const citizenship = [{ value: STATELESS, label: t('request.field.person.citizenship.option.stateless') }, ...countries];
  const addressKinds = useOptions('person.address.kind', ADDRESS_KINDS);
  const states = useUsStates();
  const languages = useLanguages();
  const kinds = useOptions('person.kind', REQUESTER_KINDS);
  const company = isCompany(form);
  const foreign = form.person.address.kind === 'foreign';
  return (
    <>
      <RadioGroup
        path="filler"
        legend={t('request.filler.legend')}
        hint={null}
        options={[
          { value: 'self', label: t('request.filler.self') },
          { value: 'helper', label: t('request.filler.helper'), hint: t('request.filler.helperHint') },
        ]}
      />
      <RadioGroup path="person.kind" options={kinds} />
      {company ? (
        <Group legend={t('request.field.person.kind.option.company')}>
          <TextField path="person.businessName" maxLength={LIMITS.organization} autocomplete={auto('organization')} />
          <TextField path="person.contactName" maxLength={LIMITS.submitterName} autocomplete={auto('name')} spellcheck={false} />
          <TextField path="person.contactTitle" maxLength={LIMITS.contactTitle} autocomplete={auto('organization-title')} />
          <TextField path="person.uscisAccountNumber" autocomplete="off" inputMode="numeric" spellcheck={false} ltr />
        </Group>
      ) : (
        <>
          <p class="field__hint">{t('request.field.person.hint')}</p>
          <Group legend={t('request.person.names')}>
            <TextField path="person.familyName" maxLength={LIMITS.name} autocomplete={auto('family-name')} spellcheck={false} />
            <TextField path="person.givenName" maxLength={LIMITS.name} autocomplete={auto('given-name')} spellcheck={false} />
            <TextField path="person.middleName" maxLength={LIMITS.name} autocomplete={auto('additional-name')} spellcheck={false} />
            <ListField path="person.otherNames" addLabel={t('request.person.otherNames.add')} max={LIMITS.otherNames} maxLength={LIMITS.otherName} />
          </Group>
          <Group legend={t('request.person.birth')}>
            <DateField path="person.dateOfBirth" autocomplete={auto('bday')} />
            <SelectField path="person.countryOfBirth" options={countries} />
            <SelectField path="person.citizenship" options={citizenship} />
          </Group>
          <Group legend={t('request.person.numbers')}>
            <TextField path="person.aNumber" autocomplete="off" spellcheck={false} ltr />
            <TextField path="person.uscisAccountNumber" autocomplete="off" inputMode="numeric" spellcheck={false} ltr />
          </Group>
        </>
      )}
      <Group legend={t('request.field.person.address.label')} hint={t(formHintId('person.address', helping))}>
        <RadioGroup path="person.address.kind" options={addressKinds} />
        <TextField path="person.address.inCareOf" maxLength={LIMITS.inCareOf} autocomplete="off" />
        <TextField path="person.address.line1" maxLength={LIMITS.addressLine} autocomplete={auto('address-line1')} />
        <TextField path="person.address.line2" maxLength={LIMITS.addressLine2} autocomplete={auto('address-line2')} />
        <TextField path="person.address.city" maxLength={LIMITS.city} autocomplete={auto('address-level2')} />
        {foreign ? (
          <>
            <TextField path="person.address.province" maxLength={LIMITS.province} autocomplete={auto('address-level1')} />
            <TextField path="person.address.postalCode" autocomplete={auto('postal-code')} spellcheck={false} ltr />
            <SelectField path="person.address.country" options={foreignCountries} autocomplete={auto('country')} />
          </>
        ) : (
          <>
            <SelectField path="person.address.state" options={states} autocomplete={auto('address-level1')} />
            <TextField path="person.address.zip" inputMode="numeric" autocomplete={auto('postal-code')} spellcheck={false} ltr />
          </>
        )}
      </Group>
      <Group legend={t(helping ? 'request.person.contactHelper' : 'request.person.contact')}>
        <TextField path="person.phone" type="tel" inputMode="tel" autocomplete={auto('tel')} ltr />
        <TextField path="person.email" type="email" inputMode="email" autocomplete={auto('email')} spellcheck={false} ltr />
        <SelectField path="person.preferredLanguage" options={languages} />
      </Group>
    </>
  );
}
