/**
 * The app as the bench serves it: a copy of dist/ in .bench/app with one
 * page added, /bench-baseline.html, a one-line document that runs no app
 * code. The copy's worker precaches it beside the app's files, so offline
 * reloads of the app and of the yardstick come from the same precache; the
 * storage and sync parts load their bundle into it, as a page of the app's
 * origin that starts no autosave or flush of its own. Only the copy has it:
 * nothing test-only ships in dist/ (tests/e2e/budgets.test.ts checks).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir } from '../e2e/harness';
import { BenchError } from './util';

export const BASELINE_PATH = '/bench-baseline.html';
const OUT_DIR = '.bench/app';
const BASELINE_HTML =
  '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Baseline</title><p>A one-line page: the bench compares offline reloads of the app with this.</p></html>';

/** Where the precache list names index.html; workbox writes each entry as {"revision":…,"url":…}. */
const INDEX_ENTRY = /\{"revision":"[0-9a-f]+","url":"index\.html"\}/;

export function prepareBenchDist(dist = 'dist'): string {
  if (!existsSync(join(dist, 'sw.js'))) throw new BenchError(`${dist}/sw.js is missing: run npm run build`);
  removeDir(OUT_DIR);
  cpSync(dist, OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, BASELINE_PATH), BASELINE_HTML);
  const sw = readFileSync(join(OUT_DIR, 'sw.js'), 'utf8');
  const index = INDEX_ENTRY.exec(sw);
  if (!index) throw new BenchError('the worker has no precache entry for index.html to put the baseline page beside');
  const revision = createHash('md5').update(BASELINE_HTML).digest('hex');
  const entry = JSON.stringify({ revision, url: BASELINE_PATH.slice(1) });
  writeFileSync(join(OUT_DIR, 'sw.js'), sw.replace(index[0], `${entry},${index[0]}`));
  return OUT_DIR;
}
