import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n/context';

/** The screen-only row above a printable request: print, a way back, and what the printout is for. */
export function PrintToolbar(props: { back: ComponentChildren; help?: string }) {
  const { t } = useI18n();
  return (
    <div class="print-toolbar no-print">
      <button type="button" class="button button--primary" onClick={() => window.print()}>
        {t('request.print.button')}
      </button>
      {props.back}
      {props.help && <p class="fineprint">{props.help}</p>}
    </div>
  );
}
