/**
 * Draws the PNG icons from the SVGs in public/icons with Debian's Chromium.
 * Run after changing an SVG: `npx tsx scripts/make-icons.ts`.
 */
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const targets = [
  // The tab's icon: an SVG image costs the page a document of its own to
  // draw (15–25 ms of main thread each), a PNG none. (The header's mark is
  // the SVG's markup written into the page, src/app/brand-mark.ts.)
  { svg: 'public/icons/icon.svg', out: 'public/icons/icon-96.png', size: 96 },
  { svg: 'public/icons/icon.svg', out: 'public/icons/icon-192.png', size: 192 },
  { svg: 'public/icons/icon.svg', out: 'public/icons/icon-512.png', size: 512 },
  { svg: 'public/icons/icon-maskable.svg', out: 'public/icons/icon-maskable-512.png', size: 512 },
  { svg: 'public/icons/icon.svg', out: 'public/icons/apple-touch-icon.png', size: 180 },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const t of targets) {
  const page = await browser.newPage({ viewport: { width: t.size, height: t.size } });
  const svg = readFileSync(t.svg, 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${t.size}" height="${t.size}" `)}</body></html>`);
  writeFileSync(t.out, await page.screenshot({ omitBackground: true }));
  await page.close();
}
await browser.close();
