import { useI18n } from '../../i18n/context';
import { LOCALES } from '../../i18n/locales';

/** The app's language, each named in itself (the same choice as the header's picker, with a visible label). */
export function LanguageSetting() {
  const { t, locale, setLocale } = useI18n();
  return (
    <section class="settings-section" aria-labelledby="settings-language-title">
      <h2 id="settings-language-title">{t('settings.language.title')}</h2>
      <div class="field">
        <label for="settings-language">{t('settings.language.label')}</label>
        <select id="settings-language" value={locale} onChange={(e) => setLocale((e.currentTarget as HTMLSelectElement).value)}>
          {LOCALES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
