import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../scripts/locale-content';

// What the built documents ask for and hold before any script runs.
const links = (page: string, rel: string) =>
  [...readFileSync(join('dist', page), 'utf8').matchAll(new RegExp(`<link rel="${rel}" crossorigin href="/([^"]+)"`, 'g'))].map((m) => m[1]!);

describe('documents that ask for their first screen', () => {
  it('the shell asks for the English shell strings with the document', () => {
    expect(links('index.html', 'modulepreload')).toEqual(expect.arrayContaining([expect.stringMatching(/^assets\/messages-en-shell-/)]));
  });

  it('the shell and the guide carry their styles, the guide\'s too, and link no stylesheet the first paint would wait for', () => {
    for (const page of ['index.html', 'guide.html']) {
      const html = readFileSync(join('dist', page), 'utf8');
      // Only the shell's own sheet, disabled (never fetched): Vite's loader for lazy screens looks for it.
      const sheets = [...html.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]);
      expect(sheets, page).toEqual([expect.stringMatching(/^<link rel="stylesheet" crossorigin href="\/assets\/main-[\w-]+\.css" disabled>$/)]);
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
      expect(styles, page).toHaveLength(1);
      expect(styles[0], page).toContain('.site-header{');
      expect(styles[0], page).toContain('.guide__toc{');
      // system-ui as written, not spelled out as faces for old browsers: each face named and missing is a font look-up.
      expect(styles[0], page).toMatch(/font-family:system-ui,Noto Sans,Noto Sans Arabic,Noto Sans CJK SC,sans-serif[;}]/);
      // No :has() on the root: the browser checks it again at every insertion anywhere in the page and restyles the lot.
      expect(styles[0], page).not.toMatch(/(^|[\s,{}>~+])(html|body|:root)(\.[\w-]+|\[[^\]]*\])*:has\(/);
    }
    // The guide's smooth scrolling hangs on a class instead, there from the guide page's first byte.
    expect(readFileSync('dist/guide.html', 'utf8')).toMatch(/<html lang="en" dir="ltr" class="guide-open">/);
    expect(readFileSync('dist/guide.html', 'utf8')).toContain('html.guide-open{scroll-behavior:smooth}');
  });

  it("the guide's page holds the top of the English guide, not the guide's scripts, and every file it names exists", () => {
    const html = readFileSync('dist/guide.html', 'utf8');
    const js = links('guide.html', 'modulepreload');
    const css = links('guide.html', 'stylesheet');
    // The text paints before any script: nothing of the guide's screen or its strings is asked for.
    expect(js.filter((f) => /GuideView-|messages-en-|guide-en-/.test(f))).toEqual([]);
    const guide = compileGuide(readFileSync('locales/en/guide.md', 'utf8'));
    const first = guide.sections[0]!;
    expect(html).toContain(`<h1 id="guide-title">${guide.title}</h1>`);
    expect(html).toContain(`<section id="${first.id}" class="guide-section"`);
    // The line under the title, which the app writes the same, is the largest text on the first screen.
    expect(html).toMatch(/<p class="guide__checked">Facts compared on [A-Z][a-z]+ \d{1,2}, \d{4} with copies of official sources dated \d{4} to \d{4}\. /);
    expect(html).not.toMatch(/\{\{|\{date\}/);
    for (const f of [...js, ...css]) expect(existsSync(join('dist', f)), f).toBe(true);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it("the guide's page names one small script, which asks for the shell's entry and its preloads after the first paint", () => {
    const scripts = (page: string) => [...readFileSync(join('dist', page), 'utf8').matchAll(/<script [^>]*><\/script>/g)].map((m) => m[0]);
    const [tag, ...more] = scripts('guide.html');
    expect(more).toEqual([]);
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag!)?.[1];
    expect(attr('src')).toMatch(/^\/assets\/start-after-paint-[\w-]+\.js$/);
    expect(statSync(join('dist', attr('src')!)).size).toBeLessThan(1024);
    // The same entry and preloads index.html names, so both pages share one set of files.
    const entry = /src="(\/assets\/main-[\w-]+\.js)"/.exec(scripts('index.html').join(''))?.[1];
    expect(attr('data-start')).toBe(entry);
    const preloads = attr('data-preload')!.split(' ');
    expect(preloads.map((f) => f.slice(1)).sort()).toEqual(links('index.html', 'modulepreload').filter((f) => !f.includes('messages-')).sort());
    for (const f of [attr('data-start')!, ...preloads]) expect(existsSync(join('dist', f)), f).toBe(true);
    expect(links('guide.html', 'modulepreload')).toEqual([]);
  });

  it('the code the page starts once idle writes no preload links; the screens still ask for theirs', () => {
    const main = readdirSync('dist/assets').find((f) => /^main-[\w-]+\.js$/.test(f))!;
    const code = readFileSync(join('dist/assets', main), 'utf8');
    const background = [...code.matchAll(/import\(`\.\/(background-[\w-]+\.js)`\)[^,]*,([^)]*\))/g)].map((m) => [m[1], m[2]]);
    // The delivery triggers, the status triggers and the unsent badge, each imported with an empty list of files to preload.
    expect(background).toHaveLength(3);
    for (const [file, deps] of background) expect(deps, file).toBe('[])');
    expect(code).toMatch(/import\(`\.\/GuideView-[\w-]+\.js`\),__vite__mapDeps\(\[/);
  });

  it('every chunk of code asks Chromium to compile it while it streams in, on its first line; the locale data does not', () => {
    const files = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
    const firstLine = (f: string) => readFileSync(join('dist/assets', f), 'utf8').split('\n', 1)[0];
    const data = files.filter((f) => /^(messages-[\w-]+-(shell|app|guide)|guide-[\w-]+)-[\w-]{8}\.js$/.test(f));
    // The shell, the screens (their first render calls most of what they hold), and the office console's chunks.
    // The formatting worker is written into the app's code (src/i18n/intl-warmup.ts): no file of its own.
    expect(files.filter((f) => f.includes('.worker-'))).toEqual([]);
    const code = files.filter((f) => !data.includes(f));
    expect(code).toEqual(expect.arrayContaining([expect.stringMatching(/^main-/), expect.stringMatching(/^GuideView-/), expect.stringMatching(/^staff-/)]));
    for (const f of code) expect(firstLine(f), f).toBe('//# allFunctionsCalledOnLoad');
    expect(data.length).toBeGreaterThanOrEqual(12 * 4);
    for (const f of data) expect(firstLine(f), f).not.toContain('allFunctionsCalledOnLoad');
  });
});
