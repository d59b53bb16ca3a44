/**
 * The set-up most browser test files share: one intake server and one
 * Chromium for all of the file's (or a describe block's) tests, stopped
 * afterwards with the server's data folder removed. Kept apart from
 * harness.ts because the bench imports the harness outside vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, removeDir, startServer, type RunningServer } from './harness';

export interface Suite {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/** Registers the hooks where it is called; read `server` and `browser` only inside tests and later hooks. */
export function useServerAndBrowser(options: Parameters<typeof startServer>[0] = {}): Suite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  return {
    get server() {
      if (!server) throw new Error('the server is not started yet: use it inside a test or a later hook');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet: use it inside a test or a later hook');
      return browser;
    },
  };
}
