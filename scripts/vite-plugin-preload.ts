import type { Plugin, Rolldown } from 'vite';
import { builtPage } from './built-page.ts';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/**
 * Lets the document ask for what its first screen needs, instead of the
 * entry script finding out one round trip later:
 *
 * - index.html preloads the English shell strings. English loads beside
 *   every language (a missing key falls back to it), so this is never a
 *   wasted request.
 * - `<route>.html` (for /guide: the guide is what most people open first,
 *   often from a shared link) is index.html plus the screen's code, its
 *   styles, its English strings and the English guide text. The server
 *   answers /guide with it, and so does the worker offline.
 *
 * Only links are added: no inline script, so the CSP stays strict.
 */
export interface RoutePreload {
  /** The path a person opens, e.g. '/guide'; the page is written to `<path>.html`. */
  path: string;
  /** The screen's module, as the router imports it lazily. */
  module: string;
  /** Chunk names (see localeChunkName) that screen loads at once in English. */
  chunks: string[];
  /**
   * False for a page whose first screen is prerendered (see
   * vite-plugin-prerender.ts): it asks only for its styles, and its script
   * is src/start-after-paint.ts, which asks for the app once the text is
   * on screen. Its text waits for no script, and offline every file the
   * document names is one more answer the worker gives while the page is
   * being painted.
   */
  modulepreload?: boolean;
}

const SHELL_CHUNKS = ['messages-en-shell'];

/** The script of a prerendered page. */
const AFTER_PAINT = 'src/start-after-paint.ts';
const ENTRY_SCRIPT = /<script type="module" crossorigin src="(\/assets\/main-[\w-]+\.js)"><\/script>/;

const chunkNamed = (bundle: OutputBundle, name: string): OutputChunk | undefined =>
  Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && c.fileName.startsWith(`assets/${name}-`));

/** The chunk a module starts (a lazy screen, an emitted script), by the module's path from the project root. */
const chunkFor = (bundle: OutputBundle, module: string): OutputChunk | undefined =>
  Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && !!c.facadeModuleId?.replaceAll('\\', '/').endsWith(module));

/** The chunk and every chunk it imports statically, with their CSS. */
function closure(bundle: OutputBundle, chunk: OutputChunk, js = new Set<string>(), css = new Set<string>()) {
  if (js.has(chunk.fileName)) return { js, css };
  js.add(chunk.fileName);
  for (const f of chunk.viteMetadata?.importedCss ?? []) css.add(f);
  for (const name of chunk.imports) {
    const dep = bundle[name];
    if (dep?.type === 'chunk') closure(bundle, dep, js, css);
  }
  return { js, css };
}

function links(html: string, js: Iterable<string>, css: Iterable<string>): string {
  const present = (f: string) => html.includes(`/${f}"`);
  const tags = [
    ...[...css].filter((f) => !present(f)).map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
    ...[...js].filter((f) => !present(f)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
  ];
  return tags.length ? html.replace(/\s*<\/head>/, `\n    ${tags.join('\n    ')}\n  </head>`) : html;
}

export function preloadPlugin(routes: RoutePreload[]): Plugin {
  return {
    name: 'ombuds-preload',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      if (routes.some((r) => r.modulepreload === false)) this.emitFile({ type: 'chunk', id: AFTER_PAINT, name: 'start-after-paint' });
    },
    generateBundle(_options, bundle) {
      const index = builtPage(bundle, 'index.html');
      if (!index) return;
      const need = (name: string) => {
        const chunk = chunkNamed(bundle, name);
        if (!chunk) this.error(`preload: no chunk named ${name}`);
        return chunk;
      };
      const bare = String(index.source);
      // The prerendered page's script names the entry and its preloads for later: the app comes after the text.
      const startsAfterPaint = (html: string) => {
        const start = chunkFor(bundle, AFTER_PAINT);
        if (!start) this.error(`preload: no chunk for ${AFTER_PAINT}`);
        const entry = ENTRY_SCRIPT.exec(html)?.[1];
        if (!entry) this.error('preload: index.html has no entry script to replace');
        const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]!);
        return html
          .replace(
            ENTRY_SCRIPT,
            `<script type="module" crossorigin src="/${start.fileName}" data-start="${entry}" data-preload="${preloads.join(' ')}"></script>`,
          )
          .replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
      };
      const shell = links(bare, SHELL_CHUNKS.map((n) => need(n).fileName), []);
      index.source = shell;
      for (const route of routes) {
        const screen = chunkFor(bundle, route.module);
        if (!screen) this.error(`preload: no chunk for ${route.module}`);
        const { js, css } = closure(bundle, screen);
        for (const name of route.chunks) js.add(need(name).fileName);
        const source = route.modulepreload === false ? links(startsAfterPaint(bare), [], css) : links(shell, js, css);
        this.emitFile({ type: 'asset', fileName: `${route.path.slice(1)}.html`, source });
      }
    },
  };
}
