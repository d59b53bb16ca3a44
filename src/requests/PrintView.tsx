/**
 * /requests/<id>/print: the request as a filled Form DHS-7001 (the
 * person's copy, then an English copy for the office), so a person can
 * print it (or save it as PDF) and mail, fax or e-mail it instead of
 * sending it from the app. Where to send it comes from src/facts.
 */
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';
import { useFacts } from '../facts/use-facts';
import { listAttachments } from '../storage/attachments';
import { getDraft, recoverRescuedDrafts } from '../storage/drafts';
import type { AttachmentRecord, DraftRecord } from '../storage/types';
import { normalizeForm, type RequestForm } from './form-model';
import { MissingDraft } from './MissingDraft';
import { editorClosed } from './use-draft-session';
import { ownsDraft } from '../event-mode/session';
import { PrintCopies } from './print/PrintCopies';
import { PrintToolbar } from './print/PrintToolbar';

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; record: DraftRecord; form: RequestForm; files: AttachmentRecord[] };

export function PrintView(props: { id: string }) {
  const { t } = useI18n();
  const facts = useFacts();
  useTitle(t('request.print.title', { form: facts.text('formDhs7001') }));
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    // Read after the editor's last write, and after a copy kept as the page was left, or the printout misses the latest words.
    void (async () => {
      try {
        await editorClosed(props.id);
        await recoverRescuedDrafts().catch(() => []);
        const [record, files] = await Promise.all([getDraft(props.id), listAttachments(props.id)]);
        if (!live) return;
        setLoaded(record && ownsDraft(record) ? { state: 'ready', record, form: normalizeForm(record.data), files } : { state: 'missing' });
      } catch {
        if (live) setLoaded({ state: 'missing' });
      }
    })();
    return () => {
      live = false;
    };
  }, [props.id]);
  if (loaded.state === 'loading') return <p class="page">{t('drafts.loading')}</p>;
  if (loaded.state === 'missing') return <MissingDraft />;
  return (
    <div class="print-form">
      <PrintToolbar back={<a class="button" href={`/requests/${props.id}`}>{t('request.print.back')}</a>} help={t('request.print.help')} />
      <PrintCopies form={loaded.form} files={loaded.files} updatedAt={loaded.record.updatedAt} />
    </div>
  );
}
