/**
 * Lighthouse 12 (npm) against the home and guide pages: mobile preset
 * (Lighthouse's default config: Moto G Power screen, simulated slow 4G and
 * 4x CPU), performance, accessibility and best practices. Each page is
 * audited `runs` times on a fresh profile state (Lighthouse clears the
 * origin's storage first, so every run is a first visit); per page the
 * median of each figure is taken, then the lower score (and the higher
 * LCP/TBT) of the two pages is reported.
 *
 * The yardstick: the home screen of a one-screen Preact page with a
 * vite-plugin-pwa worker (baseline-app.ts), served by a second instance of
 * the same server, audited in the same rounds (baseline, home, guide, then
 * again), so drift in the machine's load hits all three alike.
 * lighthouse.guideLcpRatio is the guide's median LCP over the yardstick's;
 * lighthouse.guideTbtOverMs the guide's median TBT less the yardstick's.
 *
 * A run whose trace Lighthouse could not use (NO_NAVSTART, NO_FCP and the
 * like: a runtimeError, common on a loaded machine) is tried again, twice
 * at most; a page whose every run failed leaves its figures out and the
 * others stand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../e2e/harness';
import { launchDebuggableChromium } from './chromium';
import { BenchError, median, shortMessage, withTimeout } from './util';

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  baselineLcpMs: number | null;
  baselineTbtMs: number | null;
  guideLcpRatio: number | null;
  guideTbtOverMs: number | null;
  /** Set when some page had no successful run. */
  incomplete: string | null;
  failedRuns: string[];
  /** Per page, for the table and for finding what cost points. */
  pages: Record<string, { performance: number; accessibility: number; bestPractices: number; lcpMs: number; tbtMs: number; failing: string[] }>;
}

interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode?: string; title?: string }>;
  runtimeError?: { code: string; message: string };
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

async function auditOnce(url: string, port: number): Promise<Lhr> {
  const result = await withTimeout(
    lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }),
    120_000,
    `Lighthouse on ${url}`,
  );
  const lhr = result?.lhr as unknown as Lhr | undefined;
  if (!lhr) throw new BenchError(`Lighthouse returned no result for ${url}`);
  if (lhr.runtimeError) throw new BenchError(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  for (const id of ['largest-contentful-paint', 'total-blocking-time']) {
    if (!Number.isFinite(lhr.audits[id]?.numericValue)) throw new BenchError(`Lighthouse on ${url} measured no ${id}`);
  }
  return lhr;
}

const TRIES = 3;

/**
 * Every report, whole, in .bench/lighthouse/ (`guide-2.json` and the like):
 * its long-tasks, bootup-time and mainthread-work-breakdown audits say
 * which script or which layout the blocking time was.
 */
function keepReport(page: string, run: number, lhr: Lhr): void {
  mkdirSync('.bench/lighthouse', { recursive: true });
  const slug = page.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '') || 'home';
  writeFileSync(`.bench/lighthouse/${slug}-${run + 1}.json`, JSON.stringify(lhr));
}

/** One audit, tried again when the trace was unusable. */
async function audit(url: string, port: number, log: (line: string) => void): Promise<Lhr> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditOnce(url, port);
    } catch (err) {
      if (attempt >= TRIES) throw err;
      log(`lighthouse ${url}: ${shortMessage(err)} — trying again (${attempt + 1} of ${TRIES})`);
    }
  }
}

const score = (lhr: Lhr, id: string) => {
  const s = lhr.categories[id]?.score;
  if (s === null || s === undefined) throw new BenchError(`Lighthouse gave no ${id} score`);
  return Math.round(s * 100);
};

/** Audits that cost points (weighted, score below 1), for the table's notes. */
function failing(lhr: Lhr): string[] {
  const out = new Set<string>();
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) out.add(ref.id);
    }
  }
  return [...out];
}

type PageFigures = LighthouseFigures['pages'][string];

function summarize(runs: Lhr[]): PageFigures {
  return {
    performance: median(runs.map((r) => score(r, 'performance'))),
    accessibility: median(runs.map((r) => score(r, 'accessibility'))),
    bestPractices: median(runs.map((r) => score(r, 'best-practices'))),
    lcpMs: median(runs.map((r) => r.audits['largest-contentful-paint']!.numericValue!)),
    tbtMs: median(runs.map((r) => r.audits['total-blocking-time']!.numericValue!)),
    failing: [...new Set(runs.flatMap(failing))],
  };
}

export async function benchLighthouse(options: {
  baseUrl: string;
  baselineUrl: string | null;
  runs: number;
  log?: (line: string) => void;
}): Promise<LighthouseFigures> {
  const log = options.log ?? (() => {});
  // Lighthouse connects to the Chromium started here; should it look for one itself, it finds the same.
  process.env.CHROME_PATH ??= CHROMIUM;
  const chromium = await launchDebuggableChromium();
  try {
    const targets: [string, string][] = [
      ...(options.baselineUrl ? ([['baseline /', options.baselineUrl + '/']] as [string, string][]) : []),
      ['/', options.baseUrl + '/'],
      ['/guide', options.baseUrl + '/guide'],
    ];
    const runs = new Map<string, Lhr[]>(targets.map(([name]) => [name, []]));
    const failed: string[] = [];
    for (let i = 0; i < options.runs; i++) {
      for (const [name, url] of targets) {
        try {
          const lhr = await audit(url, chromium.port, log);
          runs.get(name)!.push(lhr);
          keepReport(name, i, lhr);
          const a = lhr.audits;
          log(
            `lighthouse ${name} #${i + 1}: perf ${score(lhr, 'performance')} a11y ${score(lhr, 'accessibility')} bp ${score(lhr, 'best-practices')}, ` +
              `LCP ${Math.round(a['largest-contentful-paint']!.numericValue!)} ms, TBT ${Math.round(a['total-blocking-time']!.numericValue!)} ms`,
          );
        } catch (err) {
          failed.push(`${name} #${i + 1}: ${shortMessage(err)}`);
          log(`FAILED lighthouse ${name} #${i + 1}: ${shortMessage(err)}`);
        }
      }
    }
    const pages: LighthouseFigures['pages'] = {};
    for (const [name, lhrs] of runs) if (lhrs.length) pages[name] = summarize(lhrs);
    const app = ['/', '/guide'].map((p) => pages[p]).filter((p): p is PageFigures => !!p);
    if (!app.length) throw new BenchError(`no Lighthouse run of the app succeeded:\n${failed.join('\n')}`);
    const baseline = pages['baseline /'];
    const guide = pages['/guide'];
    return {
      performance: Math.min(...app.map((p) => p.performance)),
      accessibility: Math.min(...app.map((p) => p.accessibility)),
      bestPractices: Math.min(...app.map((p) => p.bestPractices)),
      lcpMs: Math.max(...app.map((p) => p.lcpMs)),
      tbtMs: Math.max(...app.map((p) => p.tbtMs)),
      baselineLcpMs: baseline?.lcpMs ?? null,
      baselineTbtMs: baseline?.tbtMs ?? null,
      guideLcpRatio: baseline && guide ? guide.lcpMs / baseline.lcpMs : null,
      guideTbtOverMs: baseline && guide ? guide.tbtMs - baseline.tbtMs : null,
      // Complete only with every page: a missing one is a failure to report, after the figures that stand.
      incomplete: failed.length && targets.some(([name]) => !pages[name]) ? `no run of ${targets.filter(([n]) => !pages[n]).map(([n]) => n).join(', ')}` : null,
      pages,
      failedRuns: failed,
    };
  } finally {
    await chromium.stop();
  }
}
