/**
 * Drafts in Chromium: what is typed survives closing the page, with the
 * network cut too; a photo is shrunk on the device, stored, and still there
 * after a reload; a drawn signature is kept.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goOffline, newContext, waitForController, waitForServiceWorker } from './harness';
import { useServerAndBrowser } from './suite';

const suite = useServerAndBrowser();

const FAMILY = 'Nguyễn-O’Brien <b>Ñúñez</b> 李';
const STORY = 'First line with "quotes" & <script>alert(1)</script>\n\nThird line 🙂  with two spaces';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A real PNG (RGB gradient) of the given size, made here so no fixture file is needed. */
function makePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = (x * 255) / width;
      raw[row + 2 + x * 3] = (y * 255) / height;
      raw[row + 3 + x * 3] = 128;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function startRequest(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Start a new request' }).click();
  await page.getByRole('heading', { level: 1, name: 'About you' }).waitFor();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}\/about-you$/);
  return new URL(page.url()).pathname.split('/')[2]!;
}

/** Types, goes to the case step, types more, and closes the page without waiting for anything. */
async function typeAndClose(context: BrowserContext, base: string): Promise<string> {
  const page = await context.newPage();
  await page.goto(`${base}/requests`);
  const id = await startRequest(page);
  await page.getByLabel('Family name (last name)').fill(FAMILY);
  await page.getByLabel('Given name (first name)').fill('Ana María');
  // Step list links and the URL are the same for every step; go straight to the case.
  await page.goto(`${base}/requests/${id}/case`);
  await page.getByRole('heading', { level: 1, name: 'Your case' }).waitFor();
  await page.getByLabel('What went wrong?').fill(STORY);
  await page.close({ runBeforeUnload: true });
  return id;
}

async function expectDraftBack(context: BrowserContext, base: string, id: string) {
  const page = await context.newPage();
  await page.goto(`${base}/requests`);
  await page.getByRole('heading', { level: 2, name: `Ana María ${FAMILY}` }).waitFor();
  await page.getByRole('link', { name: /Continue/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Your case' }).waitFor();
  expect(await page.getByLabel('What went wrong?').inputValue()).toBe(STORY);
  await page.goto(`${base}/requests/${id}/about-you`);
  await page.getByRole('heading', { level: 1, name: 'About you' }).waitFor();
  expect(await page.getByLabel('Family name (last name)').inputValue()).toBe(FAMILY);
  expect(await page.getByLabel('Given name (first name)').inputValue()).toBe('Ana María');
  // Nothing typed shows in the address or the tab title.
  expect(page.url()).not.toContain('Ana');
  expect(await page.title()).not.toContain('Ana');
  expect(await page.locator('main b').count()).toBe(0);
  return page;
}

describe('request drafts', () => {
  it('keeps every word typed after the page is closed and opened again', async () => {
    const context = await newContext(suite.browser);
    const id = await typeAndClose(context, suite.server.url);
    const page = await expectDraftBack(context, suite.server.url, id);
    await page.close();
    await context.close();
  });

  it('keeps every word with the network cut', async () => {
    const context = await newContext(suite.browser);
    const first = await context.newPage();
    await first.goto(`${suite.server.url}/requests`);
    await waitForServiceWorker(first);
    await first.reload();
    await waitForController(first);
    await goOffline(context);
    const id = await typeAndClose(context, suite.server.url);
    await first.close();
    const page = await expectDraftBack(context, suite.server.url, id);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'About you' }).waitFor();
    expect(await page.getByLabel('Family name (last name)').inputValue()).toBe(FAMILY);
    await page.close();
    await context.close();
  });

  it('shrinks a photo on the device to a JPEG named after it, stores it with a thumbnail, and still has it after a reload', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/requests`);
    const id = await startRequest(page);
    await page.goto(`${suite.server.url}/requests/${id}/documents`);
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await page.getByTestId('docs-picker').setInputFiles({ name: 'notice.png', mimeType: 'image/png', buffer: makePng(3000, 1500) });
    await page.getByText('notice.jpg was added.').waitFor();
    const thumb = page.locator('img.docs-item__thumb');
    await thumb.waitFor();
    const stored = await page.evaluate(async (draftId) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('ombuds');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const records = await new Promise<{ name: string; type: string; size: number; sha256: string; blob: Blob; thumb?: Blob }[]>((resolve, reject) => {
        const req = db.transaction('attachments').objectStore('attachments').index('by-draft').getAll(draftId);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      const r = records[0]!;
      const bitmap = await createImageBitmap(r.blob);
      const thumb = r.thumb ? await createImageBitmap(r.thumb) : null;
      const digest = await crypto.subtle.digest('SHA-256', await r.blob.arrayBuffer());
      const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
      return { count: records.length, name: r.name, type: r.type, size: r.size, blobSize: r.blob.size, width: bitmap.width, height: bitmap.height, thumbWidth: thumb?.width, shaOk: hex === r.sha256 };
    }, id);
    expect(stored).toMatchObject({ count: 1, name: 'notice.jpg', type: 'image/jpeg', width: 2000, height: 1000, thumbWidth: 240, shaOk: true });
    expect(stored.size).toBe(stored.blobSize);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await page.locator('.docs-item__name', { hasText: 'notice.jpg' }).waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img.docs-item__thumb');
      return !!img && img.complete && img.naturalWidth === 240;
    });
    await page.getByRole('button', { name: 'Remove notice.jpg' }).click();
    await page.getByText('notice.jpg was removed.').waitFor();
    expect(await page.locator('img.docs-item__thumb').count()).toBe(0);
    await context.close();
  });

  it('keeps a signature drawn with pointer events', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/requests`);
    const id = await startRequest(page);
    await page.goto(`${suite.server.url}/requests/${id}/consent`);
    await page.getByRole('heading', { level: 1, name: 'Consent and signature' }).waitFor();
    await page.getByLabel('Draw my signature').check();
    const pad = page.getByRole('img', { name: 'Signature box, empty' });
    // Into the middle of the screen, where the pointer can draw on it.
    await pad.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2 ? 15 : -15));
    await page.mouse.up();
    await page.getByRole('img', { name: 'Signature box, signed' }).waitFor();
    expect(await page.getByLabel('Date signed').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.locator('.rq-actions .save--saved').waitFor();
    await page.reload();
    await page.getByRole('img', { name: 'Signature box, signed' }).waitFor();
    await page.goto(`${suite.server.url}/requests/${id}/print`);
    await page.locator('img.pf-signature__img').waitFor();
    await context.close();
  });
});
