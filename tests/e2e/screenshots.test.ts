/**
 * Regenerates the README's screenshots (phone and tablet) from the real
 * build: `npm run screenshots`. Skipped in the normal test run so `npm test`
 * never rewrites tracked files.
 */
import { describe, it } from 'vitest';
import { waitForServiceWorker } from './harness';
import { useServerAndBrowser } from './suite';

const enabled = process.env.SCREENSHOTS === '1';
const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  tablet: { viewport: { width: 1024, height: 1366 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
} as const;

const SHOTS: { name: string; path: string; locale: string; ready: string }[] = [
  { name: 'home', path: '/', locale: 'en', ready: 'main h1' },
  { name: 'guide', path: '/guide', locale: 'en', ready: 'main section h2' },
  { name: 'guide-ar', path: '/guide', locale: 'ar', ready: 'main section h2' },
  { name: 'screener', path: '/screener', locale: 'es', ready: 'main fieldset, main h1' },
  { name: 'requests', path: '/requests', locale: 'en', ready: 'main h1' },
  { name: 'settings', path: '/settings', locale: 'en', ready: 'main h1' },
];

describe.skipIf(!enabled)('README screenshots', () => {
  const suite = useServerAndBrowser();

  for (const [device, options] of Object.entries(DEVICES)) {
    it(`takes the ${device} screenshots`, async () => {
      const context = await suite.browser.newContext({ ...options, serviceWorkers: 'allow', reducedMotion: 'reduce', bypassCSP: true });
      const page = await context.newPage();
      await page.goto(suite.server.url + '/');
      await waitForServiceWorker(page);
      for (const shot of SHOTS) {
        await page.evaluate((code) => localStorage.setItem('ombuds.locale', code), shot.locale);
        await page.goto(suite.server.url + shot.path);
        await page.waitForFunction((code) => document.documentElement.lang === code || code === 'en', shot.locale);
        await page.locator(shot.ready).first().waitFor();
        // Hide the one-time "ready to work offline" banner so shots are stable.
        await page.addStyleTag({ content: '.banner--end{display:none!important}' }).catch(() => {});
        await page.screenshot({ path: `docs/screenshots/${device}-${shot.name}.png`, fullPage: false });
      }
      await context.close();
    });
  }
});
