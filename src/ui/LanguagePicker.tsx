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

/**
 * The header's picker: an icon for a label (a globe, drawn here: a "文A"
 * glyph made every first layout load a Chinese font), with the word for
 * screen readers.
 */
export function LanguagePicker() {
  const { t } = useI18n();
  return (
    <div class="lang-picker">
      <label for="lang-select">
        <svg class="lang-picker__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9.5" />
          <ellipse cx="12" cy="12" rx="4" ry="9.5" />
          <path d="M2.5 12h19M4 7h16M4 17h16" />
        </svg>
        <span class="visually-hidden">{t('shell.language')}</span>
      </label>
      <LanguageSelect id="lang-select" />
    </div>
  );
}
