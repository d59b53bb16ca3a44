import { useI18n } from '../i18n/context';
import { FACTS_EDITION } from '../facts/contacts';
import { FactOverrides } from '../guide/FactOverrides';
import { version } from '../../package.json';

/** Version, how the contact facts were checked (and which brochure edition wins), and what the app does with a person's data. */
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
        <dd>
          {t('guide.factsChecked', { date: checked, from: FACTS_EDITION.sourcesFrom, to: FACTS_EDITION.sourcesTo })}
          <br />
          {t(FACTS_EDITION.editionMessage)}
          <FactOverrides />
        </dd>
      </dl>
      <h3>{t('settings.privacy.title')}</h3>
      <p>{t('settings.privacy.device')}</p>
      <p>{t('settings.privacy.sending')}</p>
      <p>{t('settings.privacy.never')}</p>
      <p>{t('settings.privacy.event')}</p>
    </section>
  );
}
