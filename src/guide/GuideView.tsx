import { useI18n } from '../i18n/context';
import { useTitle } from '../app/useTitle';

export default function GuideView() {
  const { t } = useI18n();
  useTitle(t('nav.guide'));
  return (
    <section class="page">
      <h1>{t('nav.guide')}</h1>
    </section>
  );
}
