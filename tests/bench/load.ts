/**
 * Loading figures, in Debian's Chromium through Playwright and CDP.
 *
 * load.slow3gMs — a first visit (fresh browser context: no HTTP cache, no
 * service worker) to `/` on an emulated slow 3G link: 400 kbit/s down and
 * up, 400 ms round trip (CDP Network.emulateNetworkConditions) and a 4x
 * slower CPU (Emulation.setCPUThrottlingRate). The clock runs from
 * navigation start (performance.timeOrigin) until the home screen is
 * interactive: its <h1> has been rendered and painted, and the main thread
 * is quiet — no long task (> 50 ms) for a full second after. The figure is
 * the later of the paint and the end of the last long task, as Lighthouse
 * defines Time to Interactive (with a 1 s quiet window instead of 5 s: the
 * page makes no network requests in between that could end the quiet).
 *
 * load.slow3gLimitMs — the physical limit for the same page on that link:
 *
 *     limit = RTT × depth + bytes × 8 / 400 kbit/s
 *
 *   - No DNS (localhost) and no TLS (http). No TCP handshake either: a real
 *     link would charge one round trip for it, but Chrome's emulation adds
 *     its latency to each request, never to a connection, so the measured
 *     time holds no handshake and a limit with one would not be a limit
 *     (the measured time came out below it). Both sides count the same
 *     round trips; add 400 ms to both for a real first connection.
 *   - depth: the critical request chain, counted from the requests the page
 *     actually made before the home screen was painted. The document is depth 1;
 *     every other request is one more than the request that caused it,
 *     read from CDP's `initiator` (parser → the document or stylesheet that
 *     named it; script → the script at the top of the initiating stack;
 *     preload → the document). Each level costs at least one round trip,
 *     since a request cannot leave before its parent's bytes arrive.
 *   - bytes: every response to a request made before the home screen was
 *     painted (what the first render needed), as encoded on the wire (headers + compressed body: CDP
 *     Network.loadingFinished encodedDataLength), sent through the 400
 *     kbit/s bottleneck. Request bytes going up are left out (a few
 *     hundred bytes each, on a link as fast up as down).
 *   CPU time is not in the limit: it is what the ratio shows.
 *
 * load.offlineReloadMs / offlineBaselineMs — with the service worker in
 * control and the network cut (page and worker alike), a reload of /guide
 * that had finished loading (SETTLED: as a person reloads a page they have
 * been reading) until a paragraph of guide text is laid out with content, against a
 * reload of /bench-baseline.html — a one-line page the same worker answers
 * from the same precache (only in the bench's copy of the build,
 * bench-dist.ts) — until its paragraph is laid out. Both are measured in
 * the page (performance.now() at the first animation frame where the text
 * is there, watched from the document's start by an init script, and
 * reported as a console message), so the bench's own overhead is in
 * neither. Until 2026-12-07 the reload came in the frame the text first
 * showed, while the guide's app was still starting: a reload waits for the
 * old page's task in progress, so that measured the guide's boot against
 * a page with none. Those reloads are still made and reported beside
 * (offlineEarly…).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { goOffline, newContext, waitForController, waitForServiceWorker } from '../e2e/harness';
import { BASELINE_PATH } from './bench-dist';
import { BenchError, keptRuns, median, shortMessage, withTimeout } from './util';

export const SLOW3G = { rttMs: 400, kbitPerS: 400, cpuSlowdown: 4 } as const;
const BYTES_PER_S = (SLOW3G.kbitPerS * 1000) / 8;

/** Null where that part failed (its reason is in `problems`). */
export interface LoadFigures {
  slow3gMs: number | null;
  slow3gLimitMs: number | null;
  slow3gRatio: number | null;
  offlineReloadMs: number | null;
  offlineBaselineMs: number | null;
  offlineRatio: number | null;
  /**
   * The same reloads made in the frame each page's text first showed, before
   * the guide's app had started (its boot then delays the reload): reported
   * beside the figures above, not instead of them.
   */
  offlineEarlyReloadMs: number | null;
  offlineEarlyBaselineMs: number | null;
  /** From the median slow-3G run: what the limit was made of. */
  slow3gBytes: number | null;
  slow3gDepth: number | null;
  slow3gRequests: number | null;
  /** The requests the first render needed, with their bytes and chain depth. */
  slow3gFiles: string[];
  /** Runs or parts that failed; the figures above stand without them. */
  problems: string[];
}

