import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';
import { createDraft } from '../storage/drafts';
import { currentSessionId } from '../event-mode/session';
import { formFromPrefill, takeScreenerPrefill } from './prefill';

/**
 * /requests/new: makes a draft (with the screener's answers, if the
 * screener sent the person here) and replaces this address with the
 * draft's, so Back does not make another one.
 */
export function NewDraft() {
  const { t, locale } = useI18n();
  const { route } = useLocation();
  useTitle(t('request.title'));
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const form = formFromPrefill(takeScreenerPrefill(), locale);
    // On a shared tablet the draft belongs to this person's session, so "Next person" wipes it.
    const sessionId = currentSessionId();
    createDraft({ data: form, ...(sessionId ? { sessionId } : {}) })
      .then((draft) => route(`/requests/${draft.id}`, true))
      .catch(() => setFailed(true));
  }, [route, locale]);
  return (
    <section class="page">
      <h1>{t('request.title')}</h1>
      {failed ? (
        <>
          <p role="alert">{t('drafts.startError')}</p>
          <a class="button" href="/requests">
            {t('drafts.backToList')}
          </a>
        </>
      ) : (
        <p role="status">{t('drafts.starting')}</p>
      )}
    </section>
  );
}
