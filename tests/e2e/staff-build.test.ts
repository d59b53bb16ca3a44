import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { measureBuild } from '../bench/sizes';

// The office console ships in the same build as the applicant's app but
// must never reach an applicant's device: nothing the applicant's page or
// worker loads may point at it, and the worker must not keep it.
const DIST = 'dist';

function assetNames(): Set<string> {
  return new Set(readdirSync(join(DIST, 'assets')).map((f) => `assets/${f}`));
}

/** Every built file reachable from `start` by any reference (static or dynamic import, preload list, link). */
function reachable(start: readonly string[]): Set<string> {
  const assets = assetNames();
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(js|html|css)$/.test(file)) continue;
    const text = readFileSync(join(DIST, file), 'utf8');
    for (const m of text.matchAll(/[\w.-]+\.(?:js|css)\b/g)) {
      const name = `assets/${m[0]}`;
      if (assets.has(name) && !seen.has(name)) queue.push(name);
    }
  }
  return seen;
}

describe('the office console in the build', () => {
  it('is its own page with its own chunks', () => {
    expect(existsSync(join(DIST, 'staff.html'))).toBe(true);
    const staff = reachable(['staff.html']);
    expect([...staff].filter((f) => /^assets\/staff-.*\.js$/.test(f)).length).toBeGreaterThan(0);
    expect([...staff].some((f) => f.endsWith('.css'))).toBe(true);
    // Not offered for installing as the applicant's app.
    expect(readFileSync(join(DIST, 'staff.html'), 'utf8')).not.toContain('rel="manifest"');
  });

  it('is never referenced by anything the applicant’s page or worker loads', () => {
    const applicant = reachable(['index.html', 'sw.js']);
    // The walk does find the applicant's lazy screens (the request form and its messages).
    expect([...applicant].some((f) => /RequestsView-.*\.js$/.test(f))).toBe(true);
    expect([...applicant].filter((f) => /staff/i.test(f))).toEqual([]);
    // The console's own API appears only in console code.
    const carrying = [...applicant].filter((f) => readFileSync(join(DIST, f), 'utf8').includes('/api/v1/office'));
    expect(carrying).toEqual([]);
  });

  it('is not in the worker’s precache, and the worker’s navigation fallback leaves /staff to the network', () => {
    const { precacheFiles } = measureBuild(DIST);
    expect(precacheFiles).toContain('index.html');
    expect(precacheFiles.filter((f) => /staff/i.test(f))).toEqual([]);
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    expect(sw).toContain('^\\/staff(?:\\/|$)');
  });
});
