import { useI18n } from '../i18n/context';
import { DEFAULT_LOCALE, localeInfo } from '../i18n/locales';
import { useConfig } from '../config/config';
import type { ServiceNotice as Notice } from '../shared/public-config';

/** Today on the device's own calendar, as the office wrote `until`. */
function today(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The office's words in the app's language, else its English ones (then marked as English for screen readers). */
function noticeText(notice: Notice, locale: string): { text: string; lang: string } {
  const own = notice.text[locale];
  return own ? { text: own, lang: locale } : { text: notice.text[DEFAULT_LOCALE]!, lang: DEFAULT_LOCALE };
}

/**
 * The office's notice from /config.json (for example that it is not taking
 * mail for a while), above every screen. A labelled region rather than an
 * alert: it is standing news, not something that just happened, so it
 * should be found by heading or landmark, not read out over every screen.
 */
export function ServiceNotice(props: { now?: Date }) {
  const { t, locale } = useI18n();
  const { serviceNotice } = useConfig();
  if (!serviceNotice) return null;
  if (serviceNotice.until && serviceNotice.until < today(props.now ?? new Date())) return null;
  const { text, lang } = noticeText(serviceNotice, locale);
  const info = localeInfo(lang);
  return (
    <section class="banner banner--notice service-notice" aria-labelledby="service-notice-title">
      <h2 id="service-notice-title" class="service-notice__title">
        {t('shell.serviceNotice')}
      </h2>
      <p lang={info.code} dir={info.dir}>
        {text}
      </p>
    </section>
  );
}
