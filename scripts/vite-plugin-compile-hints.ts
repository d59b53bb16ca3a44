import type { Plugin } from 'vite';
import { localeChunkName } from './vite-plugin-locales.ts';

/** V8's explicit compile hint (Chromium 136+): compile every function of this file eagerly. */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Puts V8's explicit compile hint at the top of every chunk of code.
 *
 * By default V8 compiles a function only when it is first called, on the
 * main thread. The first render calls hundreds of functions for the first
 * time (Preact's, the shell's, the screen's), and compiling them was
 * about half of it: a trace of the prerendered guide's first render on
 * this project's machine had 32 ms of compiling in a 78 ms task. With the
 * hint, Chromium compiles the whole file on the thread that streams it
 * in, while the network is still the bottleneck, and the main thread
 * runs code that is ready (Lighthouse on /guide, 7 runs each, alternating:
 * Total Blocking Time 121 -> 61 ms; 84 ms with only the guide's own
 * chunks hinted).
 *
 * Every chunk holding code is hinted: a chunk is fetched only when its
 * code is about to run (screens are lazy), and what of it runs first is
 * most of it. The locale chunks (compiled messages, guide text) are data
 * and are left alone. Other browsers ignore the comment.
 */
export function compileHintsPlugin(): Plugin {
  return {
    name: 'ombuds-compile-hints',
    apply: 'build',
    enforce: 'post',
    // After Vite's own last touches (it puts the preload list of a chunk
    // with lazy imports at the top), so the hint is the first line.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          if (chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => localeChunkName(id) !== undefined)) continue;
          // Written after minifying, which drops comments.
          if (!chunk.code.startsWith(COMPILE_HINT)) chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        }
      },
    },
  };
}
