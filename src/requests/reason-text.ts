import type { I18n } from '../i18n/context';
import type { Reason } from '../shared/protocol';
import { ERROR_CODES, errorMessageId } from '../shared/fields';
import { fieldIdOf, fieldLabelId } from './labels';

const FORM_CODES = new Set<string>(ERROR_CODES);

/** A refusal reason in words: the field's label when there is one, then what is wrong. */
export function reasonText({ t, intl }: Pick<I18n, 't' | 'intl'>, reason: Reason): string {
  const own = `outbox.reason.${reason.code}`;
  const message = FORM_CODES.has(reason.code)
    ? t(errorMessageId(reason.code as (typeof ERROR_CODES)[number]))
    : own in intl.messages
      ? t(own)
      : t('outbox.reason.other');
  const field = reason.path ? fieldIdOf(reason.path) : undefined;
  return field ? t('outbox.reason.field', { field: t(fieldLabelId(field)), message }) : message;
}
