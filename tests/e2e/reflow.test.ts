/**
 * 200% zoom on a 390px phone leaves a 195 CSS px viewport. Every screen,
 * and every step of the request form, must then fit its width: nothing
 * may need sideways scrolling (WCAG 1.4.10), left to right or right to left.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForScreen } from './harness';
import { useServerAndBrowser } from './suite';

const suite = useServerAndBrowser();

/** Elements that stick out of the viewport, named so a failure says where to look. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return [];
    return [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 1 || r.left < -1);
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
  });
}

const SCREENS = ['/', '/guide', '/screener', '/requests', '/requests/status', '/settings'];

describe('at 200% zoom on a 390px phone', () => {
  for (const locale of ['en-US', 'ar']) {
    it(`no screen scrolls sideways (${locale})`, async () => {
      const context = await suite.browser.newContext({ locale, viewport: { width: 195, height: 422 }, deviceScaleFactor: 4, serviceWorkers: 'block' });
      const page = await context.newPage();
      const found: Record<string, string[]> = {};
      for (const path of SCREENS) {
        await page.goto(suite.server.url + path);
        await waitForScreen(page);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        const out = await overflowing(page);
        if (out.length) found[path] = out;
      }
      await page.goto(suite.server.url + '/requests/new');
      await page.waitForURL(/\/requests\/[0-9a-f-]{36}/);
      await page.locator('.rq-form').waitFor();
      const steps = await page.locator('.rq-steps a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(steps.length).toBeGreaterThan(3);
      for (const href of steps) {
        await page.goto(suite.server.url + href);
        await page.locator('.rq-form').waitFor();
        const out = await overflowing(page);
        if (out.length) found[href.replace(/[0-9a-f-]{36}/, ':id')] = out;
      }
      expect(found).toEqual({});
      await context.close();
    });
  }
});
