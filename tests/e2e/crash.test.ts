/**
 * A browser killed a moment after typing: the person typed, 300 ms later
 * the whole Chromium process died (SIGKILL, as a phone under memory
 * pressure does it: no pagehide, no unload). Relaunched on the same
 * profile, the text is in IndexedDB and the form shows it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, removeDir, startServer, type RunningServer } from './harness';

let server: RunningServer;
const profile = mkdtempSync(join(tmpdir(), 'ombuds-crash-profile-'));
const started: ChildProcess[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const proc of started) if (proc.exitCode === null && proc.signalCode === null) killGroup(proc);
  await server?.stop();
  if (server) removeDir(server.dataDir);
  removeDir(profile);
});

/** The browser and every process it started (renderer, GPU, storage), at once. */
function killGroup(proc: ChildProcess) {
  try {
    process.kill(-proc.pid!, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}

/** Debian's Chromium on a profile folder, reached over its DevTools port (so the test owns the process). */
async function launchOnProfile(): Promise<{ browser: Browser; proc: ChildProcess; exited: Promise<void> }> {
  const proc = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  started.push(proc);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    proc.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${err.slice(-2000)}`)));
  });
  return { browser: await chromium.connectOverCDP(`http://127.0.0.1:${port}`), proc, exited };
}

const TYPED = 'Nguyễn-O’Brien Ñúñez 李';

describe('a browser killed right after typing', () => {
  it('keeps every character typed 300 ms before the kill', async () => {
    const first = await launchOnProfile();
    const page = await first.browser.contexts()[0]!.newPage();
    await page.goto(`${server.url}/requests`);
    await page.getByRole('link', { name: 'Start a new request' }).click();
    await page.getByRole('heading', { level: 1, name: 'About you' }).waitFor();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}\/about-you$/);
    const id = new URL(page.url()).pathname.split('/')[2]!;
    // Real keystrokes, one after another, as a person types.
    await page.getByLabel('Family name (last name)').pressSequentially(TYPED, { delay: 15 });
    // The scenario itself: 300 ms after the last keystroke, the browser dies.
    await page.waitForTimeout(300);
    killGroup(first.proc);
    await first.exited;

    const second = await launchOnProfile();
    try {
      const again = await second.browser.contexts()[0]!.newPage();
      await again.goto(`${server.url}/requests`);
      const stored = await again.evaluate(
        (draftId) =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open('ombuds');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('drafts').objectStore('drafts').get(draftId);
              get.onsuccess = () => resolve((get.result as { data?: { person?: { familyName?: unknown } } } | undefined)?.data?.person?.familyName);
              get.onerror = () => reject(get.error);
            };
          }),
        id,
      );
      expect(stored).toBe(TYPED);
      await again.goto(`${server.url}/requests/${id}/about-you`);
      await again.getByRole('heading', { level: 1, name: 'About you' }).waitFor();
      expect(await again.getByLabel('Family name (last name)').inputValue()).toBe(TYPED);
    } finally {
      await second.browser.close().catch(() => {});
      killGroup(second.proc);
      await second.exited;
    }
  });
});
