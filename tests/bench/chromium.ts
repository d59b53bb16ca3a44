/**
 * A headless Chromium with a DevTools port, for tools that connect by port
 * rather than through Playwright (Lighthouse). Started here, from Debian's
 * binary, with the same no-network flags as the e2e harness: nothing is
 * downloaded, nothing phones home.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, removeDir } from '../e2e/harness';
import { BenchError, onCleanup } from './util';

export interface DebuggableChromium {
  port: number;
  stop: () => Promise<void>;
}

export async function launchDebuggableChromium(): Promise<DebuggableChromium> {
  if (!existsSync(CHROMIUM)) throw new BenchError(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const profile = mkdtempSync(join(tmpdir(), 'ombuds-bench-chromium-'));
  const proc = spawn(
    CHROMIUM,
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--no-default-browser-check',
      '--disable-client-side-phishing-detection',
      '--metrics-recording-only',
      '--password-store=basic',
      '--use-mock-keychain',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = onCleanup('Chromium (Lighthouse)', async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    // A temporary profile left behind must not cost the figures measured with it.
    try {
      removeDir(profile);
    } catch (err) {
      console.warn(`could not remove ${profile}: ${(err as Error).message}`);
    }
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let err = '';
      const timer = setTimeout(() => reject(new BenchError(`Chromium did not open its DevTools port within 30 s:\n${err.slice(-2000)}`)), 30_000);
      proc.stderr!.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new BenchError(`Chromium exited with ${code} before opening its DevTools port:\n${err.slice(-2000)}`));
      });
    });
    return { port, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
