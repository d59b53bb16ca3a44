/**
 * What the person takes with them: on a shared tablet, a QR code of the
 * status link (the tablet keeps nothing once they go); on their own
 * device, the confirmation number and the status link to copy or share.
 */
import { useMemo, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { isEventMode } from '../event-mode/session';
import { qrPath } from '../event-mode/qr';
import { statusLink, type StatusLink } from './link';
import type { Followed } from './followed';

function linkOf(item: Followed): StatusLink {
  const confirmation = item.sent?.confirmation ?? item.record?.confirmation;
  return { id: item.id, secret: item.secret, ...(confirmation ? { confirmation } : {}) };
}

export function StatusQr(props: { url: string }) {
  const { t } = useI18n();
  const { size, d } = useMemo(() => qrPath(props.url), [props.url]);
  return (
    <section class="status-qr" aria-labelledby="status-qr-title">
      <h2 id="status-qr-title">{t('status.take.title')}</h2>
      <p>{t('status.take.body')}</p>
      <svg
        class="status-qr__code"
        viewBox={`0 0 ${size} ${size}`}
        width="240"
        height="240"
        role="img"
        aria-label={t('status.take.qrLabel')}
        shape-rendering="crispEdges"
      >
        <rect width={size} height={size} fill="#fff" />
        <path d={d} fill="#000" />
      </svg>
      <p class="fineprint">{t('status.private')}</p>
    </section>
  );
}

type Said = '' | 'copied' | 'failed';

/** Web Share where the device has it; else the clipboard, with a visible "copied". */
export function CopyShare(props: { link: StatusLink }) {
  const { t } = useI18n();
  const [said, setSaid] = useState<{ what: Said; which: string }>({ what: '', which: '' });
  const url = statusLink(props.link);
  const canShare = typeof navigator.share === 'function';

  const copy = async (which: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid({ what: 'copied', which });
    } catch {
      setSaid({ what: 'failed', which });
    }
  };
  const share = async () => {
    try {
      // The share sheet itself says what happened.
      await navigator.share({ title: t('status.share.title'), url });
    } catch (err) {
      // The person closed the share sheet: nothing to say. Anything else: fall back to copying.
      if ((err as Error)?.name !== 'AbortError') await copy('link', url);
    }
  };

  return (
    <section class="status-keep" aria-labelledby="status-keep-title">
      <h2 id="status-keep-title">{t('status.keep.title')}</h2>
      <div class="button-row">
        {props.link.confirmation && (
          <button type="button" class="button" onClick={() => void copy('confirmation', props.link.confirmation!)}>
            {t('status.keep.copyConfirmation')}
          </button>
        )}
        <button type="button" class="button" onClick={() => void (canShare ? share() : copy('link', url))}>
          {t(canShare ? 'status.keep.share' : 'status.keep.copyLink')}
        </button>
      </div>
      <p role="status" class={`status-keep__said${said.what === 'failed' ? ' note note--error' : ''}`}>
        {said.what === 'copied' && t('status.copied')}
        {said.what === 'failed' && t('status.keep.copyFailed')}
      </p>
      {said.what === 'failed' && (
        <label class="status-keep__manual">
          {t('status.keep.manual')}
          <input type="text" readOnly value={said.which === 'link' ? url : props.link.confirmation} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
      <p class="fineprint">{t('status.private')}</p>
    </section>
  );
}

export function TakeAway(props: { item: Followed }) {
  const link = linkOf(props.item);
  return isEventMode() ? <StatusQr url={statusLink(link)} /> : <CopyShare link={link} />;
}
