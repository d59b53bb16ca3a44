import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';
import { OutboxStatus } from './OutboxStatus';

/** /requests/status: every submitted request and where it stands (the outbox's own view). */
export function StatusPage() {
  const { t } = useI18n();
  useTitle(t('outbox.title'));
  return (
    <section class="page">
      <OutboxStatus headingLevel={1} />
      <p>
        <a href="/requests">{t('drafts.backToList')}</a>
      </p>
    </section>
  );
}
