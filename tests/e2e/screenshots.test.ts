/**
 * Regenerates the README's screenshots from the real build and server:
 * `npm run screenshots`. The applicant's screens on a phone and a tablet,
 * with a delivered request the office (driven through its API) asked more
 * information for; the office console on a desktop, signed in through its
 * own screens by an administrator the CLI made. Every name is fictional.
 * Skipped in the normal test run so `npm test` never rewrites tracked files.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { waitForServiceWorker } from './harness';
import { openApp, outboxRecord, outboxState, seedDraft, sendFromReview, type DraftPerson } from './applicant';
import { addStaff, authenticator, officeSession, STAFF_PASSWORD, type OfficeSession } from './office-session';
import { useServerAndBrowser } from './suite';

const enabled = process.env.SCREENSHOTS === '1';
const DIR = 'docs/screenshots';
const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  tablet: { viewport: { width: 1024, height: 1366 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
} as const;
const DESKTOP = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 } as const;

const SHOTS: { name: string; path: string; locale: string; ready: string }[] = [
  { name: 'home', path: '/', locale: 'en', ready: 'main h1' },
  { name: 'guide', path: '/guide', locale: 'en', ready: 'main section h2' },
  { name: 'guide-ar', path: '/guide', locale: 'ar', ready: 'main section h2' },
  { name: 'screener', path: '/screener', locale: 'es', ready: 'main fieldset, main h1' },
  { name: 'requests', path: '/requests', locale: 'en', ready: 'main h1' },
  { name: 'settings', path: '/settings', locale: 'en', ready: 'main h1' },
];

/** Whose request each device delivers, and the office's request for more information. */
const ASKED: Record<keyof typeof DEVICES, DraftPerson> = {
  phone: { givenName: 'Ana', familyName: 'García López', formTypes: ['I-485'] },
  tablet: { givenName: 'Mariam', familyName: 'Haddad', formTypes: ['N-400'] },
};
const INFO_NOTE = 'Please send page 2 of your receipt notice.';
/** Staff only: the person never sees it. */
const STAFF_NOTE = 'Page 2 of the receipt notice is missing from the upload; asked for it.';
/** Requests the office console shows beside the devices' ones. */
const MORE: DraftPerson[] = [
  { givenName: 'Wei', familyName: 'Chen', formTypes: ['I-130'] },
  { givenName: 'Oleksandr', familyName: 'Kovalenko', formTypes: ['I-765', 'I-131'] },
];

