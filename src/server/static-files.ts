import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Context } from 'hono';
import { accepts } from 'hono/accepts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.map']);

export interface StaticFile {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  etag: string;
  cacheControl: string;
}

/**
 * Hashed build assets never change under their name: cache them for a
 * year. Everything else (index.html, sw.js, the manifest, icons) must be
 * revalidated so an update reaches people.
 */
export function cacheControlFor(path: string): string {
  if (/^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/**
 * Loads the built app into memory, compressed once at start: the whole app
 * is a few hundred kilobytes, and answering from memory keeps a cheap
 * server fast under an event's load.
 */
export function loadStaticFiles(distDir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(distDir)) return files;
  for (const full of walk(distDir)) {
    const urlPath = '/' + relative(distDir, full).split(sep).join('/');
    const ext = extname(full).toLowerCase();
    const body = readFileSync(full);
    const file: StaticFile = {
      type: TYPES[ext] ?? 'application/octet-stream',
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      cacheControl: cacheControlFor(urlPath),
    };
    if (COMPRESSIBLE.has(ext) && body.length > 512) {
      file.gzip = gzipSync(body, { level: 9 });
      file.br = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } });
    }
    files.set(urlPath, file);
  }
  return files;
}

type Coding = 'br' | 'gzip' | 'identity';
type Match = NonNullable<Parameters<typeof accepts>[1]['match']>;

/**
 * The coding with the highest q the client gives (RFC 9110 §12.5.3): q=0
 * means "not acceptable", `*` stands for codings not named, and identity is
 * acceptable unless refused; when not named it ranks with the lowest q
 * given (as the `negotiator` package does), so "gzip;q=0.5" still gets gzip.
 * On a tie the smaller body wins (`supports` is ordered smallest first).
 */
const bestCoding: Match = (list, config) => {
  const lowest = Math.min(1, ...list.map((a) => a.q));
  const weight = (coding: string) =>
    list.find((a) => a.type.toLowerCase() === coding)?.q ?? list.find((a) => a.type === '*')?.q ?? (coding === 'identity' ? lowest : 0);
  let best = config.default;
  let bestQ = 0;
  for (const coding of config.supports) {
    const q = weight(coding);
    if (q > bestQ) [best, bestQ] = [coding, q];
  }
  return best;
};

/** The body to send for this request's Accept-Encoding. */
export function pickEncoding(file: StaticFile, c: Context): { body: Buffer; encoding?: 'br' | 'gzip' } {
  const supports: Coding[] = [...(file.br ? (['br'] as const) : []), ...(file.gzip ? (['gzip'] as const) : []), 'identity'];
  const coding = accepts(c, { header: 'Accept-Encoding', supports, default: 'identity', match: bestCoding }) as Coding;
  if (coding === 'br' && file.br) return { body: file.br, encoding: 'br' };
  if (coding === 'gzip' && file.gzip) return { body: file.gzip, encoding: 'gzip' };
  return { body: file.body };
}