interface SentRequest {
  id: string;
  url: string;
  startedAt: number;
  initiator: { type: string; url?: string; stack?: StackTrace };
  bytes?: number;
  /** The request failed or was cancelled (loadingFailed). */
  abandoned?: boolean;
}

interface StackTrace {
  callFrames: { url: string }[];
  parent?: StackTrace;
}

/** Records in the page, from its very start, when the home <h1> was painted and when the last long task ended. */
const INTERACTIVE_PROBE = `(() => {
  const b = { h1: 0, painted: 0, lastLong: 0 };
  Object.defineProperty(window, '__benchLoad', { value: b });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.lastLong = Math.max(b.lastLong, e.startTime + e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const seen = () => {
    if (b.h1 || !document.querySelector('main h1')) return;
    b.h1 = performance.now();
    // After the next frame has been produced: the heading is on screen.
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { b.painted = performance.now(); };
      ch.port2.postMessage(0);
    });
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();`;

function stackTop(stack: StackTrace | undefined): string | undefined {
  for (let s = stack; s; s = s.parent) {
    const url = s.callFrames.find((f) => f.url)?.url;
    if (url) return url;
  }
  return undefined;
}

/** Depth of each request in the chain that caused it (document = 1). */
export function chainDepths(requests: readonly SentRequest[], documentUrl: string): Map<string, number> {
  const byUrl = new Map<string, number>();
  const depthOf = new Map<string, number>();
  for (const r of requests) {
    let parent: string | undefined;
    if (r.url === documentUrl) parent = undefined;
    else if (r.initiator.type === 'script') parent = stackTop(r.initiator.stack) ?? r.initiator.url;
    else parent = r.initiator.url ?? documentUrl;
    const depth = parent === undefined ? 1 : (byUrl.get(parent) ?? 1) + 1;
    depthOf.set(r.id, depth);
    if (!byUrl.has(r.url)) byUrl.set(r.url, depth);
  }
  return depthOf;
}

async function slow3gOnce(
  browser: Browser,
  baseUrl: string,
): Promise<{ ms: number; limitMs: number; bytes: number; depth: number; requests: number; files: string[] }> {
  const context = await newContext(browser);
  try {
    await context.addInitScript({ content: INTERACTIVE_PROBE });
    const page = await context.newPage();
    const cdp: CDPSession = await context.newCDPSession(page);
    const requests = new Map<string, SentRequest>();
    const order: SentRequest[] = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      // A redirect reuses the id: keep the first request.
      if (requests.has(e.requestId)) return;
      const r: SentRequest = { id: e.requestId, url: e.request.url, startedAt: e.timestamp, initiator: e.initiator as SentRequest['initiator'] };
      requests.set(e.requestId, r);
      order.push(r);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });
    // Failed or cancelled: nothing the first render used.
    cdp.on('Network.loadingFailed', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.abandoned = true;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW3G.rttMs,
      downloadThroughput: BYTES_PER_S,
      uploadThroughput: BYTES_PER_S,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW3G.cpuSlowdown });

    const url = `${baseUrl}/`;
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    const handle = await page.waitForFunction(
      () => {
        const b = (window as unknown as { __benchLoad?: { painted: number; lastLong: number } }).__benchLoad;
        if (!b || !b.painted) return 0;
        const at = Math.max(b.painted, b.lastLong);
        return performance.now() - at >= 1000 ? at : 0;
      },
      undefined,
      { polling: 100, timeout: 90_000 },
    );
    const ms = (await handle.jsonValue()) as number;
    const painted = (await page.evaluate(() => (window as unknown as { __benchLoad: { painted: number } }).__benchLoad.painted)) as number;
    // What the first render needed: the requests that started before the
    // home screen was painted (in the page's clock, from the document's
    // request). Later ones (other screens' messages, the worker) only cost
    // main-thread time, which the measured figure holds.
    const doc = order.find((r) => r.url === url);
    if (!doc) throw new BenchError('the slow-3G run saw no request for the document');
    // data: and blob: URLs (the formatting worker's code is written into
    // the app's, src/i18n/intl-warmup.ts) cross no link; a blob: worker's
    // load finishes in the worker's own session, which this one never sees.
    const needed = order.filter((r) => (r.startedAt - doc.startedAt) * 1000 <= painted && !/^(data|blob):/.test(r.url) && !r.abandoned);
    const unfinished = needed.filter((r) => r.bytes === undefined);
    if (unfinished.length) throw new BenchError(`requests still loading when the home screen was painted: ${unfinished.map((r) => r.url).join(', ')}`);
    const bytes = needed.reduce((n, r) => n + (r.bytes ?? 0), 0);
    const depths = chainDepths(needed, url);
    const depth = Math.max(...needed.map((r) => depths.get(r.id) ?? 1));
    const limitMs = SLOW3G.rttMs * depth + (bytes / BYTES_PER_S) * 1000;
    await cdp.detach().catch(() => {});
    const files = needed.map((r) => `${new URL(r.url).pathname} ${r.bytes} B, depth ${depths.get(r.id)}`);
    return { ms, limitMs, bytes, depth, requests: needed.length, files };
  } finally {
    await context.close();
  }
}

