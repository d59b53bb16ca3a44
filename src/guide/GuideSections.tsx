import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import type { GuideSection } from './load';
import { GuideSectionView, type LangAttrs } from './GuideSectionView';
import { useRevealedCount, type RevealState } from './useSectionReveal';
import type { Speech } from './useSpeech';

/**
 * The guide's sections in the page: the top at first, then one more a
 * frame (see useSectionReveal). A component of its own so that each step
 * renders this list, not the whole guide view.
 */
export function GuideSections(props: {
  reveal: RevealState;
  sections: readonly GuideSection[];
  /** A section's page HTML (facts and actions written in). */
  html: (section: GuideSection) => string;
  speech: Speech;
  contentLang: LangAttrs;
  uiLang: LangAttrs;
}) {
  const shown = useRevealedCount(props.reveal);
  const { html, speech, contentLang, uiLang } = props;
  const first = props.reveal.first;
  // The sections already in are the same elements as last time, which
  // Preact leaves alone: a step renders the one section it adds.
  const views = useMemo(() => new Map<string, VNode>(), [html, speech, contentLang, uiLang, first]);
  return (
    <>
      {props.sections.slice(0, shown).map((section, i) => {
        let view = views.get(section.id);
        if (!view) {
          view = (
            <GuideSectionView
              key={section.id}
              section={section}
              html={html(section)}
              later={i >= first}
              speech={speech}
              contentLang={contentLang}
              uiLang={uiLang}
            />
          );
          views.set(section.id, view);
        }
        return view;
      })}
    </>
  );
}
