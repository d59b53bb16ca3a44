/**
 * The office changes facts without a rebuild: a server started with a
 * phone number of its own and a service notice. After one online visit,
 * the page reloaded with no network in Arabic shows the office's number in
 * the guide (linked, with the office's own date) and the notice in Arabic;
 * in a language the office did not write, the notice in English.
 */
import { describe, expect, it } from 'vitest';
import { chooseLanguage, goOffline, newContext, waitForController, waitForServiceWorker } from './harness';
import { useServerAndBrowser } from './suite';

const NOTICE_EN = 'The office is not taking mail until further notice. Use e-mail or the form in this app.';
const NOTICE_AR = 'لا يستقبل المكتب البريد حتى إشعار آخر. استخدم البريد الإلكتروني أو النموذج في هذا التطبيق.';

const suite = useServerAndBrowser({
  env: {
    PUBLIC_CONFIG_JSON: JSON.stringify({
      factOverrides: {
        ombudsmanPhone: { value: '202-555-0147', source: 'Office notice of 5 January 2027', checked: '2027-01-05' },
        // Dropped (no date): the published number stays and the page still boots.
        ombudsmanFax: { value: '202-555-0199', source: 'memo' },
      },
      serviceNotice: { text: { en: NOTICE_EN, ar: NOTICE_AR } },
    }),
  },
});

describe("the office's facts and notice", () => {
  it('reach the guide and every screen offline, in Arabic, with English where the office wrote no Arabic', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.server.url + '/');
    await waitForServiceWorker(page);
    await page.getByRole('region', { name: 'Notice from the office' }).getByText(NOTICE_EN).waitFor();
    await chooseLanguage(page, 'ar');

    await goOffline(context);
    await page.goto(suite.server.url + '/guide');
    await waitForController(page);
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    const notice = page.getByRole('region', { name: 'إشعار من المكتب' });
    await notice.getByText(NOTICE_AR).waitFor();
    expect(await notice.locator('p').getAttribute('lang')).toBe('ar');

    await page.waitForFunction(() => document.querySelectorAll('section.guide-section').length > 0);
    const phones = page.locator('main a[href^="tel:+1202"]');
    await phones.first().waitFor();
    expect(new Set(await phones.evaluateAll((as) => as.map((a) => `${a.getAttribute('href')} ${a.textContent}`)))).toEqual(
      new Set(['tel:+12025550147 202-555-0147']),
    );
    expect(await page.locator('main').textContent()).not.toContain('202-357-8100');
    // The office's own date and source, not the build's.
    expect(await page.locator('.fact-overrides li').allTextContents()).toEqual([
      expect.stringMatching(/^202-555-0147: .*Office notice of 5 January 2027$/),
    ]);
    // The override without a date was dropped: the published fax number shows.
    expect(await page.locator('main').textContent()).toContain('202-357-0042');

    // Korean: the office wrote no Korean, so the notice is its English text, marked as English.
    await chooseLanguage(page, 'ko');
    const english = page.getByRole('region', { name: '사무소 공지' }).getByText(NOTICE_EN);
    await english.waitFor();
    expect([await english.getAttribute('lang'), await english.getAttribute('dir')]).toEqual(['en', 'ltr']);
    await context.close();
  });
});
