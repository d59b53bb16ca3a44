/**
 * The person's own phone: a status link (what the tablet's QR code holds)
 * opened in a fresh browser profile keeps the request on the phone, takes
 * the secret out of the address bar, asks the office with the secret in a
 * header only, and shows the answer; offline it shows the last known state
 * and when it was checked.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { goOffline, newContext, waitForServiceWorker } from './harness';
import { useServerAndBrowser } from './suite';
import { readStore } from './applicant';

const suite = useServerAndBrowser();

const ID = '0d9e8f7a-1b2c-4d3e-8f4a-5b6c7d8e9f00';
const SECRET = 'linkSecret_0123456789abcdefAB';

describe('a status link opened on a phone', () => {
  it('is kept, leaves no secret in the address bar, title or request line, and shows the office’s answer offline too', async () => {
    const context = await newContext(suite.browser, { locale: 'es-US' });
    const asked: Request[] = [];
    // The office's answer for this request (the server's own endpoint is tested with the server).
    await context.route(`**/api/v1/requests/${ID}/status`, async (route) => {
      asked.push(route.request());
      const ok = (await route.request().headerValue('x-status-secret')) === SECRET;
      await route.fulfill(
        ok
          ? { status: 200, contentType: 'application/json', body: JSON.stringify({ state: 'needs_information', changedAt: '2026-01-06T10:00:00.000Z', infoReasons: ['missing_receipt_notice'], infoNote: 'Falta la página 2.' }) }
          : { status: 404, contentType: 'application/json', body: '{"error":"not_found"}' },
      );
    });
    const seen: string[] = [];
    context.on('request', (r) => seen.push(r.url()));
    try {
      const page = await context.newPage();
      await page.goto(`${suite.server.url}/status#r=${ID}&s=${SECRET}&c=K7Q-4M2-XP9`);
      await page.getByText('La oficina necesita más información').waitFor();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/status/${ID}`);
      expect(page.url()).not.toContain(SECRET);
      expect(await page.title()).not.toContain(SECRET);
      await page.getByText('Una copia de su aviso de recibo de USCIS').waitFor();
      await page.getByText('Falta la página 2.').waitFor();
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(asked.length).toBeGreaterThan(0);
      expect(seen.filter((u) => u.includes(SECRET))).toEqual([]);
      expect((await readStore(page, 'statuses')).map((r) => [r.id, r.secret, r.confirmation])).toEqual([[ID, SECRET, 'K7Q-4M2-XP9']]);
      // The link's entry was replaced, not pushed: Back does not bring the secret back.
      await waitForServiceWorker(page);
      await page.goBack();
      expect(page.url()).not.toContain(SECRET);

      // Offline, later: the phone still shows what it last knew, and when.
      await goOffline(context);
      await page.goto(`${suite.server.url}/status`);
      await page.getByRole('link', { name: 'Ver estado' }).click();
      await page.getByText('La oficina necesita más información').waitFor();
      await page.getByText('No tiene conexión. Este es el último estado que conocía la aplicación.').waitFor();
      await page.getByText(/^Consultado el /).waitFor();
    } finally {
      await context.close();
    }
  });
});
