import { useI18n } from '../i18n/context';
import { FactLink } from './FactLink';

export type NoticeKind = 'community' | 'english-by-choice' | 'fallback';

/**
 * What the reader should know about the edition in front of them. The
 * button keeps its place whichever edition is shown, so keyboard focus
 * stays on it after a switch.
 */
export function GuideNotice(props: { kind: NoticeKind; languageName: string; onShowEnglish: () => void; onShowTranslation: () => void }) {
  const { t } = useI18n();
  const text =
    props.kind === 'community'
      ? t('guide.communityTranslation')
      : props.kind === 'english-by-choice'
        ? t('guide.englishEdition')
        : t('guide.fallback');
  return (
    <div class={`guide-notice guide-notice--${props.kind}`}>
      <p>{text}</p>
      <div class="guide-notice__actions">
        {props.kind !== 'fallback' && (
          // One button whose job flips, not two: the element stays, and so does focus.
          <button
            type="button"
            class="button no-print"
            onClick={props.kind === 'community' ? props.onShowEnglish : props.onShowTranslation}
          >
            {props.kind === 'community' ? t('guide.showEnglish') : t('guide.showTranslation', { language: props.languageName })}
          </button>
        )}
        <FactLink id="ombudsmanWebsite" label={t('guide.officialWebsite')} />
      </div>
    </div>
  );
}
