import { useRef } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import type { GuideSection } from './load';
import { speechBlocks } from './speech';
import type { Speech } from './useSpeech';

export interface LangAttrs {
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/**
 * One part of the guide, reachable as /guide#<id>. `html` is the section's
 * build-time HTML with facts and actions already substituted. A `later`
 * section (one the first render did not write) is laid out only when it
 * nears the view: see guide.css.
 */
export function GuideSectionView(props: {
  section: GuideSection;
  html: string;
  later?: boolean;
  speech: Speech;
  contentLang: LangAttrs;
  uiLang: LangAttrs;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  const { section, speech } = props;
  const headingId = `${section.id}-title`;
  const reading = speech.reading === section.id;
  return (
    <section
      id={section.id}
      class={props.later ? 'guide-section guide-section--later' : 'guide-section'}
      aria-labelledby={headingId}
      tabIndex={-1}
      ref={ref}
      {...props.contentLang}
    >
      <div class="guide-section__head">
        <h2 id={headingId}>{section.title}</h2>
        {speech.available && (
          <button
            type="button"
            class="button button--small no-print"
            data-no-speech
            {...props.uiLang}
            aria-label={reading ? undefined : t('guide.readAloud.section', { section: section.title })}
            onClick={() => (reading ? speech.stop() : ref.current && speech.speak(section.id, speechBlocks(ref.current)))}
          >
            {t(reading ? 'guide.readAloud.stop' : 'guide.readAloud')}
          </button>
        )}
      </div>
      <div class="guide-section__body" dangerouslySetInnerHTML={{ __html: props.html }} />
      <p class="guide-section__top no-print" data-no-speech {...props.uiLang}>
        <a href="#guide-toc">{t('guide.backToContents')}</a>
      </p>
    </section>
  );
}
