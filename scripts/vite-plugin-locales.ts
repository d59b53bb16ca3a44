import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { compactCatalog, compileGuide, compileMessages, MESSAGE_NAMESPACES, splitByNamespace } from './locale-content.ts';

const PREFIX = '\0ombuds-locale:';
const LOCALE_FILE = /[\\/]locales[\\/]([^\\/]+)[\\/](messages\.json|guide\.md)$/;
const MESSAGES_MODULE = 'virtual:ombuds-messages';
const NAMESPACES = [...new Set(['shell', ...Object.values(MESSAGE_NAMESPACES)])];

/**
 * Turns `locales/<lang>/messages.json` into ICU ASTs split per screen
 * (`virtual:ombuds-messages` exports a loader per locale and namespace) and
 * `locales/<lang>/guide.md` into HTML sections. Each piece is its own lazily
 * loaded chunk, and the worker precaches them all. Ids carry a `.js` suffix
 * so Vite's builtin JSON plugin leaves our output alone.
 */
export function localesPlugin(root: string): Plugin {
  const localesDir = join(root, 'locales');
  return {
    name: 'ombuds-locales',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === MESSAGES_MODULE) return PREFIX + 'index.js';
      if (source.startsWith(PREFIX)) return source;
      const clean = source.split('?')[0]!;
      if (!LOCALE_FILE.test(clean)) return null;
      const abs = clean.startsWith('/locales/')
        ? resolve(root, '.' + clean)
        : importer && !clean.startsWith('/')
          ? resolve(dirname(importer), clean)
          : clean;
      return PREFIX + abs + '.js';
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      if (id === PREFIX + 'index.js') {
        const locales = existsSync(localesDir)
          ? readdirSync(localesDir).filter((d) => existsSync(join(localesDir, d, 'messages.json')))
          : [];
        for (const d of locales) this.addWatchFile(join(localesDir, d, 'messages.json'));
        const entries = locales.map((code) => {
          const file = join(localesDir, code, 'messages.json');
          const fns = NAMESPACES.map((ns) => `${JSON.stringify(ns)}: () => import(${JSON.stringify(`${PREFIX}${file}.${ns}.js`)}).then((m) => m.default)`);
          return `${JSON.stringify(code)}: {${fns.join(', ')}}`;
        });
        return `export const NAMESPACES = ${JSON.stringify(NAMESPACES)};\nexport const loaders = {${entries.join(',\n')}};`;
      }
      const nsMatch = /^(.*[\\/]locales[\\/]([^\\/]+)[\\/]messages\.json)\.([a-z]+)\.js$/.exec(id.slice(PREFIX.length));
      if (nsMatch) {
        const [, path, code, ns] = nsMatch as unknown as [string, string, string, string];
        const englishPath = join(localesDir, 'en', 'messages.json');
        this.addWatchFile(path);
        this.addWatchFile(englishPath);
        const read = (file: string) => compactCatalog(splitByNamespace(compileMessages(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>, file))[ns] ?? {});
        // Keys are written once, in the English chunk (always loaded beside
        // any other locale); other locales ship only their values, in the
        // English key order. Twelve copies of ~800 keys cost ~60 KB gzip.
        const english = read(englishPath);
        const keys = Object.keys(english).sort();
        const local = code === 'en' ? english : read(path);
        const values = keys.map((k) => local[k] ?? null);
        const data = code === 'en' ? { keys, values } : values;
        return { code: `export default ${JSON.stringify(data)};`, map: null };
      }
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

/** Names locale chunks `messages-es-shell`, `guide-ar`, so the build report reads well. */
export function localeChunkName(id: string): string | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  const rest = id.slice(PREFIX.length);
  const ns = /[\\/]locales[\\/]([^\\/]+)[\\/]messages\.json\.([a-z]+)\.js$/.exec(rest);
  if (ns) return `messages-${ns[1]}-${ns[2]}`;
  const m = LOCALE_FILE.exec(rest.slice(0, -'.js'.length));
  return m ? `${m[2]!.split('.')[0]}-${m[1]}` : undefined;
}
