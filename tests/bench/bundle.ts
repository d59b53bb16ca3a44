/**
 * Builds tests/bench/browser/entry.ts — the app's real storage, form-model
 * and outbox modules — into one script with Vite's build API, and loads it
 * into a page. The page is /bench-baseline.html of the app's own origin
 * (only in the bench's copy of the build, bench-dist.ts): it runs no app
 * code, so the app's own triggers (autosave timers, outbox flushes) cannot
 * interfere, yet it shares the origin's IndexedDB and
 * service worker with the app. The script is evaluated over CDP, which the
 * page's CSP (script-src 'self') does not govern; nothing is added to the
 * production build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import type * as Entry from './browser/entry';
import { BASELINE_PATH } from './bench-dist';
import { BenchError } from './util';

const OUT_DIR = '.bench/browser';
const GLOBAL = '__ombudsBench';

export type BenchApi = typeof Entry;

let built: string | null = null;

export async function buildBenchBundle(): Promise<string> {
  if (built) return built;
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: OUT_DIR,
        emptyOutDir: true,
        target: 'es2020',
        minify: false,
        copyPublicDir: false,
        lib: { entry: 'tests/bench/browser/entry.ts', formats: ['iife'], name: GLOBAL, fileName: () => 'bench.js' },
      },
    });
  } catch (err) {
    throw new BenchError(`could not bundle the storage modules for the browser: ${(err as Error).message}`);
  }
  built = readFileSync(join(OUT_DIR, 'bench.js'), 'utf8');
  return built;
}

/** Opens the origin's one-line page and loads the bundle into it. */
export async function openBenchPage(page: Page, baseUrl: string): Promise<void> {
  const code = await buildBenchBundle();
  await page.goto(`${baseUrl}${BASELINE_PATH}`);
  await page.evaluate(code);
  const ok = await page.evaluate((name) => typeof (globalThis as Record<string, unknown>)[name] === 'object', GLOBAL);
  if (!ok) throw new BenchError('the bench bundle did not load in the page');
}

/** Calls one function of the bundle in the page. */
export async function callBench<K extends keyof BenchApi>(
  page: Page,
  name: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return page.evaluate(
    ([global, fn, rest]) => {
      const api = (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[global]!;
      return api[fn]!(...rest);
    },
    [GLOBAL, name as string, args as unknown[]] as const,
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}
