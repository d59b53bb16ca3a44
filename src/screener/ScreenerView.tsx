import { useI18n } from '../i18n/context';
import { useTitle } from '../app/useTitle';

export default function ScreenerView() {
  const { t } = useI18n();
  useTitle(t('nav.screener'));
  return (
    <section class="page">
      <h1>{t('nav.screener')}</h1>
    </section>
  );
}
