import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';
import { onDraftChange } from '../storage/draft-channel';
import { coalesce } from '../ui/coalesce';
import { deleteDraft, duplicateDraft, getDrafts, listDrafts, recoverRescuedDrafts } from '../storage/drafts';
import { ownsDraft } from '../event-mode/session';
import { probeStorage } from '../storage/db';
import { ConfirmDialog } from './ConfirmDialog';
import { mergeDraftItems, toDraftItem, type DraftItem } from './draft-items';
import { OutboxStatus } from './OutboxStatus';
import { useOutboxRecords } from './outbox-hooks';
import { OUTBOX_LABEL } from './outbox-labels';
import { StorageNotice } from './StorageNotice';

/** /requests: the drafts on this device, to resume, copy or delete, and "Start a new request". */
export function DraftList() {
  const { t, intl, locale } = useI18n();
  const { route } = useLocation();
  useTitle(t('drafts.title'));
  const [items, setItems] = useState<DraftItem[] | null>(null);
  // What the list shows, readable at once by the change handler below.
  const shown = useRef<DraftItem[] | null>(null);
  const show = useCallback((next: DraftItem[]) => {
    shown.current = next;
    setItems(next);
  }, []);
  // 'unavailable': the browser keeps nothing (private mode); the shell's banner already says so.
  const [failed, setFailed] = useState<false | 'error' | 'unavailable'>(false);
  const [confirming, setConfirming] = useState<DraftItem | null>(null);
  const [notice, setNotice] = useState('');
  // A finished draft says where it stands in the outbox, never just "handed over".
  const outbox = useOutboxRecords();
  const sent = useMemo(() => new Map((outbox ?? []).map((r) => [r.id, r.state])), [outbox]);

  const refresh = useCallback(async () => {
    try {
      await recoverRescuedDrafts().catch(() => []);
      // On a shared tablet, never the last person's drafts.
      show((await listDrafts()).filter(ownsDraft).map((record) => toDraftItem(record, locale)));
      setFailed(false);
    } catch {
      setFailed((await probeStorage()) ? 'error' : 'unavailable');
      show([]);
    }
  }, [locale, show]);

  useEffect(() => {
    void refresh();
    // Another tab saved, deleted or submitted: show the list as it is now.
    // A flush deletes a draft per delivered request, so a burst of notices
    // shares one read of only the drafts they name (a day's outbox going
    // out must not re-read every draft again and again).
    const named = new Set<string>();
    const later = coalesce(async () => {
      const ids = [...named];
      named.clear();
      const current = shown.current;
      const found = current ? await getDrafts(ids).catch(() => undefined) : undefined;
      if (!current || !found) return refresh();
      // A full read landed meanwhile: it may predate these changes, so read again.
      if (shown.current !== current) return refresh();
      show(mergeDraftItems(current, ids, found, (record) => toDraftItem(record, locale), ownsDraft));
    }, 250);
    const stop = onDraftChange((change) => {
      named.add(change.id);
      later();
    });
    return () => {
      stop();
      later.cancel();
    };
  }, [refresh, locale, show]);

  return (
    <section class="page drafts">
      <h1>{t('drafts.title')}</h1>
      <p>{t('drafts.intro')}</p>
      <p>
        <a class="button button--primary button--big" href="/requests/new">
          {t('drafts.start')}
        </a>
      </p>
      <StorageNotice />
      <div role="status" class="drafts__notice">
        {notice}
      </div>
      {failed === 'error' && (
        <p class="note note--error" role="alert">
          {t('drafts.loadError')}
        </p>
      )}
      {items === null ? (
        <p>{t('drafts.loading')}</p>
      ) : items.length === 0 ? (
        !failed && <p>{t('drafts.empty')}</p>
      ) : (
        <ul class="drafts__list">
          {items.map((item) => {
            const { record } = item;
            const editing = record.status === 'editing';
            return (
              <li key={record.id} class="drafts__item">
                <h2 class="drafts__name" dir="auto">
                  {item.name || t('drafts.untitled')}
                </h2>
                <p class="drafts__meta">
                  <span class={`tag tag--${record.status}`}>
                    {t(editing || !sent.has(record.id) ? `drafts.status.${record.status}` : OUTBOX_LABEL[sent.get(record.id)!])}
                  </span>{' '}
                  {item.forms && <span dir="auto">{t('drafts.forms', { forms: item.forms })} · </span>}
                  <span>
                    {t('drafts.savedOn', { date: intl.formatDate(new Date(record.updatedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}
                  </span>
                </p>
                <div class="button-row drafts__actions">
                  <a class="button button--primary" href={`/requests/${record.id}`}>
                    {t(editing ? 'drafts.continue' : 'drafts.view')}
                    <span class="visually-hidden"> {item.name || t('drafts.untitled')}</span>
                  </a>
                  <button
                    type="button"
                    class="button"
                    onClick={async () => {
                      try {
                        const copy = await duplicateDraft(record.id);
                        route(`/requests/${copy.id}`);
                      } catch {
                        setNotice(t('drafts.duplicateError'));
                      }
                    }}
                  >
                    {t('drafts.duplicate')}
                  </button>
                  <button type="button" class="button button--danger" onClick={() => setConfirming(item)}>
                    {t('drafts.delete')}
                    <span class="visually-hidden"> {item.name || t('drafts.untitled')}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <OutboxStatus />
      {confirming && (
        <ConfirmDialog
          title={t('drafts.deleteConfirm.title')}
          confirmLabel={t('drafts.deleteConfirm.yes')}
          cancelLabel={t('drafts.deleteConfirm.no')}
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={async () => {
            const target = confirming;
            setConfirming(null);
            try {
              await deleteDraft(target.record.id);
              setNotice(t('drafts.deleted'));
            } catch {
              setNotice(t('drafts.deleteError'));
            }
            await refresh();
            // The deleted row is gone: start again at the page heading.
            document.querySelector<HTMLElement>('main h1')?.focus();
          }}
        >
          <p dir="auto">
            <strong>{confirming.name || t('drafts.untitled')}</strong>
          </p>
          <p>{t('drafts.deleteConfirm.body')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
