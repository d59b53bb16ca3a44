import { useRef } from 'preact/hooks';
import { useI18n } from '../../i18n/context';
import { ATTACHMENT_LIMITS, totalBytes } from '../../storage/attachments';
import { ErrorText } from '../controls';
import { formatBytes } from '../display';
import { useForm } from '../form-context';
import { domIdFor } from '../form-model';
import { ACCEPT } from '../images';
import { fieldHintId, fieldLabelId } from '../labels';
import { Thumbnail } from '../Thumbnail';
import type { AttachmentNotice, AttachmentsState } from '../use-attachments';

/** Copies of papers: a photo taken now, or files picked; never originals. */
export function DocumentsStep(props: { attachments: AttachmentsState }) {
  const { t, intl } = useI18n();
  const { errors } = useForm();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const { files, busy, notices, add, remove } = props.attachments;
  const used = totalBytes(files);
  const id = domIdFor('attachments');
  const codes = errors('attachments');
  const pick = (input: HTMLInputElement) => {
    const chosen = input.files ? [...input.files] : [];
    // Let the same file be picked again after a problem.
    input.value = '';
    void add(chosen);
  };
  const describe = (n: AttachmentNotice): string => {
    switch (n.kind) {
      case 'adding':
        return t('request.docs.adding', { name: n.name });
      case 'added':
        return t('request.docs.added', { name: n.name });
      case 'removed':
        return t('request.docs.removed', { name: n.name });
      default:
        return t(`request.docs.error.${n.code}`, {
          name: n.name,
          limit: formatBytes(intl, n.code === 'request_too_large' ? ATTACHMENT_LIMITS.requestBytes : ATTACHMENT_LIMITS.fileBytes),
          count: ATTACHMENT_LIMITS.count,
        });
    }
  };
  const problems = notices.filter((n) => n.kind === 'problem');
  const news = notices.filter((n) => n.kind !== 'problem');
  return (
    <>
      <div class="note note--warn" role="note">
        <p>{t(fieldHintId('attachments'))}</p>
      </div>
      <p class="fineprint">
        {t('request.docs.limits', {
          perFile: formatBytes(intl, ATTACHMENT_LIMITS.fileBytes),
          perRequest: formatBytes(intl, ATTACHMENT_LIMITS.requestBytes),
        })}
      </p>
      <ErrorText id={id} codes={codes} />
      <div class="button-row docs-pick" id={id} tabIndex={-1}>
        <button type="button" class="button button--primary" disabled={busy} onClick={() => camera.current?.click()}>
          {t('request.docs.camera')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => picker.current?.click()}>
          {t('request.docs.pick')}
        </button>
        <input
          ref={camera}
          type="file"
          accept="image/*,application/pdf"
          capture="environment"
          class="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="docs-camera"
          onChange={(e) => pick(e.currentTarget)}
        />
        <input
          ref={picker}
          type="file"
          accept={ACCEPT}
          multiple
          class="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="docs-picker"
          onChange={(e) => pick(e.currentTarget)}
        />
      </div>
      <div role="status" aria-live="polite" class="docs-status">
        {news.map((n, i) => (
          <p key={i}>{describe(n)}</p>
        ))}
      </div>
      {problems.length > 0 && (
        <div role="alert" class="note note--error">
          {problems.map((n, i) => (
            <p key={i}>{describe(n)}</p>
          ))}
        </div>
      )}
      <h2 class="docs-heading">{t(fieldLabelId('attachments'))}</h2>
      <p class="fineprint">
        {t('request.docs.used', { used: formatBytes(intl, used), limit: formatBytes(intl, ATTACHMENT_LIMITS.requestBytes), count: files.length })}
      </p>
      {files.length === 0 ? (
        <p>{t('request.docs.none')}</p>
      ) : (
        <ul class="docs-list">
          {files.map((file) => (
            <li key={file.id} class="docs-item">
              {file.thumb ? (
                <Thumbnail blob={file.thumb} alt="" class="docs-item__thumb" />
              ) : (
                <span class="docs-item__thumb docs-item__thumb--pdf" aria-hidden="true">
                  {t('request.docs.pdf')}
                </span>
              )}
              <span class="docs-item__text">
                <span class="docs-item__name" dir="auto">
                  {file.name}
                </span>
                <span class="fineprint">{formatBytes(intl, file.size)}</span>
              </span>
              <button type="button" class="button button--danger" disabled={busy} onClick={() => void remove(file.id)}>
                {t('request.docs.remove')}
                <span class="visually-hidden"> {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
