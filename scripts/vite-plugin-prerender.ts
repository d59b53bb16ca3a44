import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { builtPage } from './built-page.ts';
import { compileGuide } from './locale-content.ts';
import { escapeHtml, renderGuideHtml, type GuideActionId } from '../src/guide/render.ts';
import { PUBLISHED_FACTS } from '../src/facts/fact-book.ts';
import { FACTS_EDITION } from '../src/facts/contacts.ts';
import { SMOOTH_SCROLL_CLASS } from '../src/guide/useSmoothScroll.ts';
import { inlineBrandMark } from '../src/app/brand-mark-markup.ts';

/**
 * Writes the top of the English guide into guide.html at build time, so its text
 * paints as soon as the document and its stylesheets arrive (first visit
 * and offline reload alike) instead of after the scripts, the strings and
 * the guide chunk. The app replaces it whole when it renders (main.tsx
 * empties #app first): the markup copies the classes of the shell's header
 * and of GuideView, so the page looks the same before and after, and the
 * nodes are replaced rather than moved, which is no layout shift.
 *
 * English only: it is the language most people open the guide in and the
 * one every other language falls back to; a page per language would put
 * eleven more guides into the offline precache, over its size budget.
 * Someone reading another language sees English for the moment until their
 * own text is rendered.
 */
const NAV = [
  ['/guide', 'nav.guide'],
  ['/screener', 'nav.screener'],
  ['/requests', 'nav.requests'],
  ['/settings', 'nav.settings'],
] as const;

const ACTIONS: Record<GuideActionId, string> = {
  'start-request': 'guide.action.startRequest',
  'start-screener': 'guide.action.startScreener',
};

/**
 * Only the top of the guide: what the first screen shows. The rest comes
 * with the app a moment later; the whole text would push the offline
 * precache over its size budget.
 */
const FIRST_SECTIONS = 1;

const BOOT = /<div id="app">[\s\S]*?<\/div>/;
const ROOT = /<html((?:\s+(?!class=)[\w-]+="[^"]*")*)>/;

export function guideMarkup(root: string): string {
  const messages = JSON.parse(readFileSync(join(root, 'locales/en/messages.json'), 'utf8')) as Record<string, string>;
  const t = (id: string) => escapeHtml(messages[id] ?? id);
  const guide = compileGuide(readFileSync(join(root, 'locales/en/guide.md'), 'utf8'), 'locales/en/guide.md');
  const options = { actionLabel: (id: GuideActionId) => messages[ACTIONS[id]] ?? id, facts: PUBLISHED_FACTS };
  const mark = inlineBrandMark(readFileSync(join(root, 'public/icons/icon.svg'), 'utf8'));
  const nav = NAV.map(([href, id]) => `<li><a href="${href}"${href === '/guide' ? ' aria-current="page"' : ''}>${t(id)}</a></li>`).join('');
  const header =
    `<header class="site-header"><div class="site-header__bar"><a href="/" class="brand"><span class="brand__mark" aria-hidden="true">${mark}</span>` +
    `<span class="brand__text"><span class="brand__name">${t('app.name')}</span></span></a></div>` +
    `<nav class="site-nav" aria-label="${t('nav.label')}"><ul>${nav}</ul></nav></header>`;
  const lead = guide.lead ? `<div class="guide__lead">${renderGuideHtml(guide.lead, options).html}</div>` : '';
  // The line the person's eye (and Largest Contentful Paint) lands on first: word for word as GuideView writes it.
  const date = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${FACTS_EDITION.checked}T00:00:00Z`));
  const facts = { date, from: FACTS_EDITION.sourcesFrom, to: FACTS_EDITION.sourcesTo };
  const checkedText = (messages['guide.factsChecked'] ?? '').replace(/\{(date|from|to)\}/g, (_m, k: keyof typeof facts) => facts[k]);
  const checked = `<p class="guide__checked">${escapeHtml(checkedText)} ${t(FACTS_EDITION.editionMessage)}</p>`;
  const toc = guide.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('');
  const sections = guide.sections
    .slice(0, FIRST_SECTIONS)
    .map(
      (s) =>
        `<section id="${s.id}" class="guide-section" aria-labelledby="${s.id}-title" tabindex="-1">` +
        `<div class="guide-section__head"><h2 id="${s.id}-title">${escapeHtml(s.title)}</h2></div>` +
        `<div class="guide-section__body">${renderGuideHtml(s.html, options).html}</div>` +
        `</section>`,
    )
    .join('');
  return (
    `<div id="app">${header}<main id="main" tabindex="-1" data-prerendered=""><article class="page page--wide guide" aria-labelledby="guide-title">` +
    `<header class="guide__header"><h1 id="guide-title">${escapeHtml(guide.title)}</h1>${lead}${checked}</header>` +
    `<div class="guide__layout"><nav class="guide__toc no-print" id="guide-toc" aria-labelledby="guide-toc-title" tabindex="-1">` +
    `<h2 id="guide-toc-title">${t('guide.toc')}</h2><ol>${toc}</ol></nav><div class="guide__body">${sections}</div></div>` +
    `</article></main></div>`
  );
}

/** Runs after the preload plugin, which writes guide.html. */
export function prerenderPlugin(root: string): Plugin {
  return {
    name: 'ombuds-prerender',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = builtPage(bundle, 'guide.html');
      if (!page) this.error('prerender: no guide.html in the build');
      const html = String(page.source);
      if (!BOOT.test(html)) this.error('prerender: guide.html has no #app to fill');
      if (!ROOT.test(html)) this.error('prerender: guide.html has no <html> tag');
      // The class GuideView keeps on <html> while it is open, there before the app is.
      page.source = html.replace(ROOT, (_m, attrs: string) => `<html${attrs} class="${SMOOTH_SCROLL_CLASS}">`).replace(BOOT, () => guideMarkup(root));
    },
  };
}
