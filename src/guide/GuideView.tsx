import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { DEFAULT_LOCALE, localeInfo } from '../i18n/locales';
import { useTitle } from '../ui/useTitle';
import { FACTS_EDITION } from '../facts/contacts';
import { useFacts } from '../facts/use-facts';
import { FactOverrides } from './FactOverrides';
import { loadGuide, loadedGuide, type GuideSection, type LoadedGuide } from './load';
import { renderGuideHtml, type GuideActionId } from './render';
import { GuideNotice, type NoticeKind } from './GuideNotice';
import type { LangAttrs } from './GuideSectionView';
import { GuideSections } from './GuideSections';
import { ShareButton } from './ShareButton';
import { TextSizeControl } from './TextSizeControl';
import { speechBlocks } from './speech';
import { useHashTarget } from './useHashTarget';
import { useSmoothScroll } from './useSmoothScroll';
import { useSectionReveal } from './useSectionReveal';
import { useSpeech } from './useSpeech';

type State = { status: 'loading' } | { status: 'ready'; loaded: LoadedGuide } | { status: 'error' };

const ACTION_LABELS: Record<GuideActionId, string> = {
  'start-request': 'guide.action.startRequest',
  'start-screener': 'guide.action.startScreener',
};

/**
 * `lang`/`dir` for a part written in `code`. Always set, even when equal to
 * the app's: Preact clears a dropped `lang` by writing `lang=""`, which
 * means "unknown language" to a screen reader.
 */
function langAttrs(code: string): Required<LangAttrs> {
  const info = localeInfo(code);
  return { lang: info.code, dir: info.dir };
}

function noticeKind(loaded: LoadedGuide, appLocale: string, wantEnglish: boolean): NoticeKind | null {
  if (appLocale === DEFAULT_LOCALE) return null;
  if (loaded.locale !== DEFAULT_LOCALE) return 'community';
  return wantEnglish && !loaded.fellBack ? 'english-by-choice' : 'fallback';
}

export default function GuideView(props: { load?: (code: string) => Promise<LoadedGuide> }) {
  const { t, intl, locale } = useI18n();
  const load = props.load ?? loadGuide;
  const [wantEnglish, setWantEnglish] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State>(() => {
    const ready = props.load ? undefined : loadedGuide(locale);
    return ready ? { status: 'ready', loaded: ready } : { status: 'loading' };
  });
  const facts = useFacts();
  const body = useRef<HTMLDivElement>(null);
  const want = wantEnglish ? DEFAULT_LOCALE : locale;

  // A new app language shows that language's guide again.
  useEffect(() => setWantEnglish(false), [locale]);

  useEffect(() => {
    let live = true;
    // The previous edition stays on screen until the next one is in: no blank flash.
    load(want).then(
      // The edition already on screen (opened with the page) renders nothing again.
      (loaded) => live && setState((prev) => (prev.status === 'ready' && prev.loaded === loaded ? prev : { status: 'ready', loaded })),
      () => live && setState({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [want, attempt, load]);

  const loaded = state.status === 'ready' ? state.loaded : null;
  const guideLocale = loaded?.locale ?? locale;
  const speech = useSpeech(localeInfo(guideLocale).speechLang ?? guideLocale);

  const rendered = useMemo(() => {
    if (!loaded) return null;
    const options = { actionLabel: (id: GuideActionId) => t(ACTION_LABELS[id]), facts };
    // A section's page HTML is worked out when it first goes into the page:
    // the first render does the top's only (GuideSections).
    const sections = new Map<string, string>();
    return {
      lead: renderGuideHtml(loaded.guide.lead, options).html,
      section: (s: GuideSection): string => {
        let html = sections.get(s.id);
        if (html === undefined) sections.set(s.id, (html = renderGuideHtml(s.html, options).html));
        return html;
      },
    };
  }, [loaded, t, facts]);

  const sectionIds = useMemo(() => loaded?.guide.sections.map((s) => s.id) ?? null, [loaded]);
  const reveal = useSectionReveal(sectionIds);

  useTitle(loaded?.guide.title ?? t('nav.guide'));
  useHashTarget(rendered !== null, reveal.whenAll);
  useSmoothScroll();

  if (!loaded || !rendered) {
    // Same <article> and <h1> as the full guide, so focus placed on the
    // heading by the router survives the content arriving.
    return (
      <article class="page page--wide guide" aria-labelledby="guide-title" aria-busy={state.status === 'loading'}>
        <header class="guide__header">
          <h1 id="guide-title">{t('nav.guide')}</h1>
          {state.status === 'error' ? (
            <>
              <p role="alert">{t('guide.loadError')}</p>
              <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
                {t('guide.retry')}
              </button>
            </>
          ) : (
            <p role="status">{t('guide.loading')}</p>
          )}
        </header>
      </article>
    );
  }

  const content = langAttrs(loaded.locale);
  // Inside a part written in another language (English on request or as a
  // fallback), our own buttons say again which language they are in.
  const ui = langAttrs(locale);
  const notice = noticeKind(loaded, locale, wantEnglish);
  const checked = intl.formatDate(new Date(`${FACTS_EDITION.checked}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const shareUrl = `${location.origin}/guide`;

  return (
    <article class="page page--wide guide" aria-labelledby="guide-title">
      <header class="guide__header">
        <h1 id="guide-title" {...content}>
          {loaded.guide.title}
        </h1>
        {rendered.lead && <div class="guide__lead" {...content} dangerouslySetInnerHTML={{ __html: rendered.lead }} />}
        {notice && (
          <GuideNotice
            kind={notice}
            languageName={localeInfo(locale).name}
            onShowEnglish={() => setWantEnglish(true)}
            onShowTranslation={() => setWantEnglish(false)}
          />
        )}
        <p class="guide__checked">
          {t('guide.factsChecked', { date: checked, from: FACTS_EDITION.sourcesFrom, to: FACTS_EDITION.sourcesTo })} {t(FACTS_EDITION.editionMessage)}
        </p>
        <FactOverrides />
        <div class="guide-tools no-print" role="group" aria-label={t('guide.tools')}>
          {speech.available &&
            (speech.reading ? (
              <button type="button" class="button" onClick={speech.stop}>
                {t('guide.readAloud.stop')}
              </button>
            ) : (
              <button
                type="button"
                class="button"
                onClick={() => reveal.whenAll(() => body.current && speech.speak('all', speechBlocks(body.current)))}
              >
                {t('guide.readAloud.all')}
              </button>
            ))}
          <ShareButton title={loaded.guide.title} url={shareUrl} />
          <button type="button" class="button" onClick={() => reveal.whenAll(() => window.print())}>
            {t('guide.print')}
          </button>
          <TextSizeControl />
        </div>
      </header>
      <div class="guide__layout">
        <nav class="guide__toc no-print" id="guide-toc" aria-labelledby="guide-toc-title" tabIndex={-1}>
          <h2 id="guide-toc-title">{t('guide.toc')}</h2>
          <ol {...content}>
            {loaded.guide.sections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.title}</a>
              </li>
            ))}
          </ol>
        </nav>
        <div class="guide__body" ref={body}>
          <GuideSections
            reveal={reveal.state}
            sections={loaded.guide.sections}
            html={rendered.section}
            speech={speech}
            contentLang={content}
            uiLang={ui}
          />
        </div>
      </div>
    </article>
  );
}
