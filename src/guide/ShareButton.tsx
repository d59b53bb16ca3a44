import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';

type Outcome = 'idle' | 'copied' | 'manual';

async function copy(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Shares the guide's address (never anything a person typed): the Web
 * Share API where there is one, else copy to the clipboard, else a
 * selected text field the person can copy from.
 */
export function ShareButton(props: { title: string; url: string }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>('idle');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Focused and selected: one "copy" gesture away, and announced by screen readers.
    if (outcome !== 'manual' || !field.current) return;
    field.current.focus();
    field.current.select();
  }, [outcome]);

  const share = async () => {
    setOutcome('idle');
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: props.title, url: props.url });
        return;
      } catch (err) {
        // The person closed the share sheet: nothing more to do.
        if (err instanceof DOMException && err.name === 'AbortError') return;
      }
    }
    setOutcome((await copy(props.url)) ? 'copied' : 'manual');
  };

  return (
    <div class="share">
      <button type="button" class="button" onClick={() => void share()}>
        {t('guide.share')}
      </button>
      <div role="status" class="share__status">
        {outcome === 'copied' && <p>{t('guide.share.copied')}</p>}
        {outcome === 'manual' && (
          <p>
            <label for="guide-share-url">{t('guide.share.manual')}</label>
            <input
              id="guide-share-url"
              ref={field}
              type="text"
              readOnly
              dir="ltr"
              value={props.url}
              onFocus={(e) => (e.target as HTMLInputElement).select()}
            />
          </p>
        )}
      </div>
    </div>
  );
}
