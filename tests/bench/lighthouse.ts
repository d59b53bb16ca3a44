/**
 * Lighthouse 12 (npm) against the home and guide pages: mobile preset
 * (Lighthouse's default config: Moto G Power screen, simulated slow 4G and
 * 4x CPU), performance, accessibility and best practices. Each page is
 * audited `runs` times on a fresh profile state (Lighthouse clears the
 * origin's storage first, so every run is a first visit); per page the
 * median of each figure is taken, then the lower score (and the higher
 * LCP/TBT) of the two pages is reported.
 */
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../e2e/harness';
import { launchDebuggableChromium } from './chromium';
import { BenchError, median, withTimeout } from './util';

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
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
  return lhr;
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

export async function benchLighthouse(options: { baseUrl: string; runs: number; log?: (line: string) => void }): Promise<LighthouseFigures> {
  const log = options.log ?? (() => {});
  // Lighthouse connects to the Chromium started here; should it look for one itself, it finds the same.
  process.env.CHROME_PATH ??= CHROMIUM;
  const chromium = await launchDebuggableChromium();
  try {
    const pages: LighthouseFigures['pages'] = {};
    for (const path of ['/', '/guide']) {
      const runs: Lhr[] = [];
      for (let i = 0; i < options.runs; i++) {
        const lhr = await auditOnce(options.baseUrl + path, chromium.port);
        runs.push(lhr);
        log(
          `lighthouse ${path} #${i + 1}: perf ${score(lhr, 'performance')} a11y ${score(lhr, 'accessibility')} bp ${score(lhr, 'best-practices')}`,
        );
      }
      pages[path] = {
        performance: median(runs.map((r) => score(r, 'performance'))),
        accessibility: median(runs.map((r) => score(r, 'accessibility'))),
        bestPractices: median(runs.map((r) => score(r, 'best-practices'))),
        lcpMs: median(runs.map((r) => r.audits['largest-contentful-paint']?.numericValue ?? Number.NaN)),
        tbtMs: median(runs.map((r) => r.audits['total-blocking-time']?.numericValue ?? Number.NaN)),
        failing: [...new Set(runs.flatMap(failing))],
      };
    }
    const all = Object.values(pages);
    return {
      performance: Math.min(...all.map((p) => p.performance)),
      accessibility: Math.min(...all.map((p) => p.accessibility)),
      bestPractices: Math.min(...all.map((p) => p.bestPractices)),
      lcpMs: Math.max(...all.map((p) => p.lcpMs)),
      tbtMs: Math.max(...all.map((p) => p.tbtMs)),
      pages,
    };
  } finally {
    await chromium.stop();
  }
}
