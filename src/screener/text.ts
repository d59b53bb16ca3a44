import { useCallback } from 'preact/hooks';
import { useI18n, type MessageValues } from '../i18n/context';
import { SCREENER_MESSAGE_VALUES } from './rules';

/**
 * `t` for screener texts: every message gets the policy numbers it may
 * mention ({waitDays}...), plus any values of its own ({date}, {form}).
 */
export function useScreenerText(): (id: string, values?: MessageValues) => string {
  const { t } = useI18n();
  return useCallback((id: string, values?: MessageValues) => t(id, { ...SCREENER_MESSAGE_VALUES, ...values }), [t]);
}
