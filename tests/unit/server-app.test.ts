import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createApp } from '../../src/server/app';
import type { AppDeps } from '../../src/server/types';
import { openIntake } from '../../src/server/intake-setup';
import { readSettings } from '../../src/server/settings';
import { cacheControlFor } from '../../src/server/static-files';

// The stylesheet the build writes into the documents: the CSP names it by its hash.
const INLINE_CSS = 'body{margin:0}';
const INLINE_CSS_SOURCE = `'sha256-${createHash('sha256').update(INLINE_CSS).digest('base64')}'`;

let dir: string;
let deps: Omit<AppDeps, 'now'>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ombuds-app-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), `<!doctype html><title>shell</title><style>${INLINE_CSS}</style>` + ' '.repeat(600));
  writeFileSync(join(dist, 'guide.html'), '<!doctype html><title>shell asking for the guide</title>' + ' '.repeat(600));
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch",()=>{})');
  writeFileSync(join(dist, 'assets', 'index-AbCdEf12.js'), 'console.log(1)'.repeat(100));
  const settings = readSettings({ DATA_DIR: join(dir, 'data'), DIST_DIR: dist, ORGANIZATION_NAME: 'Test Org', MAX_JSON_BYTES: '1024' });
  deps = await openIntake(settings, {});
  app = createApp(deps);
});

afterAll(async () => {
  await deps.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the intake server', () => {
  it('answers health with the security headers', async () => {
    const res = await app.request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
    expect(res.headers.get('content-security-policy')).toBe(
      `default-src 'self'; script-src 'self'; style-src 'self' ${INLINE_CSS_SOURCE}; img-src 'self' data: blob:; font-src 'self'; ` +
        "connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; media-src 'self' blob:; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('permissions-policy')).toBe('camera=(self), microphone=(), geolocation=()');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('runs SQLite in WAL mode with full durability', async () => {
    expect(await deps.db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await deps.db.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
  });

  it('answers unknown API routes with JSON 404', async () => {
    for (const path of ['/api/v1/nope', '/api/nope', '/api/v2/health']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'not_found' });
    }
  });

  it('serves the shell for app paths, and 404 for missing files', async () => {
    for (const path of ['/', '/guide', '/requests/abc', '/settings']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toBeTruthy();
    }
    expect((await app.request('/missing.js')).status).toBe(404);
    expect((await app.request('/%E0%A4%A')).status).toBe(404);
  });

  it("allows blob: workers on the applicant app's pages, not on the office console's", async () => {
    const workers = (res: Response) => /worker-src [^;]*/.exec(res.headers.get('content-security-policy')!)![0];
    for (const path of ['/', '/guide', '/requests/abc', '/staffing']) expect(workers(await app.request(path)), path).toBe("worker-src 'self' blob:");
    for (const path of ['/staff', '/staff/requests/abc', '/staff.html']) expect(workers(await app.request(path)), path).toBe("worker-src 'self'");
  });

  it("answers a route with the build's own page for it, where there is one", async () => {
    expect(await (await app.request('/guide')).text()).toContain('shell asking for the guide');
    for (const path of ['/', '/requests/abc', '/guide/more']) expect(await (await app.request(path)).text()).toContain('<title>shell</title>');
  });

  it('marks hashed assets immutable and the worker no-cache', async () => {
    expect((await app.request('/assets/index-AbCdEf12.js')).headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/sw.js')).headers.get('cache-control')).toBe('no-cache');
    expect(cacheControlFor('/index.html')).toBe('no-cache');
    expect(cacheControlFor('/manifest.webmanifest')).toBe('no-cache');
  });

  it('compresses text for clients that accept it and honours ETags', async () => {
    const res = await app.request('/assets/index-AbCdEf12.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    const again = await app.request('/assets/index-AbCdEf12.js', { headers: { 'If-None-Match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it.each([
    ['gzip, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0.1', 'gzip'],
    ['GZIP;q=1, br;q=0.9', 'gzip'],
    ['identity;q=0, *', 'br'],
    ['*;q=0.2, br;q=0', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['*;q=0, identity', null],
    ['deflate', null],
    ['', null],
  ])('honours Accept-Encoding q-values: %j gets %s', async (accept, encoding) => {
    const res = await app.request('/assets/index-AbCdEf12.js', { headers: accept ? { 'Accept-Encoding': accept } : {} });
    expect(res.headers.get('content-encoding')).toBe(encoding);
    const body = Buffer.from(await res.arrayBuffer());
    const plain = encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
    expect(plain.toString()).toBe('console.log(1)'.repeat(100));
  });

  it('listens on loopback unless HOST says otherwise', () => {
    expect(readSettings({}).host).toBe('127.0.0.1');
    expect(readSettings({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('hands the page its public settings from the environment', async () => {
    const res = await app.request('/config.json');
    expect(await res.json()).toMatchObject({ organizationName: 'Test Org', apiBase: '/api/v1', defaultLocale: 'en', eventIdleSeconds: 180 });
  });

  it('refuses oversized bodies with 413 and survives malformed input', async () => {
    const big = await app.request('/api/v1/health', { method: 'POST', body: 'x'.repeat(20 * 1024 * 1024), headers: { 'Content-Type': 'application/json' } });
    expect(big.status).toBe(413);
    const junk = await app.request('/api/v1/nope', { method: 'PUT', body: '\u0000{{{', headers: { 'Content-Type': 'application/json' } });
    expect(junk.status).toBe(404);
    expect((await app.request('/api/v1/health')).status).toBe(200);
  });
});
