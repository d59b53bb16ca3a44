import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmIntlOffThread } from '../../src/i18n/intl-warmup';

/** A stand-in for the browser's Worker: records what the page sends and lets the test answer. */
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: unknown[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  postMessage(data: unknown) {
    this.sent.push(data);
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  FakeWorker.made = [];
});

describe('warming the formatting tables off the main thread', () => {
  it('starts the worker with the locale and is done when the worker says so', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.useFakeTimers();
    let done = false;
    const warmed = warmIntlOffThread('ar', 250).then(() => (done = true));
    const worker = FakeWorker.made[0]!;
    // Under test the file is served; the build writes it into the app's code (a blob: worker, no request).
    expect(String(worker.url)).toMatch(/intl-warmup\.worker\.ts\?worker_file/);
    expect(worker.sent).toEqual(['ar']);
    await Promise.resolve();
    expect(done).toBe(false);
    expect(worker.terminated).toBe(false);
    worker.onmessage!(new MessageEvent('message', { data: 'done' }));
    await warmed;
    expect(done).toBe(true);
    // Done with it: no thread and heap kept for the page's life.
    expect(worker.terminated).toBe(true);
  });

  it('stops waiting at the limit when the worker is slow or silent', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.useFakeTimers();
    let done = false;
    const warmed = warmIntlOffThread('en', 250).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(249);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await warmed;
    expect(done).toBe(true);
    // Still warming the table, which the page will want: left to finish, then stopped.
    const worker = FakeWorker.made[0]!;
    expect(worker.terminated).toBe(false);
    worker.onmessage!(new MessageEvent('message', { data: 'done' }));
    expect(worker.terminated).toBe(true);
  });

  it('does not wait for a worker that fails to load', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.useFakeTimers();
    const warmed = warmIntlOffThread('en', 10_000);
    FakeWorker.made[0]!.onerror!(new Event('error'));
    await expect(warmed).resolves.toBeUndefined();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('does not wait where workers cannot start', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('blocked', 'SecurityError');
        }
      },
    );
    vi.useFakeTimers();
    await expect(warmIntlOffThread('en', 10_000)).resolves.toBeUndefined();
    vi.stubGlobal('Worker', undefined);
    await expect(warmIntlOffThread('en', 10_000)).resolves.toBeUndefined();
  });
});

describe('the warming worker', () => {
  it('makes the first screen’s formatters, answers and closes, even for a tag Intl refuses', async () => {
    const posted: unknown[] = [];
    const scope = { onmessage: null as ((e: MessageEvent) => void) | null, postMessage: (d: unknown) => posted.push(d), close: vi.fn() };
    vi.stubGlobal('self', scope);
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    await import('../../src/i18n/intl-warmup.worker');
    scope.onmessage!(new MessageEvent('message', { data: 'zh-Hant' }));
    expect(made).toHaveBeenCalledWith('zh-Hant', { dateStyle: 'long', timeZone: 'UTC' });
    scope.onmessage!(new MessageEvent('message', { data: 'not a tag!' }));
    expect(posted).toEqual(['done', 'done']);
    expect(scope.close).toHaveBeenCalledTimes(2);
    made.mockRestore();
  });
});
