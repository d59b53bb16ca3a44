/**
 * The print view the office can process, end to end in Chromium: a request
 * filled in Chinese, printed to PDF and read back with pdftotext. The
 * person's copy in Chinese, then a complete English copy on pages of its
 * own; on every page the name (family name first) and A-number at the top
 * and "Page X of Y" at the bottom; the first page filled, not left half
 * empty by a part with long answers.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newContext } from './harness';
import { openApp, seedDraft } from './applicant';
import { useServerAndBrowser } from './suite';

const suite = useServerAndBrowser();

// Long enough to run past a page: the part holding it must still start on the first page, not leave it half empty.
const STORY = `我的案件已经等了两年。${'我多次打电话给移民局，但是没有得到答复。'.repeat(60)}`;

/** Gives the seeded draft a Chinese name and a long story, as the form's autosave would have kept them. */
async function writeInChinese(page: Page, id: string): Promise<void> {
  await page.evaluate(
    async ({ id, story }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('ombuds');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('drafts', 'readwrite');
        const store = tx.objectStore('drafts');
        const get = store.get(id);
        get.onsuccess = () => {
          const record = get.result as { data: { person: Record<string, unknown>; case: Record<string, unknown> }; updatedAt: number };
          record.data.person.familyName = '王';
          record.data.person.givenName = '小明';
          record.data.person.countryOfBirth = 'CN';
          record.data.person.preferredLanguage = 'zh-Hans';
          record.data.case.whatHappened = story;
          record.updatedAt = Date.now();
          store.put(record);
        };
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { id, story: STORY },
  );
}

function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-print-'));
  try {
    const file = join(dir, 'request.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return text.split('\f').filter((p) => p.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the printed request', () => {
  it('has the Chinese copy, then the English copy, with the name, A-number and "Page X of Y" on every page', async () => {
    const context = await newContext(suite.browser, { locale: 'zh-CN' });
    const page = await openApp(context, suite.server.url);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    const id = await seedDraft(page, { familyName: '王', aNumber: 'A087654321', receiptNumber: 'EAC2190054321' });
    await writeInChinese(page, id);

    await page.goto(`${suite.server.url}/requests/${id}/print`);
    await page.getByRole('heading', { level: 1, name: '个案协助请求（DHS-7001 表格）' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Request for Case Assistance (Form DHS-7001)' }).waitFor();
    // Both copies on one screen stay accessible: one h1, the English copy marked as English.
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const pages = pdfPages(await page.pdf({ format: 'Letter' }));

    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain('王小明 · A087-654-321');
      expect(text, `page ${i + 1}`).toMatch(new RegExp(`第 ${i + 1} 页，共 ${pages.length} 页 · Page ${i + 1} of ${pages.length}`));
    });
    // The part holding the long story starts on the first page: it flows on rather than leave that page half empty.
    expect(pages[0]).toContain('这是什么样的问题');
    expect(pages[1]).toContain('我的案件已经等了两年');
    const all = pages.join('\n');
    // The Chinese copy: its labels and a country named in Chinese.
    expect(pages[0]).toContain('需要帮助的人的姓名');
    expect(pages[0]).toContain('中国');
    // The English copy starts a page of its own, labels, options and countries in English, answers as typed.
    const first = pages.findIndex((p) => p.includes('English copy for the office'));
    expect(first).toBeGreaterThan(0);
    expect(pages[first]).toContain('Request for Case Assistance (Form DHS-7001)');
    expect(pages.slice(0, first).join('\n')).not.toContain('Request for Case Assistance');
    const english = pages.slice(first).join('\n');
    for (const words of ['Name of the person who needs help', 'Family name', 'China', 'Simplified Chinese', 'Where to send this request', 'EAC2190054321', '王']) {
      // Field labels print in capitals.
      expect(english.toLowerCase(), words).toContain(words.toLowerCase());
    }
    expect(all).toContain('我多次打电话给移民局');
    await context.close();
  }, 120_000);
});
