import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeOfficeServer, type OfficeServer } from './office-helpers';

const servers: OfficeServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('the office console page', () => {
  it('serves staff.html for /staff and /staff/*, with the same strict headers, and the applicant shell elsewhere', async () => {
    const s = await makeOfficeServer();
    servers.push(s);
    // The server reads dist/ at start: write it, then start a second app on the same data.
    const dist = join(s.dir, 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>applicant shell</title>');
    writeFileSync(join(dist, 'staff.html'), '<!doctype html><title>office console</title>');
    const withDist = await makeOfficeServer({ DIST_DIR: dist });
    servers.push(withDist);
    const get = async (path: string) => {
      const res = await withDist.app.request(path);
      return { status: res.status, text: await res.text(), csp: res.headers.get('Content-Security-Policy'), cache: res.headers.get('Cache-Control') };
    };
    for (const path of ['/staff', '/staff/', '/staff/enrol', '/staff/requests/0b9f6f0e-2f4c-4d8e-9a51-3f1e2c7b8a90']) {
      const page = await get(path);
      expect([path, page.status, page.text]).toEqual([path, 200, '<!doctype html><title>office console</title>']);
      expect(page.csp).toContain("script-src 'self'");
      expect(page.cache).toBe('no-cache');
    }
    for (const path of ['/', '/guide', '/staffing', '/requests/new']) expect((await get(path)).text).toContain('applicant shell');
    expect((await get('/staff/missing.js')).status).toBe(404);
  });
});
