import { useI18n } from '../i18n/context';
import { FACTS_EDITION } from '../facts/contacts';
import { version } from '../../package.json';

/** Version, when the contact facts were checked, and what the app does with a person's data. */
export function About() {
  const { t, intl } = useI18n();
  const checked = intl.formatDate(new Date(`${FACTS_EDITION.checked}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <section class="settings-section" aria-labelledby="settings-about">
      <h2 id="settings-about">{t('settings.about.title')}</h2>
      <dl class="settings-facts">
        <dt>{t('settings.about.version')}</dt>
        <dd>{version}</dd>
        <dt>{t('settings.about.factsChecked')}</dt>
        <dd>{checked}</dd>
      </dl>
      <h3>{t('settings.privacy.title')}</h3>
      <p>{t('settings.privacy.device')}</p>
      <p>{t('settings.privacy.sending')}</p>
      <p>{t('settings.privacy.never')}</p>
      <p>{t('settings.privacy.event')}</p>
    </section>
  );
}
