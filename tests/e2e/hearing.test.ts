/**
 * The person hears back, end to end against the real server in a child
 * process, the office driven through its API (an officer made by the CLI,
 * signed in with password and TOTP): a request is delivered; the office
 * asks for information; the status page shows it in Spanish; the person
 * answers with a photo while offline; the answer arrives once, linked to
 * the request; the office accepts with a case number; the page shows it.
 * Then the status link (what the tablet's QR code holds) opens the status
 * in a fresh browser profile, which keeps it and drops the secret from
 * the address bar.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chooseLanguage, goOffline, goOnline, newContext, waitForServiceWorker } from './harness';
import { openApp, outboxRecord, outboxState, readStore, seedDraft, sendFromReview } from './applicant';
import { officeSession, type OfficeSession } from './office-session';
import { useServerAndBrowser } from './suite';

const suite = useServerAndBrowser({ env: { RATE_LIMIT_PER_MINUTE: '0' } });

// A 1×1 PNG: a real image the browser decodes.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function review(office: OfficeSession, id: string, body: unknown) {
  const res = await office.call('POST', `requests/${id}/review`, body);
  expect(res.status, await res.clone().text()).toBe(200);
}

async function axeClean(page: Page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const contexts: BrowserContext[] = [];

describe('hearing back', () => {
  it('needs information → answered offline with a photo, once → accepted with a case number; then the status link on a fresh phone', async () => {
    const office = await officeSession(suite.server, 'officer');
    const phone = await newContext(suite.browser);
    contexts.push(phone);
    try {
      const page = await openApp(phone, suite.server.url);
      const draftId = await seedDraft(page, { familyName: 'Hearback-Testcase' });
      await sendFromReview(page, suite.server.url, draftId);
      await expect.poll(() => outboxState(page, draftId), { timeout: 20_000 }).toBe('delivered');
      const delivered = (await outboxRecord(page, draftId))!;
      // The office and the status link know the request by its wire id.
      const id = String(delivered.wireId ?? draftId);
      const secret = String(delivered.statusSecret);
      expect(secret).toMatch(/^[A-Za-z0-9_-]{22,}$/);

      await review(office, id, { state: 'in_review' });
      await review(office, id, { state: 'needs_information', infoReasons: ['missing_receipt_notice'], infoNote: 'Falta la página 2 del aviso.' });

      // The person, in Spanish, from the Requests list to the request's status.
      await page.goto(`${suite.server.url}/requests`);
      await chooseLanguage(page, 'es');
      await page.getByRole('link', { name: 'Ver estado' }).click();
      await page.getByText('La oficina necesita más información').waitFor();
      await page.getByText('Una copia de su aviso de recibo de USCIS').waitFor();
      await page.getByText('Falta la página 2 del aviso.').waitFor();
      expect(await page.title()).not.toContain(id);
      // The office's id for the request is in no address and nowhere on the page.
      expect(page.url()).not.toContain(id);
      expect(await page.content()).not.toContain(id);
      await axeClean(page);

      // Offline: the answer and its photo wait on the phone.
      await goOffline(phone);
      await page.getByLabel('Su respuesta').fill('Aquí está la página 2.');
      await page.getByTestId('docs-picker').setInputFiles({ name: 'pagina-2.png', mimeType: 'image/png', buffer: PHOTO });
      await page.locator('.docs-item__name', { hasText: 'pagina-2' }).waitFor();
      await page.getByRole('button', { name: 'Enviar respuesta' }).click();
      await page.getByText('Su respuesta está guardada y se enviará en cuanto haya conexión.').waitFor();
      await page.getByText('Esperando una conexión. Se enviará sola.').waitFor();
      const answers = (await readStore(page, 'outbox')).filter((r) => (r.followUp as { requestId?: string } | undefined)?.requestId === id);
      expect(answers.map((r) => r.state)).toEqual(['waiting']);
      expect(JSON.stringify(answers)).not.toContain('Aquí está');

      // Back online: it goes by itself, once, under the request.
      await goOnline(phone);
      await page.getByText(/^Llegó a la oficina el /).waitFor({ timeout: 30_000 });
      const detail = (await (await office.call('GET', `requests/${id}`)).json()) as { followUps: { text: string; attachments: unknown[] }[] };
      expect(detail.followUps).toHaveLength(1);
      expect(detail.followUps[0]!.text).toBe('Aquí está la página 2.');
      expect(detail.followUps[0]!.attachments).toHaveLength(1);
      expect(await readStore(page, 'followUps')).toEqual([]);

      await review(office, id, { state: 'accepted', caseNumber: 'OMB-2026-0042' });
      await page.getByRole('button', { name: 'Consultar ahora' }).click();
      await page.getByText('Aceptada').waitFor();
      await page.getByText('Número de caso de la oficina: OMB-2026-0042').waitFor();
      await axeClean(page);

      // The status link, as the tablet's QR code holds it, on the person's own phone.
      const own = await newContext(suite.browser, { locale: 'es-US' });
      contexts.push(own);
      const seen: string[] = [];
      own.on('request', (r) => seen.push(r.url()));
      const mine = await own.newPage();
      await mine.goto(`${suite.server.url}/status#r=${id}&s=${secret}&c=${String(delivered.confirmation)}`);
      await mine.getByText('Aceptada').waitFor();
      await expect.poll(() => new URL(mine.url()).pathname).toMatch(/^\/status\/[0-9a-f-]{36}$/);
      expect(mine.url()).not.toContain(secret);
      expect(mine.url()).not.toContain(id);
      expect(await mine.title()).not.toContain(secret);
      expect(seen.filter((u) => u.includes(secret))).toEqual([]);
      expect((await readStore(mine, 'statuses')).map((r) => [r.id, r.secret])).toEqual([[id, secret]]);
      // Back does not bring the secret back; offline the phone still shows what it knew, and when.
      await waitForServiceWorker(mine);
      await mine.goBack();
      expect(mine.url()).not.toContain(secret);
      await goOffline(own);
      await mine.goto(`${suite.server.url}/status`);
      await mine.getByRole('link', { name: 'Ver estado' }).click();
      await mine.getByText('Número de caso de la oficina: OMB-2026-0042').waitFor();
      await mine.getByText('No tiene conexión. Este es el último estado que conocía la aplicación.').waitFor();
      await mine.getByText(/^Consultado el /).waitFor();
    } finally {
      for (const c of contexts.splice(0)) await c.close();
    }
  }, 180_000);
});
