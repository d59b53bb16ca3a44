import { useI18n } from '../i18n/context';
import { useTitle } from '../app/useTitle';

export default function RequestsView() {
  const { t } = useI18n();
  useTitle(t('nav.requests'));
  return (
    <section class="page">
      <h1>{t('nav.requests')}</h1>
    </section>
  );
}
