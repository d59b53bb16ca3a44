import { useI18n } from '../i18n/context';
import type { StatusRecord } from '../storage/status-record';
import { closeReasonId, infoReasonId, referralId, stateLabelId } from './texts';

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const MOMENT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** "Checked <date>", or that the office was never asked yet. */
export function CheckedLine(props: { record: StatusRecord | undefined }) {
  const { t, intl } = useI18n();
  const at = props.record?.checkedAt;
  return <p class="fineprint status__checked">{at === undefined ? t('status.notChecked') : t('status.checked', { date: intl.formatDate(new Date(at), MOMENT) })}</p>;
}

/** One line for a list: the state in words, and when it was checked. */
export function StatusLine(props: { record: StatusRecord | undefined }) {
  const { t } = useI18n();
  const known = props.record?.known;
  return (
    <div class="status-line">
      <p class="status-line__state">
        {props.record?.notFound ? t('status.notFound') : known ? t(stateLabelId(known.state)) : t('status.unknownYet')}
      </p>
      <CheckedLine record={props.record} />
    </div>
  );
}

/**
 * Everything the office said about one request: the state and what it
 * means, the case number, the reasons asked for and the office's note, why
 * it was closed or where it was sent, and when that was.
 */
export function StatusDetails(props: { record: StatusRecord | undefined }) {
  const { t, intl } = useI18n();
  const record = props.record;
  const known = record?.known;
  if (record?.notFound) return <p class="note note--error">{t('status.notFound')}</p>;
  if (!known) {
    return (
      <>
        <p class="status__state">{t('status.unknownYet')}</p>
        <CheckedLine record={record} />
      </>
    );
  }
  return (
    <div class={`status status--${known.state}`}>
      <p class="status__state">{t(stateLabelId(known.state))}</p>
      {known.caseNumber && <p>{t('status.caseNumber', { caseNumber: known.caseNumber })}</p>}
      {known.state === 'needs_information' && (
        <>
          <p class="status__asked">{t('status.asked')}</p>
          <ul class="status__reasons">
            {(known.infoReasons ?? ['other']).map((code) => (
              <li key={code}>{t(infoReasonId(code))}</li>
            ))}
          </ul>
          {known.infoNote && (
            <figure class="status__note">
              <figcaption>{t('status.note')}</figcaption>
              <blockquote dir="auto">{known.infoNote}</blockquote>
            </figure>
          )}
        </>
      )}
      {known.closeReason && <p>{t('status.closeReason', { reason: t(closeReasonId(known.closeReason)) })}</p>}
      {known.referral && <p>{t('status.referredTo', { place: t(referralId(known.referral)) })}</p>}
      <p class="fineprint">{t('status.changed', { date: intl.formatDate(new Date(known.changedAt), DAY) })}</p>
      <CheckedLine record={record} />
    </div>
  );
}
