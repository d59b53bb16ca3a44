import { createHash } from 'node:crypto';
import type { StaticFile } from './static-files';

const STYLE = /<style>([\s\S]*?)<\/style>/g;

/**
 * The CSP sources ('sha256-…') of the <style> elements in the documents the
 * server answers with: the build writes the shell's stylesheet into them
 * (scripts/vite-plugin-inline-styles.ts), and the policy allows exactly
 * those, never inline style in general.
 */
export function inlineStyleSources(files: ReadonlyMap<string, StaticFile>): string[] {
  const sources = new Set<string>();
  for (const [path, file] of files) {
    if (!path.endsWith('.html')) continue;
    for (const m of file.body.toString('utf8').matchAll(STYLE)) sources.add(`'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
  }
  return [...sources].sort();
}
