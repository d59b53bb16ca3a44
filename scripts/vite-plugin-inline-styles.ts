import type { Plugin, Rolldown } from 'vite';
import { builtPage } from './built-page.ts';

/** The shell's stylesheet: the one Vite makes for the `main` entry (index.html). */
const SHELL_SHEET = /^assets\/main-[\w-]+\.css$/;

/**
 * Writes the shell's stylesheet into the applicant's documents (index.html,
 * guide.html) as a <style> element. A linked stylesheet holds the first
 * paint until it arrives: one more round trip on a first visit before
 * anything shows. The sheet is small (~4 KB compressed) and every screen
 * needs it. The CSP stays without 'unsafe-inline': the server allows
 * exactly these elements by their SHA-256 (src/server/inline-styles.ts).
 *
 * The link stays beside it, disabled: a disabled stylesheet is neither
 * fetched nor applied, and Vite's loader for a lazy screen that shares
 * code with the shell, which adds the shell's sheet unless a stylesheet
 * link with its address is in the document, finds it there. Other
 * screens' stylesheets stay files, loaded with their code.
 */
export function inlineStylesPlugin(pages: readonly string[]): Plugin {
  return {
    name: 'ombuds-inline-styles',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const name of pages) {
        const page = builtPage(bundle, name);
        if (!page) this.error(`inline styles: no ${name} in the build`);
        let inlined = 0;
        page.source = String(page.source).replace(/<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/g, (tag, file: string) => {
          if (!SHELL_SHEET.test(file)) return tag;
          const sheet = bundle[file] as Rolldown.OutputAsset | undefined;
          if (sheet?.type !== 'asset') this.error(`inline styles: ${name} links ${file}, which is not in the build`);
          const css = String(sheet.source).trimEnd();
          // A sheet holding "</style" would end the element early.
          if (/<\/style/i.test(css)) this.error(`inline styles: ${file} holds "</style"`);
          inlined++;
          return `<style>${css}</style><link rel="stylesheet" crossorigin href="/${file}" disabled>`;
        });
        if (inlined !== 1) this.error(`inline styles: ${name} has ${inlined} shell stylesheets, not one`);
      }
    },
  };
}
