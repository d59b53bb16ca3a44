/**
 * Event mode in Chromium against the real server: the officer turns it on
 * with a PIN, a person types a draft, "Next person" → delete, and the next
 * session finds no trace of it on screen or anywhere in IndexedDB; leaving
 * event mode takes the PIN.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, waitForScreen, waitForServiceWorker } from './harness';
import { useServerAndBrowser } from './suite';

const suite = useServerAndBrowser();

const SECRET = 'Zyxwertova';
const PIN = '482916';

/** Every record of every store of every IndexedDB database of the page, as text (Blobs read as text too). */
async function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [];
    const names = (await indexedDB.databases()).map((d) => d.name!).filter(Boolean);
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(req.error);
        });
        const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAllKeys();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        for (const record of records) {
          const text = JSON.stringify(record, (_k, v: unknown) => (v instanceof Blob ? `[blob ${v.size}]` : v));
          out.push(`${name}/${store}: ${text}`);
          for (const v of Object.values(record as Record<string, unknown>)) if (v instanceof Blob) out.push(await v.text());
        }
        out.push(`${name}/${store} keys: ${JSON.stringify(keys)}`);
      }
      db.close();
    }
    return out.join('\n');
  });
}

async function turnOnEventMode(page: Page) {
  await page.goto(suite.server.url + '/settings');
  await page.getByText('Set up event mode').click();
  await page.getByLabel('Name of the event').fill('Library fair');
  await page.getByLabel('Place').fill('Main St');
  await page.getByLabel('Staff PIN', { exact: true }).fill(PIN);
  await page.getByLabel('Type the PIN again').fill(PIN);
  await page.getByRole('button', { name: 'Turn on event mode' }).click();
  await page.waitForURL(suite.server.url + '/');
  await page.getByRole('button', { name: 'Next person' }).waitFor();
}

describe('event mode on a shared tablet', () => {
  it('wipes a person’s draft on “Next person”, and needs the PIN to leave', async () => {
    const context = await newContext(suite.browser, { viewport: { width: 1024, height: 1366 } });
    const page = await context.newPage();
    await page.goto(suite.server.url + '/');
    await waitForServiceWorker(page);
    await turnOnEventMode(page);
    expect(await page.title()).not.toContain('Library');

    // A person starts a request and types their name.
    await page.goto(suite.server.url + '/requests');
    await page.getByRole('link', { name: 'Start a new request' }).click();
    const family = page.getByLabel('Family name (last name)');
    await family.waitFor();
    await family.fill(SECRET);
    await page.getByText('Saved on this device').first().waitFor();
    await expect.poll(() => dumpIndexedDb(page)).toContain(SECRET);
    expect(page.url()).not.toContain(SECRET);
    expect(await page.title()).not.toContain(SECRET);

    // "Next person": the open draft is asked about; the person deletes it.
    await page.getByRole('button', { name: 'Next person' }).click();
    await page.getByRole('dialog', { name: 'Send or delete your request?' }).waitFor();
    await page.getByRole('button', { name: 'Delete it and finish' }).click();
    await page.waitForURL(suite.server.url + '/');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // No trace: not in IndexedDB, not in local or session storage (where a
    // copy is kept while a page unloads), not on the requests screen.
    const dump = await dumpIndexedDb(page);
    expect(dump).not.toContain(SECRET);
    expect(dump).toContain('ombuds/events');
    expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(SECRET);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(SECRET);
    await page.goto(suite.server.url + '/requests');
    await waitForScreen(page);
    await page.getByRole('link', { name: 'Start a new request' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(SECRET);

    // Leaving event mode: a wrong PIN is refused with a message; the right one turns it off.
    await page.goto(suite.server.url + '/settings');
    const leave = page.getByLabel('Staff PIN to turn off');
    await leave.fill('000000');
    await page.getByRole('button', { name: 'Turn off event mode' }).click();
    await page.getByText('That PIN is not right. Try again.').waitFor();
    expect(await page.getByRole('button', { name: 'Next person' }).count()).toBe(1);
    await leave.fill(PIN);
    await page.getByRole('button', { name: 'Turn off event mode' }).click();
    await page.getByText('Set up event mode').waitFor();
    expect(await page.getByRole('button', { name: 'Next person' }).count()).toBe(0);
    // The PIN is stored only as a hash, and is gone with event mode.
    expect(await dumpIndexedDb(page)).not.toContain(PIN);
    await context.close();
  });

  it('shows the officer counts behind the PIN and sends them to the server', async () => {
    const context = await newContext(suite.browser, { viewport: { width: 1024, height: 1366 } });
    const page = await context.newPage();
    await page.goto(suite.server.url + '/');
    await turnOnEventMode(page);
    // One person reads the guide, then "Next person".
    await page.goto(suite.server.url + '/guide');
    await waitForScreen(page);
    await page.getByRole('button', { name: 'Next person' }).click();
    // The person is offered "Questions and feedback" once, and declines.
    await page.getByRole('dialog').getByRole('button', { name: 'No, thank you' }).click();
    await page.waitForURL(suite.server.url + '/');

    await page.goto(suite.server.url + '/settings');
    await page.getByLabel('Staff PIN', { exact: true }).fill(PIN);
    await page.getByRole('button', { name: 'Show the counts' }).click();
    const served = page.locator('.stat-tiles div', { hasText: 'People helped' }).locator('dd');
    await expect.poll(() => served.textContent()).toBe('1');
    await page.getByRole('img', { name: /Languages used/ }).waitFor();
    await page.getByRole('button', { name: 'Send counts to the server' }).click();
    await page.getByText('The counts were sent.').waitFor();
    expect(suite.server.output()).not.toContain('Library fair');
    await context.close();
  });

  it('“Delete everything on this device” (personal mode) leaves no draft, no settings and no runtime cache', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.server.url + '/');
    await waitForServiceWorker(page);
    await page.goto(suite.server.url + '/requests/new');
    const family = page.getByLabel('Family name (last name)');
    await family.fill(SECRET);
    await page.getByText('Saved on this device').first().waitFor();
    await expect.poll(() => dumpIndexedDb(page)).toContain(SECRET);

    await page.goto(suite.server.url + '/settings');
    await page.getByRole('button', { name: 'Delete everything on this device' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete everything?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.waitForURL(suite.server.url + '/');
    await page.getByRole('heading', { level: 1 }).waitFor();

    expect(await dumpIndexedDb(page)).not.toContain(SECRET);
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(storage).not.toContain(SECRET);
    const cacheNames = await page.evaluate(() => caches.keys());
    expect(cacheNames.filter((n) => !n.startsWith('workbox-precache') && n !== 'config' && n !== 'keys')).toEqual([]);
    // The app still opens (the precache stays).
    await page.goto(suite.server.url + '/requests');
    await waitForScreen(page);
    expect(await page.locator('main').textContent()).not.toContain(SECRET);
    await context.close();
  });
});
