/**
 * storage.autosaveP95Ms / rawPutP95Ms — the request editor's autosave
 * (createAutosaver → saveDraft: one readwrite transaction that reads the
 * stored copy for the conflict check and puts the new one, then tells other
 * tabs) against a plain idb `put` of the same record into the same store,
 * in Chromium's real IndexedDB, 200 of each interleaved. Each round gives a
 * p95 per kind; the figures are medians over the rounds.
 */
import type { Browser } from 'playwright-core';
import { newContext } from '../e2e/harness';
import { callBench, openBenchPage } from './bundle';
import { median, percentile, withTimeout } from './util';

export interface StorageFigures {
  autosaveP95Ms: number;
  rawPutP95Ms: number;
  autosaveRatio: number;
  formBytes: number;
}

export async function benchStorage(options: { browser: Browser; baseUrl: string; runs: number; count?: number; log?: (line: string) => void }): Promise<StorageFigures> {
  const log = options.log ?? (() => {});
  const count = options.count ?? 200;
  const context = await newContext(options.browser);
  try {
    const page = await context.newPage();
    await openBenchPage(page, options.baseUrl);
    // One unmeasured round: opens the database, warms the JIT.
    await withTimeout(callBench(page, 'storageRound', 20), 60_000, 'storage warm-up');
    const autosave: number[] = [];
    const raw: number[] = [];
    let formBytes = 0;
    for (let i = 0; i < options.runs; i++) {
      const round = await withTimeout(callBench(page, 'storageRound', count), 120_000, `storage round ${i + 1}`);
      autosave.push(percentile(round.autosaveMs, 95));
      raw.push(percentile(round.rawPutMs, 95));
      formBytes = round.formBytes;
      log(`storage #${i + 1}: autosave p95 ${autosave.at(-1)!.toFixed(2)} ms, raw put p95 ${raw.at(-1)!.toFixed(2)} ms`);
    }
    const autosaveP95Ms = median(autosave);
    const rawPutP95Ms = median(raw);
    return { autosaveP95Ms, rawPutP95Ms, autosaveRatio: autosaveP95Ms / rawPutP95Ms, formBytes };
  } finally {
    await context.close();
  }
}
