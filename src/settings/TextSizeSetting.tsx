import { useI18n } from '../i18n/context';
import { TextScaleStepper } from '../ui/TextScaleStepper';

/** The whole app's text size; remembered on this device (src/ui/text-scale.ts). */
export function TextSizeSetting() {
  const { t } = useI18n();
  return (
    <section class="settings-section" aria-labelledby="settings-text-size">
      <h2 id="settings-text-size">{t('settings.textSize.title')}</h2>
      <div class="text-size-setting" role="group" aria-labelledby="settings-text-size">
        <TextScaleStepper
          smaller={t('settings.textSize.smaller')}
          larger={t('settings.textSize.larger')}
          valueClass="text-size-setting__value"
        />
      </div>
    </section>
  );
}
