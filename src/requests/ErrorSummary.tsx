import { forwardRef } from 'preact/compat';
import { useI18n } from '../i18n/context';
import { errorMessageId } from '../shared/fields';
import { domIdFor } from './form-model';
import { wirePathOf } from './form-wire';
import { fieldIdOf, fieldLabelId } from './labels';
import type { RequestIssue } from '../shared/request-schema';

/** "Receipt numbers 2", "Contact 1: Date": which field a problem is in, in words. */
export function useIssueLabel() {
  const { t } = useI18n();
  return (path: string): string => {
    if (path === 'filler') return t('request.filler.legend');
    const id = fieldIdOf(wirePathOf(path));
    const base = id ? t(fieldLabelId(id)) : t('request.errors.general');
    const attempt = /^case\.priorAttempts\.(\d+)\./.exec(path);
    if (attempt) return `${t('request.contacts.item', { n: Number(attempt[1]) + 1 })}: ${base}`;
    const row = /\.(\d+)$/.exec(path);
    if (row && id && ['person.otherNames', 'case.formTypes', 'case.receiptNumbers'].includes(id)) {
      return t('request.list.item', { label: base, n: Number(row[1]) + 1 });
    }
    return base;
  };
}

/** Moves focus to the field of a path: the input, or a group's first choice. */
export function focusField(path: string): void {
  const id = domIdFor(path);
  const el = document.getElementById(id);
  const target = el?.tagName === 'FIELDSET' || el?.tagName === 'DIV' ? (document.getElementById(`${id}-0`) ?? el) : el;
  if (!target) return;
  target.scrollIntoView?.({ block: 'center' });
  target.focus();
}

/**
 * The problems of a step at the top, each a link to its field. Takes the
 * focus when shown, so a screen reader reads it and a keyboard starts there.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { issues: readonly RequestIssue[] }>(function ErrorSummary(props, ref) {
  const { t } = useI18n();
  const labelOf = useIssueLabel();
  return (
    <div class="error-summary" tabIndex={-1} ref={ref} aria-labelledby="rq-error-summary-title">
      <h2 id="rq-error-summary-title">{t('request.errors.title', { count: props.issues.length })}</h2>
      <ul>
        {props.issues.map((issue) => (
          <li key={`${issue.path} ${issue.code}`}>
            <a
              href={`#${domIdFor(issue.path)}`}
              onClick={(e) => {
                e.preventDefault();
                focusField(issue.path);
              }}
            >
              {labelOf(issue.path)}: {t(errorMessageId(issue.code))}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
