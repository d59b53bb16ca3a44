/**
 * One complete copy of a request laid out like a filled Form DHS-7001,
 * numbered parts in the form's order, in the language of the i18n context
 * it renders in: the person's own, or English for the office. What the
 * person typed is shown as typed in both.
 */
import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n/context';
import { FACTS_EDITION } from '../../facts/contacts';
import { useFacts } from '../../facts/use-facts';
import { FactOverrides } from '../../guide/FactOverrides';
import type { AttachmentRecord } from '../../storage/types';
import { countryName, displayANumber, displayReceipt, formatIsoDate, isStateless, languageName } from '../display';
import { isCompany, isHelping, type RequestForm } from '../form-model';
import { fieldLabelId, optionLabelId, type FieldId } from '../labels';

/** Where the printout says to send it. */
const SEND_FACTS = ['ombudsmanCaseMailAddress', 'ombudsmanFax', 'ombudsmanEmail'] as const;

export interface CopyProps {
  form: RequestForm;
  files: readonly Pick<AttachmentRecord, 'id' | 'name'>[];
  /** When the answers were last changed (device ms). */
  updatedAt: number;
  /** The office's confirmation number, once it has the request. */
  confirmation?: string;
  /** The office's copy: headings a level down, and a line saying what it is. */
  english?: boolean;
}

