import { useMemo } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { formatBytes } from '../requests/display';
import { hasRole, useStaff, useStaffTitle } from './context';
import { Alert } from './Field';
import { Sections } from './Sections';
import { ReviewForm } from './ReviewForm';
import { NotesPanel } from './NotesPanel';
import { AssignPanel } from './AssignPanel';
import { requestSections } from './request-sections';
import { useRequest } from './use-request';
import { FollowUps } from './FollowUps';
import { CLOSE_REASON_LABEL, INFO_REASON_LABEL, REFERRAL_LABEL, STATE_LABEL, englishLanguage, formatDateTime } from './text';
import type { Attachment, RequestDetail } from './types';

const INLINE_IMAGE = /^image\/(jpeg|png|webp)$/;

export function RequestView(props: { id?: string; params?: { id?: string } }) {
  useStaffTitle('Request');
  const id = props.params?.id ?? props.id ?? '';
  const { me } = useStaff();
  const { t, intl } = useI18n();
  const { detail, setDetail, failure } = useRequest(id);
  const sections = useMemo(() => (detail ? requestSections(detail.request, t, intl) : []), [detail?.request]);

  if (failure) {
    return (
      <>
        <h1 tabIndex={-1}>Request</h1>
        <Alert>{failure}</Alert>
        <p>
          <a href="/staff">Back to the inbox</a>
        </p>
      </>
    );
  }
  if (!detail) {
    return (
      <>
        <h1 tabIndex={-1}>Request</h1>
        <p role="status">Loading the request…</p>
      </>
    );
  }
  return (
    <>
      <p>
        <a href="/staff">Back to the inbox</a>
      </p>
      <h1 tabIndex={-1}>Request {detail.confirmation}</h1>
      <Overview detail={detail} />
      <p>
        <a class="staff-button staff-button--quiet" href={`/staff/requests/${encodeURIComponent(detail.id)}/print`}>
          Print view
        </a>
      </p>
      <Sections sections={sections}>{(s) => (s.step === 'documents' ? <Attachments files={detail.attachments} /> : null)}</Sections>
      <FollowUps detail={detail} files={(files, n) => <Attachments files={files} photo={(i) => `Follow-up ${n}, photo ${i}`} />} />
      <ReviewForm detail={detail} onChanged={setDetail} />
      {hasRole(me, 'supervisor') && <AssignPanel detail={detail} onChanged={setDetail} />}
      <NotesPanel detail={detail} onAdded={(note) => setDetail({ ...detail, notes: [...detail.notes, note] })} />
      <History detail={detail} />
    </>
  );
}

function Overview({ detail }: { detail: RequestDetail }) {
  const rows: [string, string][] = [
    ['Received', formatDateTime(detail.receivedAt)],
    ['State', STATE_LABEL[detail.state] ?? detail.state],
    ['Urgent', detail.urgent ? 'Yes: the person reported an emergency' : 'No'],
    ['Language the person used', englishLanguage(detail.request.locale || detail.language)],
    ['Forms', detail.formTypes.join(', ')],
    ['Event', detail.eventId ?? 'None (sent from the person’s own device)'],
    ['Assigned to', detail.assignee?.email ?? 'Nobody'],
  ];
  if (detail.caseNumber) rows.push(['Office case number', detail.caseNumber]);
  if (detail.referral) rows.push(['Referred to', REFERRAL_LABEL[detail.referral] ?? detail.referral]);
  if (detail.referredTo) rows.push(['Office or contact referred to', detail.referredTo]);
  if (detail.closeReason) rows.push(['Reason for closing', CLOSE_REASON_LABEL[detail.closeReason] ?? detail.closeReason]);
  if (detail.infoReasons?.length) rows.push(['Information asked for', detail.infoReasons.map((r) => INFO_REASON_LABEL[r] ?? r).join('; ')]);
  if (detail.infoNote) rows.push(['Note to the person', detail.infoNote]);
  return (
    <section class="staff-section" aria-labelledby="overview-title">
      <h2 id="overview-title">Overview</h2>
      <dl class="staff-fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p class="staff-hint">
        The self-check’s answers stay on the person’s device; what it found is in “What went wrong” under The case, and in
        Urgent above.
      </p>
    </section>
  );
}

/** `photo(n)` names the n-th photo for screen readers; photos of a follow-up say whose they are. */
function Attachments({ files, photo = (i) => `Photo ${i}` }: { files: readonly Attachment[]; photo?: (i: number) => string }) {
  const { intl } = useI18n();
  const formatSize = (bytes: number) => formatBytes(intl, bytes);
  if (!files.length) return <p>No files were sent.</p>;
  return (
    <ul class="staff-files">
      {files.map((f, i) => (
        <li key={f.id}>
          {INLINE_IMAGE.test(f.type) ? (
            <figure>
              <a href={f.href} target="_blank" rel="noopener">
                <img src={f.href} alt={`${photo(i + 1)}: ${f.name}`} loading="lazy" class="staff-photo" />
              </a>
              <figcaption>
                {f.name} ({formatSize(f.size)}) — <a href={f.href} target="_blank" rel="noopener">open full size<span class="visually-hidden"> {f.name}</span></a>
              </figcaption>
            </figure>
          ) : (
            <a href={f.href} download>
              Download {f.name} ({formatSize(f.size)})
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

function History({ detail }: { detail: RequestDetail }) {
  return (
    <section class="staff-section" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {detail.history.length === 0 ? (
        <p>No changes yet.</p>
      ) : (
        <table class="staff-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
            </tr>
          </thead>
          <tbody>
            {detail.history.map((h, i) => (
              <tr key={i}>
                <td>{formatDateTime(h.at)}</td>
                <td>{h.by ? h.by.email : 'The system (the person answered)'}</td>
                <td>{h.from ? STATE_LABEL[h.from] ?? h.from : '—'}</td>
                <td>{STATE_LABEL[h.to] ?? h.to}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
