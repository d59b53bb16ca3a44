import { useI18n } from '../i18n/context';
import { LanguageSelect } from '../ui/LanguagePicker';

/** The app's language, each named in itself (the same choice as the header's picker, with a visible label). */
export function LanguageSetting() {
  const { t } = useI18n();
  return (
    <section class="settings-section" aria-labelledby="settings-language-title">
      <h2 id="settings-language-title">{t('settings.language.title')}</h2>
      <div class="field">
        <label for="settings-language">{t('settings.language.label')}</label>
        <LanguageSelect id="settings-language" />
      </div>
    </section>
  );
}
