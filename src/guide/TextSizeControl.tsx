import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { TEXT_SCALES, readTextScale, saveTextScale, stepTextScale } from '../app/text-scale';

/** A−/A+ for the whole app's text size; remembered on this device and applied on <html>. */
export function TextSizeControl() {
  const { t, intl } = useI18n();
  const [scale, setScale] = useState(readTextScale);
  const change = (direction: 1 | -1) => setScale(saveTextScale(stepTextScale(scale, direction)));
  return (
    <div class="text-size" role="group" aria-labelledby="text-size-label">
      <span id="text-size-label" class="text-size__label">
        {t('guide.textSize.label')}
      </span>
      <button
        type="button"
        class="button"
        onClick={() => change(-1)}
        disabled={scale <= TEXT_SCALES[0]!}
        aria-label={t('guide.textSize.smaller')}
        title={t('guide.textSize.smaller')}
      >
        <span aria-hidden="true">A−</span>
      </button>
      <output class="text-size__value" aria-live="polite">
        {intl.formatNumber(scale, { style: 'percent' })}
      </output>
      <button
        type="button"
        class="button"
        onClick={() => change(1)}
        disabled={scale >= TEXT_SCALES[TEXT_SCALES.length - 1]!}
        aria-label={t('guide.textSize.larger')}
        title={t('guide.textSize.larger')}
      >
        <span aria-hidden="true">A+</span>
      </button>
    </div>
  );
}
