/**
 * Keyboard and screen-reader users land on the new screen's heading, also
 * on the first visit to a lazily loaded screen in a page load (the old
 * screen's heading used to take focus and then vanish, leaving <body>).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext } from './harness';
import { useServerAndBrowser } from './suite';

const suite = useServerAndBrowser();

/** The focused element, described well enough to compare. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName ?? null, text: el?.textContent ?? null, connected: el?.isConnected ?? false };
  });

describe('focus after a navigation', () => {
  for (const { link, heading } of [
    { link: '/requests', heading: 'Your requests' },
    { link: '/screener', heading: 'Can the Ombudsman help you?' },
  ]) {
    it(`lands on the heading of ${link}, activated from Home with the keyboard on a fresh load`, async () => {
      const context = await newContext(suite.browser);
      const page = await context.newPage();
      await page.goto(suite.server.url + '/');
      await page.getByRole('heading', { level: 1, name: 'Help with a USCIS problem' }).waitFor();
      await page.locator(`main a.card[href="${link}"]`).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (name) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === name,
        heading,
      );
      // Still there once the screen has settled: not a heading about to be replaced.
      await page.waitForLoadState('networkidle');
      expect(await focused(page)).toEqual({ tag: 'H1', text: heading, connected: true });
      expect(await page.evaluate(() => document.activeElement === document.querySelector('main h1'))).toBe(true);
      await context.close();
    });
  }
});
