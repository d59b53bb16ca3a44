/**
 * Builds the bench's yardstick page (baseline-app/: one Preact screen and a
 * vite-plugin-pwa service worker) into .bench/baseline-app, and serves it
 * with the app's own server binary on a second free port, so both pages
 * meet the same compression, headers and CSP. Nothing of it goes to dist/.
 */
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { removeDir, startServer, type RunningServer } from '../e2e/harness';
import { BenchError, onCleanup } from './util';

const OUT_DIR = '.bench/baseline-app';

export async function startBaselineApp(): Promise<RunningServer> {
  try {
    await build({
      configFile: false,
      root: 'tests/bench/baseline-app',
      logLevel: 'warn',
      plugins: [
        preact(),
        VitePWA({
          registerType: 'autoUpdate',
          // A script file, not an inline one: the server's CSP allows no inline script.
          injectRegister: 'script',
          manifest: false,
          workbox: { globPatterns: ['**/*.{js,css,html}'] },
        }),
      ],
      build: { outDir: '../../../' + OUT_DIR, emptyOutDir: true, target: 'es2020' },
    });
  } catch (err) {
    throw new BenchError(`could not build the baseline page: ${(err as Error).message}`);
  }
  const server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '0', DIST_DIR: OUT_DIR } });
  onCleanup('baseline server', async () => {
    await server.stop();
    removeDir(server.dataDir);
  });
  return server;
}
