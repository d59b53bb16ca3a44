import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { handOffUrl, qrPath } from './qr';
import './event.css';

/**
 * "Continue on your own phone": a QR code of the app's address, drawn on
 * the device. The person scans it, opens the app on their phone, adds it to
 * the home screen and starts again there; nothing of this device goes along.
 */
export function HandOff(props: { focus?: boolean }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Shown on request: focus follows, so the person hears what appeared.
    if (props.focus) heading.current?.focus();
  }, [props.focus]);
  const url = handOffUrl();
  const { size, d } = useMemo(() => qrPath(url), [url]);
  return (
    <section class="handoff" aria-labelledby="handoff-title">
      <h2 id="handoff-title" ref={heading} tabIndex={-1}>{t('settings.handoff.title')}</h2>
      <p>{t('settings.handoff.body')}</p>
      <svg
        class="handoff__qr"
        viewBox={`0 0 ${size} ${size}`}
        width="200"
        height="200"
        role="img"
        aria-label={t('settings.handoff.qrLabel', { address: url })}
        shape-rendering="crispEdges"
      >
        <rect width={size} height={size} fill="#fff" />
        <path d={d} fill="#000" />
      </svg>
      <p class="handoff__url">{url}</p>
      <p class="fineprint">{t('settings.handoff.privacy')}</p>
    </section>
  );
}