/**
 * Runs in every document from its start (an init script), so the first
 * frame is seen however soon it comes: a probe injected after the commit
 * starts late, and on a page as quick as the baseline that lateness was
 * most of what it measured. Each animation frame until the page's text is
 * laid out, then reports performance.now() of that frame as a console
 * message. The bench listens for that message rather than asking the page
 * (waitForFunction): asking makes Playwright evaluate its own script in
 * the new document, 10-20 ms of the page's main thread, and a trace showed
 * it landing before the guide's first paint but after the baseline's,
 * which put the bench's own cost in one side of the ratio (median of 13
 * reloads: guide 107 ms when asked, 92-95 ms when told).
 */
const TEXT_MARK = 'bench:text-visible';
const TEXT_PROBE = `(() => {
  const selector = location.pathname === '${BASELINE_PATH}' ? 'p' : '.guide-section p, .guide-section li';
  const look = () => {
    for (const el of document.querySelectorAll(selector)) {
      if ((el.textContent || '').trim() && el.getBoundingClientRect().height > 0) {
        console.debug('${TEXT_MARK}', performance.now());
        return;
      }
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

/**
 * A page done loading, as a person reloads it: its load event has fired,
 * the app (if it has one) has replaced the prerendered text, and no file
 * has come in for the last half second (the resource timing entries, each
 * written when its file is in). Checked from outside, every 100 ms, so the
 * wait adds nothing to either page's work. The same rule for both pages:
 * the one-line page meets it at once.
 */
const SETTLED = () => {
  if (document.readyState !== 'complete' || document.querySelector('[data-prerendered]')) return false;
  const files = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  return performance.now() - Math.max(0, ...files.map((f) => f.responseEnd)) >= 500;
};

/** Starts `navigate` and resolves with performance.now() at the first frame where the new page's text was laid out (TEXT_PROBE). */
async function textVisibleAfter(page: Page, navigate: () => Promise<unknown>): Promise<number> {
  const told = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(`${TEXT_MARK} `), timeout: 30_000 });
  await navigate();
  const at = Number((await told).text().slice(TEXT_MARK.length + 1));
  if (!Number.isFinite(at)) throw new BenchError('the text probe reported no time');
  return at;
}

interface OfflineRuns {
  /** Reloads of a page that had finished loading (SETTLED). */
  guide: number[];
  baseline: number[];
  /** Reloads in the frame the page's text first showed: the old page may still be starting its app. */
  early: { guide: number[]; baseline: number[] };
}

async function offlineRuns(browser: Browser, baseUrl: string, runs: number): Promise<OfflineRuns> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/guide`);
    await withTimeout(waitForServiceWorker(page), 60_000, 'service worker install');
    await page.reload();
    await waitForController(page);
    const cached = await page.evaluate(async (path) => {
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) if (new URL(req.url).pathname === path) return true;
      }
      return false;
    }, BASELINE_PATH);
    if (!cached) throw new BenchError(`${BASELINE_PATH} is not precached: the offline baseline needs it in the worker precache`);
    await goOffline(context);
    await context.addInitScript({ content: TEXT_PROBE });
    const guide: number[] = [];
    const baseline: number[] = [];
    const early: { guide: number[]; baseline: number[] } = { guide: [], baseline: [] };
    for (let i = 0; i < runs; i++) {
      // Alternate, so drift in machine load hits both alike.
      for (const [path, into, intoEarly] of [
        ['/guide', guide, early.guide],
        [BASELINE_PATH, baseline, early.baseline],
      ] as const) {
        await textVisibleAfter(page, () => page.goto(`${baseUrl}${path}`, { waitUntil: 'commit' }));
        intoEarly.push(await textVisibleAfter(page, () => page.reload({ waitUntil: 'commit' })));
        await page.waitForFunction(SETTLED, undefined, { polling: 100, timeout: 30_000 });
        into.push(await textVisibleAfter(page, () => page.reload({ waitUntil: 'commit' })));
      }
    }
    return { guide, baseline, early };
  } finally {
    await context.close();
  }
}

