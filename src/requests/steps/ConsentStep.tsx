import { useEffect } from 'preact/hooks';
import { useI18n } from '../../i18n/context';
import { CheckboxField, DateField, ErrorText, RadioGroup, TextField, useOptions } from '../controls';
import { useForm } from '../form-context';
import { domIdFor, isHelping } from '../form-model';
import { fieldHintId, fieldLabelId } from '../labels';
import { LIMITS, SIGNATURE_KINDS } from '../../shared/request-schema';
import { SignaturePad } from '../SignaturePad';

/** The person's own consent and signature, even when a helper fills in the rest. */
export function ConsentStep() {
  const { t } = useI18n();
  const { form, set, errors, today } = useForm();
  const helping = isHelping(form);
  const kinds = useOptions('consent.signature.kind', SIGNATURE_KINDS);
  // Signing dates the consent, unless a date is already there.
  const signed = () => {
    if (form.consent.date === '') set('consent.date', today);
  };
  // Most people sign the day they reach this step: the date starts as today, and can be changed.
  useEffect(() => {
    if (form.consent.date === '') set('consent.date', today);
  }, []);
  const drawnPath = 'consent.drawnPng';
  const drawnId = domIdFor(drawnPath);
  const drawnCodes = errors(drawnPath);
  return (
    <>
      {helping && (
        <div class="note" role="note">
          <p>{t('request.consent.helperNote')}</p>
        </div>
      )}
      <p>{t('request.consent.explain')}</p>
      <CheckboxField path="consent.agreed" />
      {helping && <CheckboxField path="consent.shareWithSubmitter" />}
      <RadioGroup path="consent.signatureKind" legend={t(fieldLabelId('consent.signature.kind'))} hint={t(fieldHintId('consent.signature.kind'))} options={kinds} />
      {form.consent.signatureKind === 'typed' ? (
        <div onInput={signed}>
          <TextField path="consent.typedName" label={t(fieldLabelId('consent.signature.name'))} hint={t(fieldHintId('consent.signature.name'))} maxLength={LIMITS.signatureName} autocomplete={helping ? 'off' : 'name'} class="field--signature" />
        </div>
      ) : (
        <div class="field">
          <span class="label" id={`${drawnId}-label`}>
            {t(fieldLabelId('consent.signature.pngDataUrl'))}
          </span>
          <span class="field__hint" id={`${drawnId}-hint`}>
            {t('request.consent.drawHelp')}
          </span>
          <ErrorText id={drawnId} codes={drawnCodes} />
          <SignaturePad
            id={drawnId}
            value={form.consent.drawnPng}
            describedBy={`${drawnId}-hint${drawnCodes.length ? ` ${drawnId}-error` : ''}`}
            onChange={(png) => {
              set('consent.drawnPng', png);
              if (png) signed();
            }}
          />
        </div>
      )}
      <DateField path="consent.date" />
    </>
  );
}
