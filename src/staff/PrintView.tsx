import { useEffect, useMemo } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { displayANumber } from '../requests/display';
import { isCompany } from '../shared/request-schema';
import { useStaffTitle } from './context';
import { Alert } from './Field';
import { Sections } from './Sections';
import { setPrintHeader } from './print-header';
import { personName, requestSections } from './request-sections';
import { STATE_LABEL, englishLanguage, formatDateTime } from './text';
import { useRequest } from './use-request';
import { ScreenerAnswers } from './ScreenerAnswers';

/**
 * The request as the office files it, in English: every field, and on every
 * printed page the person's name, A-number and "page X of Y" (@page margin
 * boxes in staff.css).
 */
export function PrintView(props: { id?: string; params?: { id?: string } }) {
  useStaffTitle('Print view');
  const id = props.params?.id ?? props.id ?? '';
  const { t, intl } = useI18n();
  const { detail, failure } = useRequest(id);
  const sections = useMemo(() => (detail ? requestSections(detail.request, t, intl) : []), [detail?.request]);
  const name = detail ? personName(detail.request) : '';
  const requester = detail?.request.person;
  const aNumber = requester && !isCompany(requester) && requester.aNumber ? displayANumber(requester.aNumber) : 'no A-number';

  useEffect(() => {
    if (!detail) return;
    return setPrintHeader(`${name} · ${aNumber} · ${detail.confirmation}`);
  }, [detail, name, aNumber]);

  if (failure) {
    return (
      <>
        <h1 tabIndex={-1}>Print view</h1>
        <Alert>{failure}</Alert>
      </>
    );
  }
  if (!detail) {
    return (
      <>
        <h1 tabIndex={-1}>Print view</h1>
        <p role="status">Loading the request…</p>
      </>
    );
  }
  return (
    <article class="staff-print">
      <p class="staff-noprint">
        <a href={`/staff/requests/${encodeURIComponent(detail.id)}`}>Back to the request</a>{' '}
        <button type="button" class="staff-button" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <h1 tabIndex={-1}>Case assistance request (Form DHS-7001)</h1>
      <dl class="staff-fields">
        <div>
          <dt>Name</dt>
          <dd>{name}</dd>
        </div>
        <div>
          <dt>A-number</dt>
          <dd>{aNumber}</dd>
        </div>
        <div>
          <dt>Confirmation number</dt>
          <dd>{detail.confirmation}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatDateTime(detail.receivedAt)}</dd>
        </div>
        <div>
          <dt>Language the person used</dt>
          <dd>{englishLanguage(detail.request.locale || detail.language)}</dd>
        </div>
        <div>
          <dt>Review state</dt>
          <dd>{STATE_LABEL[detail.state] ?? detail.state}</dd>
        </div>
      </dl>
      <Sections sections={sections}>
        {(s) =>
          s.step === 'documents' ? (
            detail.attachments.length ? (
              <ul>
                {detail.attachments.map((f) => (
                  <li key={f.id}>{f.name}</li>
                ))}
              </ul>
            ) : (
              <p>No files were sent.</p>
            )
          ) : null
        }
      </Sections>
      <ScreenerAnswers request={detail.request} />
    </article>
  );
}
