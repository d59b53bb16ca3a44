import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { TEXT_SCALES, readTextScale, saveTextScale, stepTextScale } from './text-scale';

interface Props {
  /** Already translated button names; each place that offers the control words them its own way. */
  smaller: string;
  larger: string;
  /** Class of the <output> showing the current size, styled by the place that shows it. */
  valueClass: string;
  /** Also show the names as tooltips (for the guide, where the buttons sit without a heading). */
  titled?: boolean;
}

/** A−, the current size and A+ for the whole app's text size; the caller supplies the labelled group around them. */
export function TextScaleStepper({ smaller, larger, valueClass, titled = false }: Props) {
  const { intl } = useI18n();
  const [scale, setScale] = useState(readTextScale);
  const change = (direction: 1 | -1) => setScale(saveTextScale(stepTextScale(scale, direction)));
  return (
    <>
      <button
        type="button"
        class="button"
        onClick={() => change(-1)}
        disabled={scale <= TEXT_SCALES[0]!}
        aria-label={smaller}
        title={titled ? smaller : undefined}
      >
        <span aria-hidden="true">A−</span>
      </button>
      <output class={valueClass} aria-live="polite">
        {intl.formatNumber(scale, { style: 'percent' })}
      </output>
      <button
        type="button"
        class="button"
        onClick={() => change(1)}
        disabled={scale >= TEXT_SCALES[TEXT_SCALES.length - 1]!}
        aria-label={larger}
        title={titled ? larger : undefined}
      >
        <span aria-hidden="true">A+</span>
      </button>
    </>
  );
}
