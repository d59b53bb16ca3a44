/** A draft that is not on this device (or belongs to another person on a shared tablet). */
import { useI18n } from '../i18n/context';

export function MissingDraft() {
  const { t } = useI18n();
  return (
    <section class="page">
      <h1>{t('drafts.notFound.title')}</h1>
      <p>{t('drafts.notFound.body')}</p>
      <p>
        <a class="button" href="/requests">
          {t('drafts.backToList')}
        </a>
      </p>
    </section>
  );
}
