/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { Features } from 'lightningcss';
import { fileURLToPath } from 'node:url';
import { localesPlugin, localeChunkName } from './scripts/vite-plugin-locales.ts';
import { manifest } from './scripts/manifest.ts';
import { staffPagePlugin } from './scripts/vite-plugin-staff.ts';
import { preloadPlugin } from './scripts/vite-plugin-preload.ts';
import { prerenderPlugin } from './scripts/vite-plugin-prerender.ts';
import { inlineStylesPlugin } from './scripts/vite-plugin-inline-styles.ts';
import { compileHintsPlugin } from './scripts/vite-plugin-compile-hints.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const isStaffModule = (id: string) => id.replace(/\\/g, '/').includes('/src/staff/');
// Code the page starts once it is idle (the delivery and status triggers,
// the unsent-requests badge): no one waits for it, so its import does not
// write a preload link into the document for each chunk it needs (14 for the
// status triggers: 35 ms of the main thread in one task on a fast machine);
// the module loader fetches them itself.
const BACKGROUND = ['/src/outbox/triggers.ts', '/src/status/triggers.ts', '/src/requests/UnsentBadge.tsx'];
const isBackgroundModule = (id: string) => BACKGROUND.some((path) => id.replace(/\\/g, '/').endsWith(path));

export default defineConfig({
  plugins: [
    localesPlugin(root),
    preact(),
    // The guide's text is in its document (prerendered), so it paints before
    // any script runs, and the app is asked for after that paint
    // (src/start-after-paint.ts). Asking for the guide's code with the document
    // was tried again with the styles inline (2026-12-06): Lighthouse's LCP
    // ratio went from 1.14 to 1.29 and the offline reload from 2.2 to 2.7
    // times the baseline, as the worker answered those files first.
    preloadPlugin([{ path: '/guide', module: 'src/guide/GuideView.tsx', chunks: [], modulepreload: false }]),
    prerenderPlugin(root),
    // The shell's styles in the documents themselves: the first paint waits for no file.
    inlineStylesPlugin(['index.html', 'guide.html']),
    compileHintsPlugin(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      manifest,
      injectManifest: {
        // Every locale's messages and guide, the shell and the icons: the
        // app must work in any language after one visit.
        globPatterns: ['**/*.{js,css,html,svg,webmanifest,json}', 'icons/icon-96.png'],
        // The PNG icons are for installing (fetched online by the browser at
        // that moment); offline the app shows the small one, the tab's
        // icon. Keeping them out
        // saves ~40 KB of every first visit on a weak link.
        // The staff console is its own app (staff.html, assets/staff-*): an
        // applicant's device never downloads or keeps it.
        globIgnores: ['**/*.map', 'config.json', 'staff.html', 'assets/staff-*'],
        maximumFileSizeToCacheInBytes: 512 * 1024,
      },
      devOptions: { enabled: false },
    }),
    staffPagePlugin(),
  ],
  resolve: {
    // Every message is compiled to an AST at build time, so the page
    // never needs the ICU parser (about 7 KB gzip). Tests compile messages
    // themselves (scripts/locale-content.ts), so they keep the real parser.
    alias: process.env.VITEST
      ? {}
      : {
          '@formatjs/icu-messageformat-parser': fileURLToPath(
            new URL('./node_modules/@formatjs/icu-messageformat-parser/no-parser.js', import.meta.url),
          ),
        },
  },
  css: {
    // The minifier would write system-ui out as a list of nine faces for
    // browsers older than the app supports; on Linux every face named and
    // missing is a font look-up (1–8 ms each) when text needs a fallback.
    lightningcss: { exclude: Features.FontFamilySystemUi },
  },
  build: {
    target: 'es2020',
    modulePreload: { resolveDependencies: (file, deps) => (file.startsWith('assets/background-') ? [] : deps) },
    sourcemap: false,
    reportCompressedSize: true,
    rollupOptions: {
      // Two pages: the applicant's app and the office console, each with its own chunks.
      input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), staff: fileURLToPath(new URL('./staff.html', import.meta.url)) },
      output: {
        chunkFileNames: (chunk) => {
          // A chunk holding console code is console-only (applicant code never imports it); the
          // prefix lets the worker's glob leave it out.
          if (chunk.moduleIds.some(isStaffModule)) return 'assets/staff-[name]-[hash].js';
          if (chunk.moduleIds.some(isBackgroundModule)) return 'assets/background-[name]-[hash].js';
          const name = chunk.moduleIds.map(localeChunkName).find(Boolean);
          return `assets/${name ?? '[name]'}-[hash].js`;
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:8080', '/config.json': 'http://localhost:8080' } },
  test: {
    // Tests assert on behaviour, not on the server's log lines.
    env: { LOG_LEVEL: 'silent' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
          // Conditions, not sleeps, decide each test; this only keeps a slow
          // shared machine from cutting a long form test short.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // A browser test's conditions decide it; the limit only has to outlast
          // a busy two-core machine, where one flow (event mode, PIN, office
          // sign-in, two axe passes) was seen at just over a minute.
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Each file starts its own server and Chromium; two cores take two at a time.
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
    ],
  },
});
