/**
 * `npm start` builds the app first when dist/ is missing or older than the
 * sources, so a fresh clone needs only `npm install && npm start`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let max = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    max = Math.max(max, st.isDirectory() ? newest(full) : st.mtimeMs);
  }
  return max;
}

const built =
  existsSync('dist/index.html') && existsSync('build/server/main.mjs')
    ? Math.min(statSync('dist/sw.js', { throwIfNoEntry: false })?.mtimeMs ?? 0, statSync('build/server/main.mjs').mtimeMs)
    : 0;
const sources = Math.max(newest('src'), newest('locales'), newest('public'), statSync('index.html').mtimeMs, statSync('vite.config.ts').mtimeMs);
if (!built || sources > built) {
  console.log('Building the app (dist/ is missing or older than the sources)…');
  execSync('npm run build', { stdio: 'inherit' });
}
