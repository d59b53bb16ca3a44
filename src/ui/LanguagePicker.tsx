import { useI18n } from '../i18n/context';
import { LOCALES } from '../i18n/locales';

/** The app's languages, each named in itself so a person finds their own without reading English; the caller labels it. */
export function LanguageSelect(props: { id: string }) {
  const { locale, setLocale } = useI18n();
  return (
    <select id={props.id} value={locale} onChange={(e) => setLocale(e.currentTarget.value)}>
      {LOCALES.map((l) => (
        <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
          {l.name}
        </option>
      ))}
    </select>
  );
}

/** The header's picker: an icon for a label, with the word for screen readers. */
export function LanguagePicker() {
  const { t } = useI18n();
  return (
    <div class="lang-picker">
      <label for="lang-select">
        <span aria-hidden="true" class="lang-picker__icon">
          文A
        </span>
        <span class="visually-hidden">{t('shell.language')}</span>
      </label>
      <LanguageSelect id="lang-select" />
    </div>
  );
}
