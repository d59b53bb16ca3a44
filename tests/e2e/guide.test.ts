/**
 * The guide offline, in every language the picker offers. Languages still
 * being translated are checked for what the app promises meanwhile:
 *  - no messages.json yet: the whole app stays English (shell notice) and
 *    so does the guide;
 *  - messages but no guide.md yet: the app speaks the language, the guide
 *    shows English with the guide's own notice;
 *  - both: the guide in that language, with the right lang/dir, marked as
 *    a community translation.
 * Which case applies is read from the files at test time, so the test
 * tightens by itself as translations land.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { compileGuide } from '../../scripts/locale-content.ts';
import { LOCALES, type LocaleInfo } from '../../src/i18n/locales.ts';
import { chooseLanguage, goOffline, newContext, waitForController, waitForServiceWorker } from './harness';
import { useServerAndBrowser } from './suite';
import { GUIDE_SECTION_IDS as SECTION_IDS } from '../unit/guide-sections';

const has = (code: string, file: string) => existsSync(`locales/${code}/${file}`);
const guideTitle = (code: string) => compileGuide(readFileSync(`locales/${code}/guide.md`, 'utf8')).title;
const englishMessages = JSON.parse(readFileSync('locales/en/messages.json', 'utf8')) as Record<string, string>;

interface Expected {
  /** <html lang> and dir: the app's language. */
  appLang: string;
  appDir: 'ltr' | 'rtl';
  /** The language the guide's text is in. */
  guideLang: string;
  guideDir: 'ltr' | 'rtl';
  title: string;
  notice: 'community' | 'fallback' | 'shell-fallback' | null;
}

function expected(locale: LocaleInfo): Expected {
  const english = { guideLang: 'en', guideDir: 'ltr' as const, title: guideTitle('en') };
  if (locale.code === 'en') return { appLang: 'en', appDir: 'ltr', ...english, notice: null };
  if (!has(locale.code, 'messages.json')) return { appLang: 'en', appDir: 'ltr', ...english, notice: 'shell-fallback' };
  const app = { appLang: locale.code, appDir: locale.dir };
  if (!has(locale.code, 'guide.md')) return { ...app, ...english, notice: 'fallback' };
  return { ...app, guideLang: locale.code, guideDir: locale.dir, title: guideTitle(locale.code), notice: 'community' };
}

async function pickLanguage(page: Page, locale: LocaleInfo, want: Expected): Promise<void> {
  if (want.appLang === locale.code) {
    await chooseLanguage(page, locale.code);
    return;
  }
  // No messages for this language yet: the app stays in English and says why.
  await page.selectOption('#lang-select', locale.code);
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.getByText(englishMessages['shell.localeFallback']!).waitFor();
}

/** Every section of the guide in the page (they go in one per frame after the first). */
function allSectionsIn(page: Page) {
  return page.waitForFunction((n) => document.querySelectorAll('section.guide-section').length === n, SECTION_IDS.length);
}

async function checkGuide(page: Page, locale: LocaleInfo, want: Expected): Promise<void> {
  const label = `${locale.code}: `;
  await page.waitForFunction((title) => document.querySelector('main h1')?.textContent === title, want.title);
  await allSectionsIn(page);
  const ids = await page.locator('section.guide-section').evaluateAll((els) => els.map((e) => e.id));
  expect(ids, label + 'section ids').toEqual(SECTION_IDS);
  expect(await page.locator('html').getAttribute('lang'), label + '<html lang>').toBe(want.appLang);
  expect(await page.locator('html').getAttribute('dir'), label + '<html dir>').toBe(want.appDir);
  const text = await page.locator('#what-it-is').evaluate((el) => ({
    lang: el.closest('[lang]')?.getAttribute('lang'),
    dir: getComputedStyle(el).direction,
  }));
  expect(text, label + 'guide text language').toEqual({ lang: want.guideLang, dir: want.guideDir });
  expect(await page.locator('main').textContent(), label + 'placeholders left').not.toContain('{{');
  expect(await page.locator('.guide-notice--community').count(), label + 'community notice').toBe(want.notice === 'community' ? 1 : 0);
  expect(await page.locator('.guide-notice--fallback').count(), label + 'fallback notice').toBe(want.notice === 'fallback' ? 1 : 0);
  if (want.notice === 'shell-fallback') {
    await expect.poll(() => page.getByText(englishMessages['shell.localeFallback']!).count(), { message: label + 'shell notice' }).toBe(1);
  }
}

