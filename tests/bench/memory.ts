/**
 * memory.jsHeapMb — the page's used JavaScript heap (CDP Runtime.getHeapUsage
 * after HeapProfiler.collectGarbage) once a person has been everywhere in
 * one visit, all in-app (no reload resets the heap): home, the guide, the
 * screener walked to a result, settings, a full request filled in through
 * the form's every step up to review, and home again. Median over runs
 * (heap sizes barely move between runs, so at most 3 runs are made).
 */
import type { Browser } from 'playwright-core';
import { newContext } from '../e2e/harness';
import { fillWholeRequest, navigateInApp } from './form-fill';
import { pathsToOutcomes, walkScreener } from './screener-ui';
import { median, withTimeout } from './util';

export interface MemoryFigures {
  jsHeapMb: number;
  runsMb: number[];
}

const MB = 1024 * 1024;

async function memoryOnce(browser: Browser, baseUrl: string): Promise<number> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.locator('main h1').waitFor();
    await navigateInApp(page, '/guide', '.guide-section');
    await navigateInApp(page, '/screener', 'form.screener-step');
    const path = pathsToOutcomes().find((p) => p.kind === 'may-help') ?? pathsToOutcomes()[0]!;
    await walkScreener(page, path);
    await navigateInApp(page, '/settings');
    await navigateInApp(page, '/requests');
    await fillWholeRequest(page);
    await navigateInApp(page, '/');
    const cdp = await context.newCDPSession(page);
    // Twice: the first pass can leave objects that only a second one frees (weak maps, finalizers).
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach().catch(() => {});
    return usedSize / MB;
  } finally {
    await context.close();
  }
}

export async function benchMemory(options: { browser: Browser; baseUrl: string; runs: number; log?: (line: string) => void }): Promise<MemoryFigures> {
  const log = options.log ?? (() => {});
  const runsMb: number[] = [];
  for (let i = 0; i < Math.min(3, options.runs); i++) {
    const mb = await withTimeout(memoryOnce(options.browser, options.baseUrl), 150_000, `memory run ${i + 1}`);
    runsMb.push(mb);
    log(`memory #${i + 1}: ${mb.toFixed(2)} MB used JS heap`);
  }
  return { jsHeapMb: median(runsMb), runsMb };
}