/** The office's copy names languages in English; the person's copy names the app's languages in themselves. */
function languageFor(locale: string, english: boolean, tag: string): string {
  if (!english || !tag) return languageName(locale, tag);
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function Value(props: { label: string; value: string; wide?: boolean; long?: boolean }) {
  const { t } = useI18n();
  return (
    <div class={`pf-field${props.wide ? ' pf-field--wide' : ''}${props.long ? ' pf-field--long' : ''}`}>
      <span class="pf-field__label">{props.label}</span>
      <span class="pf-field__value" dir="auto">
        {props.value || <span class="pf-field__blank">{t('request.print.blank')}</span>}
      </span>
    </div>
  );
}

function Part(props: { n: number; title: string; english: boolean; flows?: boolean; children: ComponentChildren }) {
  const Heading = props.english ? 'h3' : 'h2';
  return (
    <section class={`pf-part${props.flows ? ' pf-part--flows' : ''}`}>
      <Heading class="pf-part__title">
        <span class="pf-part__n">{props.n}.</span> {props.title}
      </Heading>
      <div class="pf-grid">{props.children}</div>
    </section>
  );
}

function Box(props: { checked: boolean; label: string }) {
  return (
    <p class="pf-box">
      <span class="pf-box__mark" aria-hidden="true">
        {props.checked ? '☒' : '☐'}
      </span>
      <span class="visually-hidden">{props.checked ? '✓' : ''}</span> {props.label}
    </p>
  );
}

export function PrintedCopy(props: CopyProps) {
  const { t, intl, locale } = useI18n();
  const facts = useFacts();
  const { form, files } = props;
  const english = !!props.english;
  const p = form.person;
  const a = p.address;
  const c = form.case;
  const s = form.submitter;
  const k = form.consent;
  const helping = isHelping(form);
  // A company has no birth, citizenship or A-number: its name and contact person stand in for parts 1–3.
  const company = isCompany(form);
  const label = (id: FieldId) => t(fieldLabelId(id));
  const option = (id: FieldId, value: string) => (value ? t(optionLabelId(id, value)) : '');
  const date = (iso: string) => formatIsoDate(intl, iso);
  const formsRows = Math.max(1, c.formTypes.filter(Boolean).length, c.receiptNumbers.filter(Boolean).length);
  const formTypes = c.formTypes.filter((x) => x.trim());
  const receipts = c.receiptNumbers.filter((x) => x.trim());
  const Title = english ? 'h2' : 'h1';
  const Sub = english ? 'h3' : 'h2';
  let n = 0;
  return (
    <article class="pf-copy" lang={locale} dir={english ? 'ltr' : undefined} aria-labelledby={english ? 'pf-title-en' : 'pf-title'}>
      <header class="pf-header">
        <p class="pf-header__org">{t('request.print.agency')}</p>
        <Title id={english ? 'pf-title-en' : 'pf-title'} class="pf-header__title" tabIndex={-1}>
          {t('request.print.title', { form: facts.text('formDhs7001') })}
        </Title>
        {english && <p class="pf-header__copy">{t('request.print.englishCopy')}</p>}
        {props.confirmation && <p class="pf-header__copy">{t('status.item.confirmation', { confirmation: props.confirmation })}</p>}
        <p class="fineprint">{t('request.print.note', { date: intl.formatDate(new Date(props.updatedAt), { dateStyle: 'long' }) })}</p>
      </header>

      {company ? (
        <Part english={english} n={++n} title={label('person.kind')}>
          <Value label={label('person.businessName')} value={p.businessName} wide />
          <Value label={label('person.contactName')} value={p.contactName} />
          <Value label={label('person.contactTitle')} value={p.contactTitle} />
        </Part>
      ) : (
        <>
          <Part english={english} n={++n} title={t('request.print.part.name')}>
          <Value label={label('person.familyName')} value={p.familyName} />
          <Value label={label('person.givenName')} value={p.givenName} />
          <Value label={label('person.middleName')} value={p.middleName} />
          <Value label={label('person.otherNames')} value={p.otherNames.filter(Boolean).join('; ')} wide />
        </Part>

        <Part english={english} n={++n} title={t('request.print.part.birth')}>
          <Value label={label('person.dateOfBirth')} value={date(p.dateOfBirth)} />
          <Value label={label('person.countryOfBirth')} value={countryName(locale, p.countryOfBirth)} />
          <Value
            label={label('person.citizenship')}
            value={isStateless(p.citizenship) ? t('request.field.person.citizenship.option.stateless') : countryName(locale, p.citizenship)}
          />
        </Part>

        <Part english={english} n={++n} title={t('request.print.part.numbers')}>
          <Value label={label('person.aNumber')} value={displayANumber(p.aNumber)} />
          <Value label={label('person.uscisAccountNumber')} value={p.uscisAccountNumber} />
        </Part>
        </>
      )}

      <Part english={english} n={++n} title={t('request.print.part.contact')}>
        <Value label={label('person.address.inCareOf')} value={a.inCareOf} wide />
        <Value label={label('person.address.line1')} value={a.line1} wide />
        <Value label={label('person.address.line2')} value={a.line2} />
        <Value label={label('person.address.city')} value={a.city} />
        {a.kind === 'us' ? (
          <>
            <Value label={label('person.address.state')} value={a.state} />
            <Value label={label('person.address.zip')} value={a.zip} />
          </>
        ) : (
          <>
            <Value label={label('person.address.province')} value={a.province} />
            <Value label={label('person.address.postalCode')} value={a.postalCode} />
            <Value label={label('person.address.country')} value={countryName(locale, a.country)} />
          </>
        )}
        <Value label={label('person.phone')} value={p.phone} />
        <Value label={label('person.email')} value={p.email} />
        <Value label={label('person.preferredLanguage')} value={languageFor(locale, english, p.preferredLanguage)} />
      </Part>

      <Part english={english} n={++n} title={t('request.print.part.filed')}>
        <table class="pf-table pf-field--wide">
          <thead>
            <tr>
              <th scope="col">{label('case.formTypes')}</th>
              <th scope="col">{label('case.receiptNumbers')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: formsRows }, (_, i) => (
              <tr key={i}>
                <td dir="auto">{formTypes[i] ?? ''}</td>
                <td dir="ltr">{receipts[i] ? displayReceipt(receipts[i]!) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Value label={label('case.dateFiled')} value={date(c.dateFiled)} />
        <Value label={label('case.office')} value={c.office} />
      </Part>

      <Part english={english} n={++n} title={label('case.problemKinds')} flows>
        <div class="pf-field--wide">
          {(['emergency', 'past-processing-time', 'processing-mistake', 'other-unresolved'] as const).map((kind) => (
            <Box key={kind} checked={c.problemKinds.includes(kind)} label={option('case.problemKinds', kind)} />
          ))}
        </div>
        <Value label={label('case.whatHappened')} value={c.whatHappened} wide long />
        <Value label={label('case.helpWanted')} value={c.helpWanted} wide long />
      </Part>

      <Part english={english} n={++n} title={label('case.priorAttempts')}>
        <table class="pf-table pf-field--wide">
          <thead>
            <tr>
              <th scope="col">{label('case.priorAttempts.channel')}</th>
              <th scope="col">{label('case.priorAttempts.date')}</th>
              <th scope="col">{label('case.priorAttempts.serviceRequestNumber')}</th>
            </tr>
          </thead>
          <tbody>
            {(c.priorAttempts.length ? c.priorAttempts : [{ channel: '', date: '', serviceRequestNumber: '' }]).map((attempt, i) => (
              <tr key={i}>
                <td>{option('case.priorAttempts.channel', attempt.channel)}</td>
                <td>{date(attempt.date)}</td>
                <td dir="ltr">{attempt.serviceRequestNumber}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Part>

      <Part english={english} n={++n} title={t('request.print.part.submitter')}>
        {helping ? (
          <>
            <Value
              label={label('submitter.relationship')}
              value={s.relationship === 'other' && s.relationshipOther ? `${option('submitter.relationship', s.relationship)}: ${s.relationshipOther}` : option('submitter.relationship', s.relationship)}
              wide
            />
            <Value label={label('submitter.name')} value={s.name} />
            <Value label={label('submitter.organization')} value={s.organization} />
            <Value label={label('submitter.phone')} value={s.phone} />
            <Value label={label('submitter.email')} value={s.email} />
            {(s.relationship === 'attorney_g28' || s.relationship === 'accredited_rep_g28') && (
              <div class="pf-field--wide">
                <Box checked={s.g28OnFile} label={label('submitter.g28OnFile')} />
              </div>
            )}
          </>
        ) : (
          <p class="pf-field--wide">{t('request.print.noHelper')}</p>
        )}
      </Part>

      <Part english={english} n={++n} title={label('attachments')}>
        <div class="pf-field--wide">
          <p>{t('request.print.attach')}</p>
          {files.length ? (
            <ol class="pf-files">
              {files.map((f) => (
                <li key={f.id} dir="auto">
                  {f.name}
                </li>
              ))}
            </ol>
          ) : (
            <p class="pf-field__blank">{t('request.docs.none')}</p>
          )}
          <p>
            <strong>{t('request.docs.never')}</strong>
          </p>
        </div>
      </Part>

      <Part english={english} n={++n} title={t('request.print.part.consent')}>
        <div class="pf-field--wide">
          <p>{t('request.consent.explain')}</p>
          <Box checked={k.agreed} label={label('consent.agreed')} />
          {helping && <Box checked={k.shareWithSubmitter} label={label('consent.shareWithSubmitter')} />}
        </div>
        <div class="pf-field pf-signature">
          <span class="pf-field__label">{t('request.print.signature')}</span>
          <span class="pf-field__value">
            {k.signatureKind === 'drawn' && k.drawnPng ? (
              <img src={k.drawnPng} alt={t('request.review.signatureDrawn')} class="pf-signature__img" />
            ) : k.signatureKind === 'typed' && k.typedName ? (
              <span class="pf-signature__typed" dir="auto">
                {k.typedName}
              </span>
            ) : (
              <span class="pf-field__blank">{t('request.print.blank')}</span>
            )}
          </span>
        </div>
        <Value label={label('consent.date')} value={date(k.date)} />
      </Part>

      <section class="pf-send">
        <Sub>{t('request.print.howToSend')}</Sub>
        <div class="pf-grid">
          <div class="pf-field">
            <span class="pf-field__label">{t('request.print.byMail')}</span>
            <span class="pf-field__value pf-address">{facts.text('ombudsmanCaseMailAddress')}</span>
          </div>
          <Value label={t('request.print.byFax')} value={facts.text('ombudsmanFax')} />
          <Value label={t('request.print.byEmail')} value={facts.text('ombudsmanEmail')} />
        </div>
        <p class="fineprint">{t('request.print.factsChecked', { date: formatIsoDate(intl, FACTS_EDITION.checked) })}</p>
        <div class="fineprint">
          <FactOverrides only={SEND_FACTS} />
        </div>
      </section>
    </article>
  );
}