describe.skipIf(!enabled)('README screenshots', () => {
  const suite = useServerAndBrowser({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  // One officer for the whole file: the CLI makes an account once.
  let officer: Promise<OfficeSession> | undefined;
  const officeCall = async (method: string, path: string, body?: unknown) =>
    (await (officer ??= officeSession(suite.server, 'officer'))).call(method, path, body);
  // How many requests the server has, so the inbox shot waits for all of them.
  let sent = 0;
  const open = (options: object): Promise<BrowserContext> =>
    suite.browser.newContext({ ...options, serviceWorkers: 'allow', reducedMotion: 'reduce', bypassCSP: true });

  const shoot = async (page: Page, name: string, fullPage = false) => {
    // The one-time "ready to work offline" banner comes and goes; shots stay stable without it.
    await page.addStyleTag({ content: '.banner--end{display:none!important}' }).catch(() => {});
    await page.screenshot({ path: `${DIR}/${name}.png`, fullPage });
  };

  async function setReview(id: string, body: unknown) {
    const res = await officeCall('POST', `requests/${id}/review`, body);
    expect(res.status, await res.clone().text()).toBe(200);
  }

  /** Delivers a sealed request from `page`'s device; answers the id the office knows it by. */
  async function deliver(page: Page, person: DraftPerson): Promise<string> {
    const draftId = await seedDraft(page, person);
    await sendFromReview(page, suite.server.url, draftId);
    await expect.poll(() => outboxState(page, draftId), { timeout: 20_000 }).toBe('delivered');
    const delivered = (await outboxRecord(page, draftId))!;
    sent += 1;
    return String(delivered.wireId ?? draftId);
  }

  for (const device of ['phone', 'tablet'] as const) {
    it(`takes the ${device} screenshots`, async () => {
      const context = await open(DEVICES[device]);
      const page = await context.newPage();
      await page.goto(suite.server.url + '/');
      await waitForServiceWorker(page);
      for (const shot of SHOTS) {
        await page.evaluate((code) => localStorage.setItem('ombuds.locale', code), shot.locale);
        await page.goto(suite.server.url + shot.path);
        await page.waitForFunction((code) => document.documentElement.lang === code || code === 'en', shot.locale);
        await page.locator(shot.ready).first().waitFor();
        await shoot(page, `${device}-${shot.name}`);
      }

      // Hearing back: the office needs more information about the request this device sent.
      const app = await openApp(context, suite.server.url);
      const id = await deliver(app, ASKED[device]);
      await setReview(id, { state: 'in_review' });
      await setReview(id, { state: 'needs_information', infoReasons: ['missing_receipt_notice'], infoNote: INFO_NOTE });
      expect((await officeCall('POST', `requests/${id}/notes`, { text: STAFF_NOTE })).status).toBe(201);
      await app.goto(`${suite.server.url}/status`);
      await app.getByRole('link', { name: 'See status' }).click();
      await app.getByText('The office needs more information').waitFor();
      await app.getByText(INFO_NOTE).waitFor();
      await app.getByRole('button', { name: 'Send answer' }).waitFor();
      await app.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await shoot(app, `${device}-status`);

      await app.goto(`${suite.server.url}/feedback`);
      await app.getByRole('heading', { level: 1, name: 'Questions and feedback' }).waitFor();
      await app.getByLabel('Your comments').waitFor();
      await shoot(app, `${device}-feedback`);
      await context.close();
    }, 180_000);
  }

  it('takes the office console screenshots', async () => {
    const applicant = await open(DESKTOP);
    const app = await openApp(applicant, suite.server.url);
    const ids: string[] = [];
    for (const person of MORE) ids.push(await deliver(app, person));
    const taken = ids[0]!;
    // One request an officer has taken and is reviewing, so the inbox shows more than one state.
    const { me } = (await (await officeCall('GET', 'session')).json()) as { me: { id: string } };
    expect((await officeCall('POST', `requests/${taken}/assign`, { staffId: me.id })).status).toBe(200);
    await setReview(taken, { state: 'in_review' });

    // An administrator the CLI made enrols from the link, then signs in as every day.
    const link = await addStaff(suite.server, 'admin@agency.example', 'admin');
    const context = await open(DESKTOP);
    const page = await context.newPage();
    await page.goto(link.replace(/^https?:\/\/[^/]+/, suite.server.url));
    await page.getByLabel('New password').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const code = authenticator((await page.locator('.staff-secret').innerText()).replace(/\s/g, ''));
    await page.getByLabel('6-digit code the app shows').fill(await code());
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('heading', { name: 'Your account is ready' }).waitFor();

    await page.goto(`${suite.server.url}/staff`);
    await page.getByRole('heading', { name: 'Sign in to the office console' }).waitFor();
    await shoot(page, 'office-signin');
    await page.getByLabel('E-mail').fill('admin@agency.example');
    await page.getByLabel('Password').fill(STAFF_PASSWORD);
    await page.getByLabel(/6-digit code/).fill(await code());
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await page.getByText(`Page 1: ${sent} requests.`).waitFor();
    // The whole page, so the table of requests is in the picture under the filters.
    await shoot(page, 'office-inbox', true);

    await page.getByRole('row', { name: /García López/ }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Request [A-Z0-9]{3}-/ }).waitFor();
    await page.getByRole('region', { name: 'Overview' }).getByText(INFO_NOTE).waitFor();
    await shoot(page, 'office-request');
    // Further down the same page: what the officer does next.
    const review = page.getByRole('region', { name: 'Review' });
    await review.getByLabel('Accepted').waitFor();
    await page.getByRole('region', { name: 'Internal notes' }).getByText(STAFF_NOTE).waitFor();
    await review.getByRole('heading', { name: 'Review' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await shoot(page, 'office-review');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await shoot(page, 'office-audit');

    await page.getByRole('link', { name: 'Staff accounts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff accounts' }).waitFor();
    await page.getByRole('rowheader', { name: 'officer@agency.example' }).waitFor();
    await shoot(page, 'office-accounts');

    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Add a passkey' }).waitFor();
    await shoot(page, 'office-account');
    await context.close();
    await applicant.close();
  }, 180_000);
});
