/**
 * The request as label/value rows per part, for the review page and the
 * print view alike, so both show the same thing the same way.
 */
import type { IntlShape } from '@formatjs/intl';
import type { AttachmentRecord } from '../storage/types';
import { countryName, displayANumber, displayReceipt, formatBytes, formatIsoDate, isStateless, languageName } from './display';
import { isCompany, isHelping, type RequestForm, type StepId } from './form-model';
import { fieldLabelId, optionLabelId, type FieldId } from './labels';

export interface Row {
  label: string;
  /** Plain text; several lines joined with "\n" (shown with pre-line). */
  value: string;
  /** Long free text the person wrote: shown in a block of its own. */
  long?: boolean;
  /** A drawn signature's PNG data URL. */
  image?: string;
}

export interface Section {
  step: StepId;
  title: string;
  rows: Row[];
  /** Files of the documents part. */
  files?: AttachmentRecord[];
}

type T = (id: string, values?: Record<string, string | number>) => string;

export function summarySections(form: RequestForm, files: readonly AttachmentRecord[], t: T, intl: IntlShape<string>, locale: string): Section[] {
  const label = (id: FieldId) => t(fieldLabelId(id));
  const option = (id: FieldId, value: string) => (value ? t(optionLabelId(id, value)) : '');
  const yesNo = (v: boolean) => t(v ? 'request.review.yes' : 'request.review.no');
  const date = (iso: string) => formatIsoDate(intl, iso);
  const list = (items: readonly string[]) => items.filter((x) => x.trim() !== '').join('\n');
  const p = form.person;
  const a = p.address;
  const helping = isHelping(form);
  const addressLines =
    a.kind === 'us'
      ? [a.inCareOf && t('request.review.inCareOf', { name: a.inCareOf }), a.line1, a.line2, [a.city, a.state, a.zip].filter(Boolean).join(' ')]
      : [a.inCareOf && t('request.review.inCareOf', { name: a.inCareOf }), a.line1, a.line2, [a.city, a.province, a.postalCode].filter(Boolean).join(' '), countryName(locale, a.country)];

  const sections: Section[] = [
    {
      step: 'about-you',
      title: t(helping ? 'request.step.about-you.titleHelper' : 'request.step.about-you.title'),
      rows: [
        { label: t('request.filler.legend'), value: form.filler ? t(`request.filler.${form.filler}`) : '' },
        { label: label('person.kind'), value: option('person.kind', p.kind) },
        ...(isCompany(form)
          ? [
              { label: label('person.businessName'), value: p.businessName },
              { label: label('person.contactName'), value: p.contactName },
              { label: label('person.contactTitle'), value: p.contactTitle },
            ]
          : [
              { label: label('person.familyName'), value: p.familyName },
              { label: label('person.givenName'), value: p.givenName },
              { label: label('person.middleName'), value: p.middleName },
              { label: label('person.otherNames'), value: list(p.otherNames) },
              { label: label('person.dateOfBirth'), value: date(p.dateOfBirth) },
              { label: label('person.countryOfBirth'), value: countryName(locale, p.countryOfBirth) },
              {
                label: label('person.citizenship'),
                value: isStateless(p.citizenship) ? t('request.field.person.citizenship.option.stateless') : countryName(locale, p.citizenship),
              },
              { label: label('person.aNumber'), value: displayANumber(p.aNumber) },
            ]),
        { label: label('person.uscisAccountNumber'), value: p.uscisAccountNumber },
        { label: label('person.address'), value: addressLines.filter(Boolean).join('\n') },
        { label: label('person.phone'), value: p.phone },
        { label: label('person.email'), value: p.email },
        { label: label('person.preferredLanguage'), value: languageName(locale, p.preferredLanguage) },
      ],
    },
  ];
  if (helping) {
    const s = form.submitter;
    sections.push({
      step: 'helper',
      title: t('request.step.helper.title'),
      rows: [
        {
          label: label('submitter.relationship'),
          value: s.relationship === 'other' && s.relationshipOther ? `${option('submitter.relationship', s.relationship)}: ${s.relationshipOther}` : option('submitter.relationship', s.relationship),
        },
        { label: label('submitter.name'), value: s.name },
        { label: label('submitter.organization'), value: s.organization },
        { label: label('submitter.phone'), value: s.phone },
        { label: label('submitter.email'), value: s.email },
        ...(s.relationship === 'attorney_g28' || s.relationship === 'accredited_rep_g28'
          ? [{ label: label('submitter.g28OnFile'), value: yesNo(s.g28OnFile) }]
          : []),
      ],
    });
  }
  const c = form.case;
  sections.push({
    step: 'case',
    title: t('request.step.case.title'),
    rows: [
      { label: label('case.formTypes'), value: list(c.formTypes) },
      { label: label('case.receiptNumbers'), value: list(c.receiptNumbers.map(displayReceipt)) },
      { label: label('case.dateFiled'), value: date(c.dateFiled) },
      { label: label('case.dateReceived'), value: date(c.dateReceived) },
      { label: label('case.office'), value: c.office },
      { label: label('case.problemKinds'), value: c.problemKinds.map((k) => option('case.problemKinds', k)).join('\n') },
      { label: label('case.whatHappened'), value: c.whatHappened, long: true },
      { label: label('case.helpWanted'), value: c.helpWanted, long: true },
    ],
  });
  sections.push({
    step: 'contacts',
    title: t('request.step.contacts.title'),
    rows: c.priorAttempts.map((attempt, i) => ({
      label: t('request.contacts.item', { n: i + 1 }),
      value: [
        option('case.priorAttempts.channel', attempt.channel),
        attempt.date && date(attempt.date),
        attempt.serviceRequestNumber && `${label('case.priorAttempts.serviceRequestNumber')}: ${attempt.serviceRequestNumber}`,
      ]
        .filter(Boolean)
        .join('\n'),
    })),
  });
  sections.push({
    step: 'documents',
    title: t('request.step.documents.title'),
    rows: files.map((f) => ({ label: f.name, value: formatBytes(intl, f.size) })),
    files: [...files],
  });
  const k = form.consent;
  sections.push({
    step: 'consent',
    title: t('request.step.consent.title'),
    rows: [
      { label: label('consent.agreed'), value: yesNo(k.agreed) },
      ...(helping ? [{ label: label('consent.shareWithSubmitter'), value: yesNo(k.shareWithSubmitter) }] : []),
      k.signatureKind === 'drawn'
        ? { label: label('consent.signature'), value: k.drawnPng ? t('request.review.signatureDrawn') : '', ...(k.drawnPng ? { image: k.drawnPng } : {}) }
        : { label: label('consent.signature'), value: k.typedName ? t('request.review.signatureTyped', { name: k.typedName }) : '' },
      { label: label('consent.date'), value: date(k.date) },
    ],
  });
  return sections;
}
