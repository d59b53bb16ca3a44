/**
 * storage.requestBytes — what the device stores for one full request with
 * three phone photos.
 *
 * The bench makes three 12-megapixel (4000×3000) JPEGs in the browser: a
 * document on a table, photographed — a warm gradient, a slightly rotated
 * page of printed lines, mild sensor noise — encoded at quality 0.92 as a
 * phone camera does (a few MB each). They go through the real form's file
 * picker (so the app's own downscaling and thumbnails apply), the form is
 * filled through its UI, and the request is submitted with PUTs to the
 * server cut, so it stays on the device.
 *
 * The figure is the request at its largest: submitted and waiting to be
 * sent, when the device holds the locked draft with its files and the
 * sealed copy in the outbox. It is the sum over the drafts, attachments and
 * outbox stores of every record's JSON (UTF-8) plus the bytes of every Blob
 * in it (read with the bench bundle on the same origin). The draft alone
 * (before Submit) and the browser's own estimate (navigator.storage
 * .estimate(), which counts database files and overhead) are kept in
 * .bench/details.json beside it.
 */
import type { Browser, Page } from 'playwright-core';
import { newContext } from '../e2e/harness';
import { callBench, openBenchPage } from './bundle';
import { fillWholeRequest } from './form-fill';
import { pollUntil, withTimeout } from './util';

export interface RequestBytesFigures {
  requestBytes: number;
  draftBytes: number;
  byStore: Record<string, number>;
  photoBytes: number[];
  estimateDelta: number;
}

const PUTS = /\/api\/v1\/request(s\/|-batch)/;

/** Three phone photos of papers, made in the page; answered as base64. */
async function makePhotos(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (let k = 0; k < 3; k++) {
      const canvas = new OffscreenCanvas(4000, 3000);
      const g = canvas.getContext('2d')!;
      const table = g.createLinearGradient(0, 0, 4000, 3000);
      table.addColorStop(0, '#5d4330');
      table.addColorStop(1, '#94714f');
      g.fillStyle = table;
      g.fillRect(0, 0, 4000, 3000);
      g.save();
      g.translate(2000, 1500);
      g.rotate((k - 1) * 0.035);
      const paper = g.createLinearGradient(-1300, -1450, 1300, 1450);
      paper.addColorStop(0, '#f7f4ec');
      paper.addColorStop(1, '#dcd6c8');
      g.fillStyle = paper;
      g.fillRect(-1300, -1450, 2600, 2900);
      g.fillStyle = '#1f2328';
      g.font = 'bold 64px serif';
      g.fillText('Department of Homeland Security — I-797C, Notice of Action', -1200, -1300);
      g.font = '44px serif';
      for (let y = -1180, n = 0; y < 1380; y += 66, n++) {
        g.fillText(`Receipt Number MSC21901234${50 + k}  ·  line ${n}: the case was received and is being processed by USCIS.`, -1200, y);
      }
      g.restore();
      const image = g.getImageData(0, 0, 4000, 3000);
      const d = image.data;
      let seed = 0x9e3779b9 ^ k;
      for (let i = 0; i < d.length; i += 4) {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
        const noise = ((seed >>> 24) & 7) - 4;
        d[i] = d[i]! + noise;
        d[i + 1] = d[i + 1]! + noise;
        d[i + 2] = d[i + 2]! + noise;
      }
      g.putImageData(image, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      out.push(btoa(bin));
    }
    return out;
  });
}

const estimate = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

const requestTotal = (byStore: Record<string, number>) => (byStore.drafts ?? 0) + (byStore.attachments ?? 0) + (byStore.outbox ?? 0);

export async function benchRequestBytes(options: { browser: Browser; baseUrl: string; log?: (line: string) => void }): Promise<RequestBytesFigures> {
  const log = options.log ?? (() => {});
  const context = await newContext(options.browser);
  try {
    await context.route(PUTS, (route) => route.abort('internetdisconnected'));
    const bench = await context.newPage();
    await openBenchPage(bench, options.baseUrl);
    const photos = (await withTimeout(makePhotos(bench), 120_000, 'making three 12-megapixel photos')).map((b64) => Buffer.from(b64, 'base64'));
    log(`photos: ${photos.map((p) => `${(p.length / 1e6).toFixed(2)} MB`).join(', ')} (4000×3000 JPEG)`);
    const before = await estimate(bench);

    const page = await context.newPage();
    await page.goto(`${options.baseUrl}/requests`);
    await page.locator('main h1').waitFor();
    await fillWholeRequest(page, {
      attach: async (p) => {
        await p.locator('[data-testid="docs-picker"]').setInputFiles(
          photos.map((buffer, i) => ({ name: `IMG_20250614_10${30 + i}12.jpg`, mimeType: 'image/jpeg', buffer })),
        );
        await withTimeout(p.locator('.docs-item').nth(2).waitFor({ timeout: 180_000 }), 185_000, 'the form taking three photos');
      },
    });
    const draftBytes = requestTotal(await callBench(bench, 'storedBytes'));

    await page.locator('form.rq-form button[type="submit"]').click();
    await pollUntil(
      async () => {
        const states = await callBench(bench, 'outboxStates');
        return Object.values(states).reduce((n, c) => n + c, 0) === 1 ? true : undefined;
      },
      60_000,
      'the submitted request reaching the outbox',
      200,
    );
    const byStore = await callBench(bench, 'storedBytes');
    const after = await estimate(bench);
    const requestBytes = requestTotal(byStore);
    log(`draft ${draftBytes} B; submitted and waiting ${requestBytes} B (${JSON.stringify(byStore)}); estimate +${after - before} B`);
    return { requestBytes, draftBytes, byStore, photoBytes: photos.map((p) => p.length), estimateDelta: after - before };
  } finally {
    await context.close();
  }
}
