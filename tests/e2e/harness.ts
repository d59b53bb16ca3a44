/**
 * What every browser test needs: the real intake server (built app + API)
 * in a child process on a free port with its own data folder, and Debian's
 * Chromium driven by playwright-core, kept off the network.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SERVER_ENTRY = 'build/server/main.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
];

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** Output the server printed, for assertions that nothing personal is logged. */
  output: () => string;
  stop: () => Promise<void>;
  /** Kills the process at once (no graceful close), as a crash or power cut would. */
  kill: () => Promise<void>;
  /** Starts the server again on the same port and data folder. */
  restart: () => Promise<void>;
}

export async function startServer(options: { env?: Record<string, string>; dataDir?: string; port?: number } = {}): Promise<RunningServer> {
  if (!existsSync('dist/index.html') || !existsSync(SERVER_ENTRY)) throw new Error('the build is missing: run `npm run build` before the e2e tests');
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ombuds-e2e-'));
  let out = '';
  let proc!: ChildProcess;
  let port = options.port ?? 0;

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      // The server as it ships: the bundle `npm run build` makes.
      proc = spawn(process.execPath, [SERVER_ENTRY], {
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_ACCESS: '0', ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
      proc.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
        if (m && !port) port = Number(m[1]);
        if (m) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      proc.on('exit', (code) => {
        clearTimeout(timer);
        if (!/listening on/.test(out)) reject(new Error(`server exited with ${code}:\n${out}`));
      });
    });

  const exited = () => new Promise<void>((resolve) => (proc.exitCode !== null || proc.signalCode ? resolve() : proc.once('exit', () => resolve())));

  await launch();
  const server: RunningServer = {
    get url() {
      return `http://localhost:${port}`;
    },
    get port() {
      return port;
    },
    dataDir,
    get proc() {
      return proc;
    },
    output: () => out,
    stop: async () => {
      proc.kill('SIGTERM');
      await exited();
    },
    kill: async () => {
      proc.kill('SIGKILL');
      await exited();
    },
    restart: async () => {
      out = out.replace(/listening on http:\/\/localhost:\d+/g, 'was listening');
      await launch();
    },
  };
  return server;
}

export function removeDir(dir: string) {
  // A browser's helper processes can still be writing into its profile for
  // a moment after it exits (ENOTEMPTY was seen): retry rather than fail.
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export async function newContext(browser: Browser, options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  return browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 412, height: 915 },
    serviceWorkers: 'allow',
  });
}

/** Resolves once the page's service worker is active (first visit installs and activates it). */
/**
 * Waits for the app's own screen. guide.html arrives with the top of the
 * English guide already in it (same heading, lang "en", ltr) until the app
 * replaces it; a test that checks language, direction or anything the app
 * renders must not catch that placeholder.
 */
export async function waitForScreen(page: Page): Promise<void> {
  await page.locator('main:not([data-prerendered]) h1').first().waitFor();
}

export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (reg.active?.state === 'activated') return;
    await new Promise<void>((resolve) => {
      const sw = reg.active!;
      sw.addEventListener('statechange', () => sw.state === 'activated' && resolve());
    });
  });
}

/** Resolves once the page is controlled by a service worker. */
export async function waitForController(page: Page): Promise<void> {
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

/**
 * Cuts the network for the page and its service worker alike. Playwright's
 * setOffline does not stop the worker's own fetches, so those are aborted
 * with a route too (microsoft/playwright#2311).
 */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unroute('**/*');
  await context.setOffline(false);
}

/** Picks a language in the header's picker, and waits until the page uses it. */
export async function chooseLanguage(page: Page, code: string): Promise<void> {
  await page.selectOption('#lang-select', code);
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
}

/**
 * A browser profile on disk, as a person's browser has. Needed where
 * Chromium treats Playwright's throwaway contexts as incognito (for
 * example its installability check).
 */
export async function launchPersistent(options: { locale?: string } = {}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: options.locale ?? 'en-US',
    viewport: { width: 412, height: 915 },
    serviceWorkers: 'allow',
  });
  return {
    context,
    close: async () => {
      await context.close();
      removeDir(dir);
    },
  };
}
