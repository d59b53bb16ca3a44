/**
 * Size figures read from the build output alone (dist/), shared by the size
 * budgets in `npm test` and by `npm run bench`. Sizes are gzip bytes at
 * level 9, what a weak link actually carries.
 */
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildSizes {
  initialJsGzip: number;
  initialCssGzip: number;
  precacheGzip: number;
  precacheCount: number;
  initialFiles: string[];
  precacheFiles: string[];
}

export const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;

/** Static imports of an ES module chunk (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\n}])\s*import\s*(?:[^'"();]*?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (const m of code.matchAll(re)) out.push(m[1]!);
  return out;
}

/**
 * What the home screen needs before it is interactive: the entry module,
 * every chunk it imports statically, the English messages chunk the boot
 * code loads first, and the CSS linked from index.html.
 */
export function measureBuild(dist = 'dist'): BuildSizes {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: run npm run build`);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no module script in index.html');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const spec of staticImports(code)) visit(join(file, '..', spec).replace(/\\/g, '/'));
  };
  visit(entry);
  const assets = readdirSync(join(dist, 'assets'));
  const enMessages = assets.find((f) => /^messages-en-shell-.*\.js$/.test(f));
  if (enMessages) seen.add(`assets/${enMessages}`);
  // A disabled link is never fetched (the shell's sheet, which the document carries: see below).
  const css = [...html.matchAll(/<link rel="stylesheet"[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\sdisabled[\s>]/.test(tag))
    .map((tag) => /href="\/([^"]+)"/.exec(tag)![1]!);
  const inline = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);

  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const precacheFiles = [...sw.matchAll(/"url":"([^"]+)"|url:"([^"]+)"/g)].map((m) => (m[1] ?? m[2])!.replace(/^\//, ''));
  return {
    initialJsGzip: [...seen].reduce((n, f) => n + gz(readFileSync(join(dist, f))), 0),
    // Linked sheets, and the shell's, which the document carries (see vite-plugin-inline-styles.ts).
    initialCssGzip: css.reduce((n, f) => n + gz(readFileSync(join(dist, f))), 0) + inline.reduce((n, text) => n + gz(Buffer.from(text)), 0),
    precacheGzip: precacheFiles.reduce((n, f) => n + gz(readFileSync(join(dist, f))), 0),
    precacheCount: precacheFiles.length,
    initialFiles: [...seen, ...css],
    precacheFiles,
  };
}

/** Marks of parsers that must never ship: the ICU MessageFormat parser and a Markdown parser. */
export const FORBIDDEN_IN_CHUNKS: { name: string; pattern: RegExp }[] = [
  { name: 'ICU MessageFormat parser', pattern: /EXPECT_ARGUMENT_CLOSING_BRACE|UNMATCHED_CLOSING_TAG|INVALID_ARGUMENT_TYPE/ },
  { name: 'marked (Markdown parser)', pattern: /marked\(\): input parameter|Please report this to https:\/\/github\.com\/markedjs/ },
  { name: 'markdown-it', pattern: /markdown-it/ },
];

export function findForbidden(dist = 'dist'): { file: string; name: string }[] {
  const hits: { file: string; name: string }[] = [];
  const files = ['sw.js', ...readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`)].filter((f) => f.endsWith('.js'));
  for (const file of files) {
    const code = readFileSync(join(dist, file), 'utf8');
    for (const f of FORBIDDEN_IN_CHUNKS) if (f.pattern.test(code)) hits.push({ file, name: f.name });
  }
  return hits;
}
