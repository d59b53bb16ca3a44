import { useI18n } from '../i18n/context';
import { LOCALES } from '../i18n/locales';

/** Each language is named in itself, so a person finds their own without reading English. */
export function LanguagePicker() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div class="lang-picker">
      <label for="lang-select">
        <span aria-hidden="true" class="lang-picker__icon">
          文A
        </span>
        <span class="visually-hidden">{t('shell.language')}</span>
      </label>
      <select id="lang-select" value={locale} onChange={(e) => setLocale((e.target as HTMLSelectElement).value)}>
        {LOCALES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
