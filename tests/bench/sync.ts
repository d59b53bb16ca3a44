/**
 * sync.flush200Ms — 200 queued requests delivered from the page to the
 * local server through the app's own flush, started by its "Send now"
 * button.
 *
 * Each run, in a fresh browser profile:
 *  1. the app opens on /requests with an empty outbox (its start-up flush
 *     has nothing to send), PUTs to /api/v1/requests/ cut;
 *  2. 200 full requests are queued by the app's real submit path (draft →
 *     markSubmitted → submitDraft: validate, server key, seal, store), run
 *     from the bench bundle in a second page of the origin (bundle.ts); the
 *     app's list hears of each and shows them; the bench waits until all
 *     200 are listed and no flush holds the lock, then restores the network;
 *  3. the clock starts at the click on "Send now" (in the page) and stops
 *     at the first frame where the button's result says everything was sent;
 *     the outbox must then hold 200 delivered records.
 *     While no screen of the app shows the button, the bench calls the
 *     function the button calls (sendNow) from a page of the origin and
 *     times that call instead; details.json says which was timed.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { newContext } from '../e2e/harness';
import { callBench, openBenchPage, buildBenchBundle } from './bundle';
import { BenchError, keptRuns, median, pollUntil, round, withTimeout } from './util';

export interface SyncFigures {
  flush200Ms: number;
  runsMs: number[];
  /** sync.queue200Ms: the 200 submissions, one after another, as an officer's day makes them. */
  queue200Ms: number;
  queueRunsMs: number[];
  /** From the median queueing run: ms per request in each step of a submission. */
  queuePerRequestMs: Record<string, number>;
  failedRuns: string[];
  /** False while no screen shows "Send now": the bench then calls the same function the button calls. */
  viaButton: boolean;
}

const COUNT = 200;
const PUTS = /\/api\/v1\/request(s\/|-batch)/;

function englishMessage(id: string): string {
  const messages = JSON.parse(readFileSync('locales/en/messages.json', 'utf8')) as Record<string, string>;
  const text = messages[id];
  if (!text) throw new BenchError(`no English message "${id}": the outbox screen changed, update tests/bench/sync.ts`);
  return text;
}

/** Until no flush (page or worker) holds the app's flush lock. */
async function flushLockFree(page: Page): Promise<void> {
  await pollUntil(
    async () => {
      const busy = await page.evaluate(async () => ((await navigator.locks.query()).held ?? []).some((l) => l.name === 'ombuds-flush'));
      return busy ? undefined : true;
    },
    120_000,
    "the app's own flush finishing",
  );
}

async function syncOnce(
  browser: Browser,
  baseUrl: string,
  labels: { sendNow: string; done: string },
): Promise<{ ms: number; queueMs: number; perRequest: Record<string, number>; viaButton: boolean }> {
  const context = await newContext(browser);
  try {
    await context.route(PUTS, (route) => route.abort('internetdisconnected'));
    // The app first, with an empty outbox, so its start-up flush has nothing to try.
    const page = await context.newPage();
    await page.goto(`${baseUrl}/requests`);
    await page.locator('main h1').waitFor();
    await flushLockFree(page);

    const seed = await context.newPage();
    await openBenchPage(seed, baseUrl);
    const t0 = Date.now();
    const { ids, phases } = await withTimeout(callBench(seed, 'queueRequests', COUNT), 240_000, `queueing ${COUNT} requests`);
    const queueMs = Date.now() - t0;
    if (ids.length !== COUNT) throw new BenchError(`queued ${ids.length} of ${COUNT} requests`);
    const parts = await callBench(seed, 'submitParts', 20);
    await seed.close();
    const perRequest: Record<string, number> = {};
    for (const [phase, ms] of Object.entries(phases)) perRequest[phase] = round(ms / COUNT, 2);
    perRequest['submitDraft: server key'] = round(parts.keyMs / 20, 2);
    perRequest['submitDraft: seal'] = round(parts.sealMs / 20, 2);

    const button = page.getByRole('button', { name: labels.sendNow, exact: true });
    const hasButton = await button
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (hasButton) {
      // Until the list shows every request: the click then meets an idle page.
      await page.locator('.outbox__item').nth(COUNT - 1).waitFor({ timeout: 120_000 });
    }
    await flushLockFree(page);
    await context.unroute(PUTS);
    let ms: number;
    if (hasButton) {
      await page.evaluate(() => {
        document.addEventListener('click', () => ((window as unknown as { __benchClick?: number }).__benchClick ??= performance.now()), {
          capture: true,
          once: true,
        });
      });
      await button.click();
      const handle = await page.waitForFunction(
        (done) => {
          const result = document.querySelector('.outbox__result')?.textContent?.trim() ?? '';
          const start = (window as unknown as { __benchClick?: number }).__benchClick;
          if (result === done && start !== undefined) return performance.now() - start;
          return result && result !== done ? `result: ${result}` : 0;
        },
        labels.done,
        { polling: 'raf', timeout: 240_000 },
      );
      const value = (await handle.jsonValue()) as number | string;
      if (typeof value === 'string') throw new BenchError(`"${labels.sendNow}" ended with ${value}`);
      ms = value;
    } else {
      // No screen shows the button yet: the same call the button makes, from the app's origin.
      await page.close();
      const direct = await context.newPage();
      await openBenchPage(direct, baseUrl);
      const r = await withTimeout(callBench(direct, 'sendNowTimed'), 240_000, 'Send now (direct call)');
      if (r.delivered !== COUNT) throw new BenchError(`Send now delivered ${r.delivered} of ${COUNT} (${r.waiting} waiting, ${r.needsAttention} need attention)`);
      ms = r.ms;
    }
    const check = await context.newPage();
    await openBenchPage(check, baseUrl);
    const states = await callBench(check, 'outboxStates');
    if (states.delivered !== COUNT) throw new BenchError(`after "${labels.sendNow}": ${JSON.stringify(states)}, expected ${COUNT} delivered`);
    return { ms, queueMs, perRequest, viaButton: hasButton };
  } finally {
    await context.close();
  }
}

export async function benchSync(options: { browser: Browser; baseUrl: string; runs: number; log?: (line: string) => void }): Promise<SyncFigures> {
  const log = options.log ?? (() => {});
  await buildBenchBundle();
  const labels = { sendNow: englishMessage('outbox.sendNow'), done: englishMessage('outbox.sendNow.done') };
  let viaButton = true;
  const { results, failed } = await keptRuns(options.runs, 'sync run', log, async (i) => {
    const r = await withTimeout(syncOnce(options.browser, options.baseUrl, labels), 300_000, `sync run ${i + 1}`);
    viaButton &&= r.viaButton;
    log(`sync #${i + 1}: ${Math.round(r.ms)} ms to deliver ${COUNT} (queued in ${r.queueMs} ms)${r.viaButton ? '' : ' — no "Send now" on /requests yet: called sendNow() directly'}`);
    log(`  per request while queueing: ${Object.entries(r.perRequest).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
    return r;
  });
  const runsMs = results.map((r) => r.ms);
  const mid = [...results].sort((a, b) => a.queueMs - b.queueMs)[results.length >> 1]!;
  return {
    flush200Ms: median(runsMs),
    runsMs,
    queue200Ms: median(results.map((r) => r.queueMs)),
    queueRunsMs: results.map((r) => r.queueMs),
    failedRuns: failed,
    queuePerRequestMs: mid.perRequest,
    viaButton,
  };
}
