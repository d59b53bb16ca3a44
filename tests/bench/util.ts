/**
 * Small helpers every bench module shares: statistics, timeouts, and the
 * list of things to stop when the bench ends or is interrupted.
 */

/** A failure the bench explains in one line (no stack trace needed). */
export class BenchError extends Error {
  override name = 'BenchError';
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100): a value that was actually observed. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1]!;
}

export const round = (value: number, digits = 0) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Rejects with a message naming the step when `work` takes longer than `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number, step: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BenchError(`${step} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type Cleanup = () => unknown;
const cleanups: { label: string; fn: Cleanup }[] = [];

/**
 * Registers something to stop (a server, a browser, a temp folder). Returns
 * a function that runs it now and forgets it. Everything left runs, last
 * registered first, in `runCleanups` — from the normal end of the bench, an
 * error, or Ctrl-C.
 */
export function onCleanup(label: string, fn: Cleanup): () => Promise<void> {
  const entry = { label, fn };
  cleanups.push(entry);
  return async () => {
    const i = cleanups.indexOf(entry);
    if (i < 0) return;
    cleanups.splice(i, 1);
    await fn();
  };
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const { label, fn } = cleanups.pop()!;
    try {
      // A stuck browser must not keep the bench alive: give each 15 s.
      await withTimeout(Promise.resolve().then(fn), 15_000, `stopping ${label}`);
    } catch (err) {
      console.error(`bench: could not stop ${label}: ${(err as Error).message}`);
    }
  }
}

let handlersInstalled = false;
let interrupted = false;

/** True once Ctrl-C or a kill arrived: the bench stops, writes nothing. */
export const isInterrupted = () => interrupted;

/** The useful head of an error: Playwright appends its browser log and call log. */
export function shortMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split(/\n(?:Browser logs:|Call log:|=+ logs =+)/)[0]!.split('\n').slice(0, 12).join('\n').trim();
}

/** Ctrl-C, a kill or a crash still stop what the bench started. */
export function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const stop = (signal: string, code: number) => {
    interrupted = true;
    console.error(`\nbench: ${signal}, stopping the server and browser it started…`);
    void runCleanups().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => stop('interrupted', 130));
  process.once('SIGTERM', () => stop('terminated', 143));
  process.once('SIGHUP', () => stop('hung up', 129));
}

/** Polls `check` every `everyMs` until it answers a value other than undefined; fails after `ms`. */
export async function pollUntil<T>(check: () => Promise<T | undefined>, ms: number, what: string, everyMs = 100): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new BenchError(`${what}: not reached within ${Math.round(ms / 1000)} s`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Runs `once` `runs` times; a run that fails is logged and left out, so
 * one bad run never throws away the others. Fails only when no run gave
 * a result.
 */
export async function keptRuns<T>(
  runs: number,
  label: string,
  log: (line: string) => void,
  once: (run: number) => Promise<T>,
): Promise<{ results: T[]; failed: string[] }> {
  const results: T[] = [];
  const failed: string[] = [];
  for (let i = 0; i < runs; i++) {
    if (isInterrupted()) break;
    try {
      results.push(await once(i));
    } catch (err) {
      const message = `${label} #${i + 1}: ${shortMessage(err)}`;
      failed.push(message);
      log(`FAILED ${message}`);
    }
  }
  if (!results.length) throw new BenchError(`every ${label} run failed:\n${failed.join('\n')}`);
  return { results, failed };
}
