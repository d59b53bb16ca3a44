import { useI18n } from '../i18n/context';
import { useUnsentCount } from './outbox-hooks';

/**
 * The shell's count of requests not yet delivered, for the nav link to the
 * requests. Nothing shows when everything is sent. Small on purpose: it
 * loads with the shell.
 */
export function UnsentBadge() {
  const { t } = useI18n();
  const count = useUnsentCount();
  if (count === 0) return null;
  return (
    <span class="badge">
      <span aria-hidden="true">{count}</span>
      <span class="visually-hidden">{t('outbox.badge', { count })}</span>
    </span>
  );
}

export { useUnsentCount } from './outbox-hooks';
