import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/context';
import { TEXT_SCALES, readTextScale, saveTextScale, stepTextScale } from '../text-scale';

/** The whole app's text size; remembered on this device (src/app/text-scale.ts). */
export function TextSizeSetting() {
  const { t, intl } = useI18n();
  const [scale, setScale] = useState(readTextScale);
  const change = (direction: 1 | -1) => setScale(saveTextScale(stepTextScale(scale, direction)));
  return (
    <section class="settings-section" aria-labelledby="settings-text-size">
      <h2 id="settings-text-size">{t('settings.textSize.title')}</h2>
      <div class="text-size-setting" role="group" aria-labelledby="settings-text-size">
        <button type="button" class="button" onClick={() => change(-1)} disabled={scale <= TEXT_SCALES[0]!} aria-label={t('settings.textSize.smaller')}>
          <span aria-hidden="true">A−</span>
        </button>
        <output class="text-size-setting__value" aria-live="polite">
          {intl.formatNumber(scale, { style: 'percent' })}
        </output>
        <button
          type="button"
          class="button"
          onClick={() => change(1)}
          disabled={scale >= TEXT_SCALES[TEXT_SCALES.length - 1]!}
          aria-label={t('settings.textSize.larger')}
        >
          <span aria-hidden="true">A+</span>
        </button>
      </div>
    </section>
  );
}
