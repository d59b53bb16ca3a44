import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';

export function NotFound() {
  const { t } = useI18n();
  useTitle(t('notFound.title'));
  return (
    <section class="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <a class="button button--primary" href="/">
          {t('notFound.home')}
        </a>
      </p>
    </section>
  );
}
