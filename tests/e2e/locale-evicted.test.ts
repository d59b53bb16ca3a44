/**
 * A language whose chunks the browser evicted from the worker's cache, with
 * no network to fetch them again: the app opens in English and says why,
 * never a blank page, on a reload and on every screen.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { chooseLanguage, goOffline, newContext, waitForController, waitForScreen, waitForServiceWorker } from './harness';
import { useServerAndBrowser } from './suite';

const suite = useServerAndBrowser();

/** The app installed and in Spanish, then the cached chunks whose URL matches dropped; answers how many went. */
async function spanishWithEvicted(context: BrowserContext, pattern: RegExp) {
  const page = await context.newPage();
  await page.goto(suite.server.url + '/');
  await waitForServiceWorker(page);
  await page.reload();
  await waitForController(page);
  await chooseLanguage(page, 'es');
  const evicted = await page.evaluate(async (source) => {
    const match = new RegExp(source);
    let gone = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (match.test(request.url)) gone += Number(await cache.delete(request));
      }
    }
    return gone;
  }, pattern.source);
  return { page, evicted };
}

describe('a language chunk evicted from the cache, offline', () => {
  it('shows English with a notice, not a blank page', async () => {
    const context = await newContext(suite.browser);
    const { page, evicted } = await spanishWithEvicted(context, /\/assets\/(messages|guide)-es-/);
    expect(evicted).toBeGreaterThanOrEqual(2);
    await goOffline(context);

    for (const path of ['/', '/guide', '/screener', '/requests', '/settings']) {
      await page.goto(suite.server.url + path);
      await waitForScreen(page);
      expect(await page.evaluate(() => document.documentElement.lang), path).toBe('en');
      await expect.poll(() => page.locator('.banner[role=alert]').allInnerTexts(), { timeout: 10_000 }).toContain(
        'This language could not be loaded on this device right now, so the app is shown in English. Connect to the internet once to get it back.',
      );
      expect((await page.locator('main').innerText()).trim().length, path).toBeGreaterThan(40);
    }
    await context.close();
  });

  it('keeps the language where it can when only part of it was evicted, and says so', async () => {
    const context = await newContext(suite.browser);
    const { page, evicted } = await spanishWithEvicted(context, /\/assets\/messages-es-guide-/);
    expect(evicted).toBe(1);
    await goOffline(context);
    await page.goto(suite.server.url + '/guide');
    await waitForScreen(page);
    // The shell's strings are still Spanish; the screens' strings fall back to English.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.locator('.site-nav').textContent()).toContain('Guía');
    await expect.poll(() => page.locator('.banner[role=alert]').count(), { timeout: 10_000 }).toBe(1);
    await context.close();
  });
});
