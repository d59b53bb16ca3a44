/**
 * The office console's screens in Chromium, served by the real server with
 * its strict CSP, the office API answered by fixtures (the server side is
 * tested on its own): axe on every screen and state, keyboard focus moving
 * to each new screen's heading, and the printed request carrying the
 * person's name, A-number and "Page X of Y" on every page.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { newContext } from './harness';
import { useServerAndBrowser } from './suite';
import { auditEntries, COUNTS, detail, summary } from '../component/staff-fixtures';

const suite = useServerAndBrowser();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
// Long answers, so the print runs over several pages.
const LONG = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of what happened with the case.`).join('\n');
const REQUEST = detail(
  {
    followUps: [
      {
        id: 'fu-1',
        receivedAt: '2026-12-05T10:00:00.000Z',
        locale: 'es',
        text: 'Aquí está el aviso de recibo.',
        attachments: [{ id: 'fu-photo', name: 'aviso.png', type: 'image/png', size: 68, href: '/api/v1/office/requests/0b8e3c4e-1111-4a2b-9c3d-000000000001/attachments/fu-photo' }],
      },
    ],
  },
  {},
);
(REQUEST.request.case as { whatHappened: string }).whatHappened = LONG;

function officeApi(signedIn: { value: boolean }) {
  return async (route: Route) => {
    const url = new URL(route.request().url());
    const path = url.pathname.replace('/api/v1/office/', '');
    const method = route.request().method();
    const json = (body: unknown, status = 200) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    if (path === 'session' && method === 'GET') return signedIn.value ? json({ me: { id: 'staff-admin', email: 'admin@agency.example', role: 'admin' }, csrf: 'x' }) : json({ error: 'unauthenticated' }, 401);
    if (path === 'session' && method === 'POST') return json({ error: 'invalid_credentials' }, 401);
    if (path === 'enrolment/start') return json({ email: 'new@agency.example', role: 'officer' });
    if (path === 'enrolment/password') return json({ otpauthUri: 'otpauth://totp/Ombudsman:new%40agency.example?secret=JBSWY3DPEHPK3PXP&issuer=Ombudsman', secret: 'JBSWY3DPEHPK3PXP' });
    if (path === 'requests') return json({ requests: [summary({ id: REQUEST.id, urgent: true }), summary({ id: 'b', confirmation: 'OMB-AAAA-BBBB', state: 'in_review' })], nextCursor: 'next', counts: COUNTS });
    if (path === `requests/${REQUEST.id}`) return json(REQUEST);
    if (path.startsWith(`requests/${REQUEST.id}/attachments/`)) return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
    if (path === 'staff' && method === 'GET')
      return json({ staff: [{ id: 'staff-admin', email: 'admin@agency.example', role: 'admin', status: 'active', lastSignInAt: '2026-12-04T09:00:00.000Z' }] });
    if (path === 'staff' && method === 'POST') return json({ id: 'n', enrolUrl: `${url.origin}/staff/enrol#one-time-token-for-the-test` });
    if (path === 'audit')
      return json({ entries: auditEntries(), nextCursor: null });
    if (path === 'passkeys' && method === 'GET')
      return json({ passkeys: [{ id: 'pk-1', name: 'Office laptop', createdAt: '2026-12-01T09:00:00.000Z', lastUsedAt: '2026-12-04T09:00:00.000Z' }] });
    if (path === 'events') return json({ events: [{ eventId: 'evt-houston', days: [{ date: '2026-11-20', counts: { served: 31, submitted: 12 } }] }] });
    if (path === 'feedback') {
      const answers = { understood: { yes: 1, partly: 0, no: 0 }, would_ask: { yes: 1, maybe: 0, no: 0 }, heard_from: { community_group: 1, faith_group: 0, friend_family: 0, online: 0, government: 0, other: 0 } };
      return json({
        groups: [{ eventId: 'evt-houston', day: '2026-11-20', count: 1, satisfaction: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 }, answers, withText: 1, withContact: 0 }],
        texts: [{ id: 'f1', receivedAt: '2026-11-20T18:00:00.000Z', locale: 'es', eventId: 'evt-houston', satisfaction: 5, questions: '¿Cuánto tarda?', comments: null, contact: null }],
      });
    }
    return json({ error: 'not_found' }, 404);
  };
}

async function open(signedIn: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(suite.browser, { viewport: { width: 1280, height: 900 } });
  await context.route('**/api/v1/office/**', officeApi({ value: signedIn }));
  return { context, page: await context.newPage() };
}

const findings: string[] = [];
const audited: string[] = [];
const cspErrors: string[] = [];

async function audit(page: Page, screen: string) {
  await page.locator('main h1').first().waitFor();
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  audited.push(screen);
  for (const v of result.violations) findings.push(`[${screen}] ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function watchCsp(page: Page) {
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy/.test(m.text()) && cspErrors.push(m.text()));
}

describe('office console screens', () => {
  it('sign-in and enrolment are axe-clean, with their errors shown', async () => {
    const { context, page } = await open(false);
    watchCsp(page);
    await page.goto(`${suite.server.url}/staff`);
    await page.getByRole('heading', { name: 'Sign in to the office console' }).waitFor();
    await audit(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your password.').waitFor();
    await audit(page, 'sign-in with field errors');
    await page.getByLabel('E-mail').fill('a@agency.example');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByLabel(/6-digit code/).fill('123456');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await audit(page, 'sign-in refused');

    await page.goto(`${suite.server.url}/staff/enrol#token-for-the-test`);
    await page.getByLabel('New password').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await audit(page, 'enrolment: password');
    await page.getByLabel('New password').fill('lantern orchard pebble');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    await audit(page, 'enrolment: QR code');
    await context.close();
  });

  // Nine axe runs in one test: half a minute on a quiet machine, more than the default minute on a busy one.
  it('every signed-in screen is axe-clean, and focus moves to each new screen’s heading', { timeout: 180_000 }, async () => {
    const { context, page } = await open(true);
    watchCsp(page);
    await page.goto(`${suite.server.url}/staff`);
    await page.getByRole('link', { name: 'OMB-7Q3K-9XW2' }).waitFor();
    await audit(page, 'inbox');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');

    await page.getByRole('link', { name: 'OMB-7Q3K-9XW2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Request OMB-7Q3K-9XW2' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const photo = page.getByRole('img', { name: /Photo 1/ });
    // Photos load lazily, as the officer scrolls to them.
    await photo.scrollIntoViewIfNeeded();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await audit(page, 'request');

    for (const [link, heading] of [
      ['Event counts', 'Event counts'],
      ['Feedback', 'Feedback'],
      ['Audit log', 'Audit log'],
      ['Staff accounts', 'Staff accounts'],
      ['My account', 'My account'],
    ] as const) {
      await page.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(heading);
      await page.locator('main table').first().waitFor();
      await audit(page, heading);
    }
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText('Enter your password to confirm it is you.').waitFor();
    await audit(page, 'my account with field errors');
    await page.getByRole('link', { name: 'Staff accounts' }).click();
    await page.getByLabel('E-mail').fill('new@agency.example');
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.locator('#invite-link').waitFor();
    await audit(page, 'staff accounts with an invite link');
    await context.close();
  });

  it('the review form is axe-clean with every state’s fields and errors', async () => {
    const { context, page } = await open(true);
    await page.goto(`${suite.server.url}/staff/requests/${REQUEST.id}`);
    const review = page.getByRole('region', { name: 'Review' });
    await review.getByLabel('In review').waitFor();
    await review.getByRole('button', { name: 'Save review' }).click();
    await review.getByText('Choose the new state.').waitFor();
    await audit(page, 'review with an error');
    await context.close();
  });

  it('prints the name, A-number and “Page X of Y” on every page, under the strict CSP', async () => {
    const { context, page } = await open(true);
    watchCsp(page);
    await page.goto(`${suite.server.url}/staff/requests/${REQUEST.id}/print`);
    await page.getByRole('heading', { level: 1, name: 'Case assistance request (Form DHS-7001)' }).waitFor();
    await audit(page, 'print view');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--staff-print-who'))).toContain('García López');
    const pdf = await page.pdf({ format: 'Letter' });
    const dir = mkdtempSync(join(tmpdir(), 'ombuds-print-'));
    writeFileSync(join(dir, 'r.pdf'), pdf);
    let text: string | null = null;
    try {
      text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    } catch {
      // No pdftotext on this machine: the CSS rules are checked below instead.
    }
    if (text !== null) {
      const pages = text.split('\f').filter((p) => p.trim());
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((p, i) => {
        expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
        expect(p).toContain('García López, Ana · A012-345-678');
      });
      expect(text).not.toContain('Save review');
    } else {
      const rules = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
      expect(rules).toMatch(/@page[^]*counter\(page\)[^]*counter\(pages\)/);
    }
    await context.close();
  });

  it('found nothing', () => {
    expect(audited.length).toBeGreaterThanOrEqual(13);
    expect(cspErrors).toEqual([]);
    expect(findings).toEqual([]);
  });
});
