/**
 * /requests/<id>/print: the request laid out like a filled Form DHS-7001,
 * numbered parts in the form's order, so a person can print it (or save it
 * as PDF) and mail, fax or e-mail it instead of sending it from the app.
 * Where to send it comes from src/facts.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';
import { FACTS_EDITION } from '../facts/contacts';
import { useFacts } from '../facts/use-facts';
import { FactOverrides } from '../guide/FactOverrides';
import { listAttachments } from '../storage/attachments';
import { getDraft, recoverRescuedDrafts } from '../storage/drafts';
import type { AttachmentRecord, DraftRecord } from '../storage/types';
import { countryName, displayANumber, displayReceipt, formatIsoDate, isStateless, languageName } from './display';
import { isHelping, normalizeForm, type RequestForm } from './form-model';
import { fieldLabelId, optionLabelId, type FieldId } from './labels';
import { MissingDraft } from './MissingDraft';
import { editorClosed } from './use-draft-session';
import { ownsDraft } from '../event-mode/session';

/** Where the printout says to send it. */
const SEND_FACTS = ['ombudsmanCaseMailAddress', 'ombudsmanFax', 'ombudsmanEmail'] as const;

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; record: DraftRecord; form: RequestForm; files: AttachmentRecord[] };

export function PrintView(props: { id: string }) {
  const { t } = useI18n();
  const facts = useFacts();
  useTitle(t('request.print.title', { form: facts.text('formDhs7001') }));
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    // Read after the editor's last write, and after a copy kept as the page was left, or the printout misses the latest words.
    void (async () => {
      try {
        await editorClosed(props.id);
        await recoverRescuedDrafts().catch(() => []);
        const [record, files] = await Promise.all([getDraft(props.id), listAttachments(props.id)]);
        if (!live) return;
        setLoaded(record && ownsDraft(record) ? { state: 'ready', record, form: normalizeForm(record.data), files } : { state: 'missing' });
      } catch {
        if (live) setLoaded({ state: 'missing' });
      }
    })();
    return () => {
      live = false;
    };
  }, [props.id]);
  if (loaded.state === 'loading') return <p class="page">{t('drafts.loading')}</p>;
  if (loaded.state === 'missing') return <MissingDraft />;
  return <PrintedForm id={props.id} record={loaded.record} form={loaded.form} files={loaded.files} />;
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

function Part(props: { n: number; title: string; children: ComponentChildren }) {
  return (
    <section class="pf-part">
      <h2>
        <span class="pf-part__n">{props.n}.</span> {props.title}
      </h2>
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

function PrintedForm(props: { id: string; record: DraftRecord; form: RequestForm; files: AttachmentRecord[] }) {
  const { t, intl, locale } = useI18n();
  const facts = useFacts();
  const { form, files } = props;
  const p = form.person;
  const a = p.address;
  const c = form.case;
  const s = form.submitter;
  const k = form.consent;
  const helping = isHelping(form);
  const label = (id: FieldId) => t(fieldLabelId(id));
  const option = (id: FieldId, value: string) => (value ? t(optionLabelId(id, value)) : '');
  const date = (iso: string) => formatIsoDate(intl, iso);
  const formsRows = Math.max(1, c.formTypes.filter(Boolean).length, c.receiptNumbers.filter(Boolean).length);
  const formTypes = c.formTypes.filter((x) => x.trim());
  const receipts = c.receiptNumbers.filter((x) => x.trim());
  let n = 0;
  return (
    <article class="print-form">
      <div class="print-toolbar no-print">
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          {t('request.print.button')}
        </button>
        <a class="button" href={`/requests/${props.id}`}>
          {t('request.print.back')}
        </a>
        <p class="fineprint">{t('request.print.help')}</p>
      </div>

      <header class="pf-header">
        <p class="pf-header__org">{t('request.print.agency')}</p>
        <h1>{t('request.print.title', { form: facts.text('formDhs7001') })}</h1>
        <p class="fineprint">{t('request.print.note', { date: intl.formatDate(new Date(props.record.updatedAt), { dateStyle: 'long' }) })}</p>
      </header>

      <Part n={++n} title={t('request.print.part.name')}>
        <Value label={label('person.familyName')} value={p.familyName} />
        <Value label={label('person.givenName')} value={p.givenName} />
        <Value label={label('person.middleName')} value={p.middleName} />
        <Value label={label('person.otherNames')} value={p.otherNames.filter(Boolean).join('; ')} wide />
      </Part>

      <Part n={++n} title={t('request.print.part.birth')}>
        <Value label={label('person.dateOfBirth')} value={date(p.dateOfBirth)} />
        <Value label={label('person.countryOfBirth')} value={countryName(locale, p.countryOfBirth)} />
        <Value
          label={label('person.citizenship')}
          value={isStateless(p.citizenship) ? t('request.field.person.citizenship.option.stateless') : countryName(locale, p.citizenship)}
        />
      </Part>

      <Part n={++n} title={t('request.print.part.numbers')}>
        <Value label={label('person.aNumber')} value={displayANumber(p.aNumber)} />
        <Value label={label('person.uscisAccountNumber')} value={p.uscisAccountNumber} />
      </Part>

      <Part n={++n} title={t('request.print.part.contact')}>
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
        <Value label={label('person.preferredLanguage')} value={languageName(locale, p.preferredLanguage)} />
      </Part>

      <Part n={++n} title={t('request.print.part.filed')}>
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

      <Part n={++n} title={label('case.problemKinds')}>
        <div class="pf-field--wide">
          {(['emergency', 'past-processing-time', 'processing-mistake', 'other-unresolved'] as const).map((kind) => (
            <Box key={kind} checked={c.problemKinds.includes(kind)} label={option('case.problemKinds', kind)} />
          ))}
        </div>
        <Value label={label('case.whatHappened')} value={c.whatHappened} wide long />
        <Value label={label('case.helpWanted')} value={c.helpWanted} wide long />
      </Part>

      <Part n={++n} title={label('case.priorAttempts')}>
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

      <Part n={++n} title={t('request.print.part.submitter')}>
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

      <Part n={++n} title={label('attachments')}>
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

      <Part n={++n} title={t('request.print.part.consent')}>
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
        <h2>{t('request.print.howToSend')}</h2>
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
