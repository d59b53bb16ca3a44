import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import type { Plugin } from 'vite';
import { compileGuide, compileMessages } from './locale-content.ts';

const PREFIX = '\0ombuds-locale:';
const LOCALE_FILE = /[\\/]locales[\\/]([^\\/]+)[\\/](messages\.json|guide\.md)$/;

/**
 * Turns `locales/<lang>/messages.json` into a module exporting ICU ASTs and
 * `locales/<lang>/guide.md` into a module exporting HTML sections. The page
 * imports them with `import.meta.glob`, so each locale is its own lazily
 * loaded chunk and the worker precaches them all.
 *
 */
export function localesPlugin(root: string): Plugin {
  return {
    name: 'ombuds-locales',
    enforce: 'pre',
    resolveId(source, importer) {
      const clean = source.split('?')[0]!;
      if (!LOCALE_FILE.test(clean)) return null;
      const abs = clean.startsWith('/locales/')
        ? resolve(root, '.' + clean)
        : importer && !clean.startsWith('/')
          ? resolve(dirname(importer), clean)
          : clean;
      // The `.js` suffix keeps Vite's builtin JSON plugin off our output.
      return PREFIX + abs + '.js';
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const path = id.slice(PREFIX.length, -'.js'.length);
      this.addWatchFile(path);
      const text = readFileSync(path, 'utf8');
      const data = path.endsWith('.json')
        ? compileMessages(JSON.parse(text) as Record<string, string>, path)
        : compileGuide(text, path);
      return { code: `export default ${JSON.stringify(data)};`, map: null };
    },
  };
}

/** Names locale chunks `messages-es`, `guide-ar`, so the build report reads well. */
export function localeChunkName(id: string): string | undefined {
  const m = LOCALE_FILE.exec(id.startsWith(PREFIX) ? id.slice(PREFIX.length, -'.js'.length) : id);
  return m ? `${m[2]!.split('.')[0]}-${m[1]}` : undefined;
}
