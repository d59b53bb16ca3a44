import { useI18n } from '../i18n/context';
import { useTitle } from './useTitle';

export default function SettingsView() {
  const { t } = useI18n();
  useTitle(t('nav.settings'));
  return (
    <section class="page">
      <h1>{t('nav.settings')}</h1>
    </section>
  );
}
