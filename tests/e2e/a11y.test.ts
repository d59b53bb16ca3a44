/**
 * axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every screen, in
 * English, Spanish and Arabic (right to left): home, guide, settings, the
 * screener's questions (every screen of the longest path to each kind of
 * outcome) and its outcomes, the request form's steps (empty with its
 * errors shown, and filled), review, the request handed over and waiting,
 * the request list and the status page with the request waiting, and the
 * request delivered. Screens are
 * reached the way a person reaches them (in-app links and buttons), on a
 * phone-sized viewport.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newContext, waitForScreen, waitForServiceWorker } from './harness';
import { useServerAndBrowser } from './suite';
import { fillWholeRequest, navigateInApp, startRequest } from '../bench/form-fill';
import { pathsToOutcomes, walkScreener } from '../bench/screener-ui';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LOCALES = [
  { code: 'en', browser: 'en-US' },
  { code: 'es', browser: 'es-US' },
  { code: 'ar', browser: 'ar' },
] as const;

// Every test submits requests from one address: the write limit is not what is tested here.
const suite = useServerAndBrowser({ env: { RATE_LIMIT_PER_MINUTE: '0' } });

interface Finding {
  screen: string;
  text: string;
}

/** Every screen audited in this run, so coverage cannot shrink unnoticed. */
const audited: string[] = [];

/** Runs axe on the page as it is now; keeps what it finds, readably, under the screen's name. */
async function audit(page: Page, screen: string, findings: Finding[]): Promise<void> {
  // Wait for the screen to settle: no loading placeholder, fonts and layout done.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  audited.push(screen);
  for (const v of result.violations) {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `      ${n.target.join(' ')}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`)
      .join('\n');
    findings.push({ screen, text: `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${nodes}${v.nodes.length > 5 ? `\n      …and ${v.nodes.length - 5} more` : ''}` });
  }
}

function report(findings: Finding[]): string {
  if (findings.length === 0) return '';
  const byScreen = new Map<string, string[]>();
  for (const f of findings) byScreen.set(f.screen, [...(byScreen.get(f.screen) ?? []), f.text]);
  return `\naxe found ${findings.length} violation(s):\n` + [...byScreen].map(([screen, texts]) => `\n[${screen}]\n${texts.join('\n')}`).join('\n');
}

async function open(locale: (typeof LOCALES)[number]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(suite.browser, { locale: locale.browser });
  const page = await context.newPage();
  await page.goto(suite.server.url + '/');
  await waitForScreen(page);
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale.code);
  return { context, page };
}

describe.each(LOCALES)('accessibility in $code', (locale) => {
  it('home, guide and settings have no WCAG A/AA violations', async () => {
    const findings: Finding[] = [];
    const { context, page } = await open(locale);
    try {
      await audit(page, `${locale.code} home`, findings);
      await navigateInApp(page, '/guide', '.guide-section');
      await audit(page, `${locale.code} guide`, findings);
      await navigateInApp(page, '/settings');
      // Parts of Settings load after its first paint.
      await page.waitForLoadState('networkidle');
      await audit(page, `${locale.code} settings`, findings);
      const showQr = page.locator('section[aria-labelledby="settings-handoff"] button');
      if ((await showQr.count()) > 0) {
        await showQr.click();
        await page.waitForLoadState('networkidle');
        await audit(page, `${locale.code} settings with the hand-off code shown`, findings);
      }
    } finally {
      await context.close();
    }
    expect(findings, report(findings)).toEqual([]);
  }, 120_000);

  it('every screener question and every kind of outcome have no WCAG A/AA violations', async () => {
    const findings: Finding[] = [];
    const { context, page } = await open(locale);
    try {
      const paths = pathsToOutcomes();
      expect(paths.map((p) => p.kind)).toContain('may-help');
      const seen = new Set<string>();
      for (const path of paths) {
        await navigateInApp(page, '/screener', 'form.screener-step, .screener-outcome__head');
        // Back at the start after the previous walk: "Start over" is on the result screen.
        const restart = page.locator('.screener-nav__restart, button:has-text("Start over")');
        if ((await page.locator('.screener-outcome__head').count()) > 0 && (await restart.count()) > 0) await restart.first().click();
        await walkScreener(page, path, async (question) => {
          if (seen.has(question.id)) return;
          seen.add(question.id);
          await audit(page, `${locale.code} screener question ${question.id} (${question.kind})`, findings);
        });
        await audit(page, `${locale.code} screener outcome ${path.kind}`, findings);
        await navigateInApp(page, '/');
      }
    } finally {
      await context.close();
    }
    expect(findings, report(findings)).toEqual([]);
    expect(audited.filter((s) => s.startsWith(`${locale.code} screener outcome`))).toHaveLength(4);
  }, 180_000);

  it('the request form (every step, errors shown, review), the request handed over, waiting and delivered have no WCAG A/AA violations', async () => {
    const findings: Finding[] = [];
    const { context, page } = await open(locale);
    try {
      await waitForServiceWorker(page);
      await navigateInApp(page, '/requests');
      await audit(page, `${locale.code} request list (empty)`, findings);
      // A step refused with its errors: the summary, the invalid fields.
      await startRequest(page);
      await page.locator('form.rq-form button[type="submit"]').click();
      await page.locator('main [aria-invalid="true"]').first().waitFor();
      await audit(page, `${locale.code} request step with errors`, findings);
      await navigateInApp(page, '/requests');

      await fillWholeRequest(page, {
        // One photo, so the documents step shows its file list and thumbnail.
        attach: async (p) => {
          const jpeg = await p.evaluate(async () => {
            const canvas = new OffscreenCanvas(800, 600);
            const g = canvas.getContext('2d')!;
            g.fillStyle = '#f4f1ea';
            g.fillRect(0, 0, 800, 600);
            g.fillStyle = '#222';
            g.fillText('Receipt notice', 40, 60);
            const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer());
            return Array.from(bytes);
          });
          await p.locator('[data-testid="docs-picker"]').setInputFiles({ name: 'receipt.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg) });
          await p.locator('.docs-item').first().waitFor();
        },
        onStep: (step) => audit(page, `${locale.code} request step ${step}`, findings),
      });
      // Submitted with no connection to the server: handed over, waiting.
      const puts = /\/api\/v1\/requests\//;
      await context.route(puts, (route) => route.abort('internetdisconnected'));
      await page.locator('form.rq-form button[type="submit"]').click();
      await page.waitForFunction(() => !document.querySelector('form.rq-form'));
      await waitForScreen(page);
      await audit(page, `${locale.code} request handed over`, findings);
      await navigateInApp(page, '/requests/status');
      await audit(page, `${locale.code} request status, waiting`, findings);
      await navigateInApp(page, '/requests');
      await audit(page, `${locale.code} request list with a request waiting`, findings);
      await context.unroute(puts);
      await page.locator('.outbox button.button--primary').first().click();
      await page.locator('.outbox__item--delivered').waitFor({ timeout: 30_000 });
      await audit(page, `${locale.code} request list with a request delivered`, findings);
    } finally {
      await context.close();
    }
    expect(findings, report(findings)).toEqual([]);
    for (const step of ['about-you', 'helper', 'case', 'contacts', 'documents', 'consent', 'review']) {
      expect(audited).toContain(`${locale.code} request step ${step}`);
    }
  }, 240_000);
});
