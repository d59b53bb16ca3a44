/**
 * "Questions and feedback" in Chromium against the real server: on a
 * shared tablet in event mode, the form is axe clean (English, Arabic),
 * feedback written offline waits sealed in the outbox, goes once when the
 * tablet is back online, and the office's Feedback counts show it under
 * the event; "Next person" then leaves no trace of it on the tablet.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseLanguage, goOffline, goOnline, newContext } from './harness';
import { openApp, readStore } from './applicant';
import { officeSession } from './office-session';
import { useServerAndBrowser } from './suite';

const suite = useServerAndBrowser({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
const PIN = '482916';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WORDS = 'The interpreter made it easy — Mariam';

async function axeClean(page: Page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function turnOnEventMode(page: Page) {
  await page.goto(suite.server.url + '/settings');
  await page.getByText('Set up event mode').click();
  await page.getByLabel('Name of the event').fill('Listening session');
  await page.getByLabel('Staff PIN', { exact: true }).fill(PIN);
  await page.getByLabel('Type the PIN again').fill(PIN);
  await page.getByRole('button', { name: 'Turn on event mode' }).click();
  await page.waitForURL(suite.server.url + '/');
  await page.getByRole('button', { name: 'Next person' }).waitFor();
}

const feedbackRecords = async (page: Page) => (await readStore(page, 'outbox')).filter((r) => r.feedback === true);

describe('questions and feedback', () => {
  it('written offline at an event, delivered once when back online, counted with the event, gone after "Next person"', async () => {
    const context = await newContext(suite.browser);
    try {
      const page = await openApp(context, suite.server.url);
      await turnOnEventMode(page);
      const [event] = await readStore(page, 'events');
      const eventId = String(event?.id);

      // From the home screen; the form is axe clean in English and in Arabic (right to left).
      await page.getByRole('link', { name: /Questions and feedback/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Questions and feedback' }).waitFor();
      await axeClean(page);
      await chooseLanguage(page, 'ar');
      await page.getByRole('heading', { level: 1, name: 'أسئلة وآراء' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await axeClean(page);
      await chooseLanguage(page, 'en');

      // No signal in the hall.
      await goOffline(context);
      await page.getByLabel('5', { exact: true }).check();
      await page.getByRole('group', { name: 'Did the session explain how the Ombudsman can help?' }).getByLabel('Yes').check();
      await page.getByLabel('Your comments').fill(WORDS);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('Thank you. Your feedback is in the outbox and goes to the office when there is a connection.').waitFor();
      // Offline, a flush may be trying it at this instant ('sending'); it settles back to waiting.
      await expect.poll(async () => (await feedbackRecords(page))[0]?.state, { timeout: 30_000 }).toBe('waiting');
      const [waiting] = await feedbackRecords(page);
      expect(JSON.stringify(waiting)).not.toContain('Mariam');
      // The outbox says honestly that it has not gone yet.
      await page.getByRole('navigation').getByRole('link', { name: 'Requests' }).click();
      await page.getByText('Your questions and feedback').waitFor();
      await page.locator('.outbox__item', { hasText: 'Your questions and feedback' }).getByText('Ready to send — not sent yet').waitFor();

      // Back online: it goes by itself, once.
      await goOnline(context);
      await expect.poll(async () => (await feedbackRecords(page))[0]?.state, { timeout: 30_000 }).toBe('delivered');
      await page.getByText('Delivered to the office').waitFor();

      const office = await officeSession(suite.server, 'supervisor');
      const counts = (await (await office.call('GET', `feedback?event=${eventId}`)).json()) as { groups: Record<string, unknown>[]; texts: Record<string, unknown>[] };
      expect(counts.groups).toMatchObject([{ eventId, count: 1, satisfaction: { 5: 1 }, withText: 1, withContact: 0 }]);
      expect((counts.groups[0]!.answers as Record<string, Record<string, number>>).understood).toMatchObject({ yes: 1 });
      expect(counts.texts).toMatchObject([{ comments: WORDS }]);
      expect(suite.server.output()).not.toContain('Mariam');

      // "Next person": the tablet keeps nothing of it.
      // This person already gave feedback: the session ends without offering the form again.
      await page.getByRole('button', { name: 'Next person' }).click();
      await page.waitForURL(suite.server.url + '/');
      await page.getByRole('button', { name: 'Next person' }).waitFor();
      await expect.poll(() => feedbackRecords(page)).toEqual([]);
      expect(JSON.stringify(await readStore(page, 'kv'))).not.toContain('Mariam');
    } finally {
      await context.close();
    }
  });
});
