import { useI18n } from '../i18n/context';
import { TextScaleStepper } from '../ui/TextScaleStepper';

/** A−/A+ for the whole app's text size; remembered on this device and applied on <html>. */
export function TextSizeControl() {
  const { t } = useI18n();
  return (
    <div class="text-size" role="group" aria-labelledby="text-size-label">
      <span id="text-size-label" class="text-size__label">
        {t('guide.textSize.label')}
      </span>
      <TextScaleStepper
        smaller={t('guide.textSize.smaller')}
        larger={t('guide.textSize.larger')}
        valueClass="text-size__value"
        titled
      />
    </div>
  );
}