const suite = useServerAndBrowser();

describe('the guide offline', () => {
  it('renders in every offered language with the right lang and dir, after one online visit', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.server.url + '/guide');
    await page.locator('section.guide-section').first().waitFor();
    await waitForServiceWorker(page);
    await goOffline(context);
    await page.reload();
    await waitForController(page);

    for (const locale of LOCALES) {
      const want = expected(locale);
      await pickLanguage(page, locale, want);
      await checkGuide(page, locale, want);
      if (want.appLang === locale.code) {
        // The language is remembered: a fresh offline visit opens its guide from the precache.
        await page.goto(suite.server.url + '/guide');
        await checkGuide(page, locale, want);
      }
    }
    await context.close();
  });

  it('lands on the section a deep link names, offline', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.server.url + '/');
    await waitForServiceWorker(page);
    await goOffline(context);
    await page.goto(suite.server.url + '/guide#how-to-ask');
    await waitForController(page);
    await page.waitForFunction(() => document.activeElement?.id === 'how-to-ask');
    // Scrolled there (smoothly unless reduced motion is asked for): its top near the top of the window.
    await page.waitForFunction(() => {
      const top = document.getElementById('how-to-ask')!.getBoundingClientRect().top;
      return top >= -2 && top < 80;
    });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await context.close();
  });

  it('keeps its text on screen while the app takes over the page it arrived in', async () => {
    const context = await newContext(suite.browser);
    // From the document's start: after every change to the page, is some guide text in <main>?
    await context.addInitScript(() => {
      const seen: boolean[] = [];
      (window as unknown as { __guideSeen: boolean[] }).__guideSeen = seen;
      new MutationObserver(() => seen.push(document.querySelector('main .guide-section p') !== null)).observe(document, {
        childList: true,
        subtree: true,
      });
    });
    const page = await context.newPage();
    await page.goto(suite.server.url + '/guide');
    // The app's own guide (its tools are not in the document) with every section in.
    await page.locator('main:not([data-prerendered]) .guide-tools').waitFor();
    await allSectionsIn(page);
    const seen = await page.evaluate(() => (window as unknown as { __guideSeen: boolean[] }).__guideSeen);
    // The document's own text comes in with the parser: from its first section on, it never leaves.
    const from = seen.indexOf(true);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(seen.slice(from)).not.toContain(false);
    await context.close();
  });
});

describe('jumps within the guide', () => {
  it('lands on the last section when its link in the contents is followed, once the rest of the guide is in', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.server.url + '/guide');
    await allSectionsIn(page);
    // Sections after the first are laid out only near the view: a jump lays them all out, so it lands on the real text.
    expect(await page.locator('section.guide-section--later').count()).toBe(SECTION_IDS.length - 1);
    const last = SECTION_IDS[SECTION_IDS.length - 1]!;
    await page.locator(`#guide-toc a[href="#${last}"]`).click();
    await page.waitForFunction((id) => document.activeElement?.id === id, last);
    await page.waitForFunction((id) => {
      const top = document.getElementById(id)!.getBoundingClientRect().top;
      return Math.abs(top) < 80 || window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    }, last);
    // Still there once the smooth scroll has settled and every section is laid out.
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          let y = window.scrollY;
          const check = () => (y === window.scrollY ? resolve(true) : ((y = window.scrollY), setTimeout(check, 100)));
          setTimeout(check, 100);
        }),
    );
    const { top, atBottom, height } = await page.evaluate((id) => ({
      top: document.getElementById(id)!.getBoundingClientRect().top,
      atBottom: window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2,
      height: window.innerHeight,
    }), last);
    // At the top of the window, or as near as the end of the page lets it come.
    expect(top).toBeGreaterThanOrEqual(-2);
    expect(top < 80 || (atBottom && top < height / 2)).toBe(true);
    await context.close();
  });
});
