import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseLanguage, goOffline, launchPersistent, newContext, waitForController, waitForScreen, waitForServiceWorker } from './harness';
import { useServerAndBrowser } from './suite';

const suite = useServerAndBrowser();

describe('the app shell', () => {
  it('installs its service worker on the first visit and precaches every locale', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.server.url + '/');
    await page.getByRole('heading', { level: 1, name: 'Help with a USCIS problem' }).waitFor();
    await waitForServiceWorker(page);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys()) urls.push(new URL(req.url).pathname);
      }
      return urls;
    });
    expect(cached).toContain('/index.html');
    for (const code of ['en', 'es', 'zh-Hans']) {
      expect(cached.some((u) => new RegExp(`/assets/messages-${code}-`).test(u)), `messages for ${code} precached`).toBe(true);
    }
    await context.close();
  });

  it('reloads with no network in the language the person chose, on every app path', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.server.url + '/');
    await waitForServiceWorker(page);
    await chooseLanguage(page, 'es');
    await goOffline(context);
    await page.reload();
    await waitForController(page);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es');
    await page.getByRole('heading', { level: 1, name: 'Ayuda con un problema con USCIS' }).waitFor();
    expect(await page.getByRole('navigation').textContent()).toContain('Guía');
    await page.locator('.net-status--offline').waitFor();
    for (const path of ['/guide', '/screener', '/requests', '/settings']) {
      await page.goto(suite.server.url + path);
      await waitForScreen(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
    }
    await context.close();
  });

  it('paints the guide with the styles its document carries: before any script, offline, and with nothing refused by the CSP', async () => {
    const styled = (page: Page) =>
      page.evaluate(() => ({
        header: getComputedStyle(document.querySelector('.site-header')!).backgroundColor,
        contents: getComputedStyle(document.querySelector('.guide__toc')!).backgroundColor,
      }));
    const want = { header: 'rgb(29, 79, 145)', contents: 'rgb(245, 247, 250)' };

    // No script at all: what the first paint shows is the document alone.
    const bare = await suite.browser.newContext({ javaScriptEnabled: false });
    const first = await bare.newPage();
    await first.goto(suite.server.url + '/guide');
    expect(await styled(first)).toEqual(want);
    await bare.close();

    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && refused.push(m.text())));
    const sheets: string[] = [];
    page.on('request', (r) => void (r.resourceType() === 'stylesheet' && sheets.push(new URL(r.url()).pathname)));
    await page.goto(suite.server.url + '/guide');
    await waitForScreen(page);
    await waitForServiceWorker(page);
    expect(await styled(page)).toEqual(want);
    expect(sheets, 'stylesheet files the guide asked for').toEqual([]);
    // A lazy part that shares code with the shell (event mode's settings) must not ask for the shell's sheet again.
    await page.goto(suite.server.url + '/settings');
    await page.getByText('Set up event mode').waitFor();
    expect(sheets.filter((path) => /\/assets\/main-/.test(path))).toEqual([]);
    await page.goto(suite.server.url + '/guide');
    await waitForScreen(page);
    sheets.length = 0;
    await goOffline(context);
    await page.reload();
    await waitForController(page);
    await waitForScreen(page);
    expect(await styled(page)).toEqual(want);
    expect(sheets, 'stylesheet files the guide asked for').toEqual([]);
    expect(refused).toEqual([]);
    await context.close();
  });

  it("asks for the app's code only once the guide's text is painted, online and offline, and the app then takes over", async () => {
    const context = await newContext(suite.browser);
    // The page's own clock, from the document's start: the first frame with the guide's text laid out.
    await context.addInitScript(() => {
      const look = () => {
        const text = document.querySelector('.guide-section p');
        if (text && text.getBoundingClientRect().height > 0) (window as unknown as { textFrameAt: number }).textFrameAt = performance.now();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    const page = await context.newPage();
    // ...and when the app's entry was asked for.
    const timing = () =>
      page.evaluate(() => ({
        painted: (window as unknown as { textFrameAt?: number }).textFrameAt ?? null,
        asked: performance.getEntriesByType('resource').find((e) => /\/assets\/main-[\w-]+\.js$/.test(new URL(e.name).pathname))?.startTime ?? null,
      }));
    await page.goto(suite.server.url + '/guide');
    await waitForScreen(page);
    await waitForServiceWorker(page);
    const online = await timing();
    expect(online.painted).not.toBeNull();
    expect(online.asked).not.toBeNull();
    expect(online.asked!).toBeGreaterThan(online.painted!);
    await goOffline(context);
    await page.reload();
    await waitForController(page);
    await waitForScreen(page);
    const offline = await timing();
    expect(offline.asked!).toBeGreaterThan(offline.painted!);
    // The app's own screen, with what only the app draws: the guide's tools.
    await expect.poll(() => page.locator('.guide-tools').count()).toBe(1);
    await context.close();
  });

  it('has a valid manifest and Chromium reports no installability errors', async () => {
    const { context, close } = await launchPersistent();
    const page = await context.newPage();
    await page.goto(suite.server.url + '/');
    await waitForServiceWorker(page);
    await page.reload();
    await waitForController(page);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBeTruthy();
    const manifest = await (await page.request.get(new URL(manifestHref!, suite.server.url).href)).json();
    expect(manifest).toMatchObject({ name: expect.any(String), short_name: expect.any(String), start_url: '/', scope: '/', display: 'standalone', theme_color: expect.any(String) });
    const sizes = manifest.icons.map((i: { sizes: string; purpose?: string }) => `${i.sizes}:${i.purpose ?? 'any'}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
    const cdp = await context.newCDPSession(page);
    const result = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(result.installabilityErrors).toEqual([]);
    await close();
  });

  it('switches to Arabic right-to-left, remembers it, and falls back to English for an unknown stored locale', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.server.url + '/');
    await chooseLanguage(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.evaluate(() => localStorage.setItem('ombuds.locale', 'xx-nope'));
    await page.reload();
    await waitForScreen(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await context.close();
  });

  it('negotiates the first visit from the browser languages', async () => {
    const context = await suite.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(suite.server.url + '/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    // The screen itself, not only the attribute, is in Chinese.
    await expect.poll(async () => (await page.locator('main h1').textContent()) ?? '').toMatch(/\p{Script=Han}/u);
    await context.close();
  });
});