export async function benchLoad(options: { browser: Browser; baseUrl: string; runs: number; log?: (line: string) => void }): Promise<LoadFigures> {
  const log = options.log ?? (() => {});
  const problems: string[] = [];
  // Each half stands on its own: a failed slow-3G part keeps the offline figures, and the reverse.
  let slow: Awaited<ReturnType<typeof slow3gOnce>>[] = [];
  try {
    const kept = await keptRuns(options.runs, 'slow 3G', log, async (i) => {
      const r = await withTimeout(slow3gOnce(options.browser, options.baseUrl), 120_000, 'slow-3G first visit');
      log(`slow 3G #${i + 1}: ${Math.round(r.ms)} ms (limit ${Math.round(r.limitMs)} ms: ${r.bytes} B, depth ${r.depth}, ${r.requests} requests)`);
      return r;
    });
    slow = kept.results;
    problems.push(...kept.failed);
  } catch (err) {
    problems.push(shortMessage(err));
  }
  let offline: OfflineRuns | null = null;
  try {
    offline = await withTimeout(offlineRuns(options.browser, options.baseUrl, options.runs), 180_000, 'offline reloads');
    const ms = (xs: number[]) => `${xs.map(Math.round).join(', ')} ms`;
    log(`offline guide: ${ms(offline.guide)}; baseline: ${ms(offline.baseline)}`);
    log(`offline, reloaded at first text: guide ${ms(offline.early.guide)}; baseline: ${ms(offline.early.baseline)}`);
  } catch (err) {
    problems.push(`offline reloads: ${shortMessage(err)}`);
  }

  const slow3gMs = slow.length ? median(slow.map((r) => r.ms)) : null;
  const slow3gLimitMs = slow.length ? median(slow.map((r) => r.limitMs)) : null;
  const mid = slow.length ? [...slow].sort((a, b) => a.ms - b.ms)[slow.length >> 1]! : null;
  const offlineReloadMs = offline ? median(offline.guide) : null;
  const offlineBaselineMs = offline ? median(offline.baseline) : null;
  return {
    slow3gMs,
    slow3gLimitMs,
    slow3gRatio: slow3gMs !== null && slow3gLimitMs !== null ? slow3gMs / slow3gLimitMs : null,
    offlineReloadMs,
    offlineBaselineMs,
    offlineRatio: offlineReloadMs !== null && offlineBaselineMs !== null ? offlineReloadMs / offlineBaselineMs : null,
    offlineEarlyReloadMs: offline ? median(offline.early.guide) : null,
    offlineEarlyBaselineMs: offline ? median(offline.early.baseline) : null,
    slow3gBytes: mid?.bytes ?? null,
    slow3gDepth: mid?.depth ?? null,
    slow3gRequests: mid?.requests ?? null,
    slow3gFiles: mid?.files ?? [],
    problems,
  };
}
