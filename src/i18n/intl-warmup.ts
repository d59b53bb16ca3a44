import IntlWarmupWorker from './intl-warmup.worker.ts?worker&inline';

/**
 * Chromium makes its table of the locales it can format the first time a
 * page creates a number or date formatter (`createIntl` asks for it before
 * any message is formatted): 30–40 ms on a fast machine and several times
 * that on a cheap phone, in one piece, on the first screen's critical path.
 * The table belongs to the process, not to the thread, so a worker that
 * asks first builds it on another core and the page finds it made.
 *
 * Resolves when the worker is done, or after `limitMs` whatever happens
 * (no Worker, a worker that cannot load, another engine): waiting is worth
 * it only while the first screen would otherwise wait for the table anyway.
 *
 * The worker's code is in the app's (`&inline`, a `blob:` worker the CSP
 * allows): as a file of its own it was one more round trip after the
 * app's code had come, and on a slow link the first screen waited the
 * full limit for it (250 ms of a 2.1 s first visit on slow 3G).
 */
export function warmIntlOffThread(locale: string, limitMs: number): Promise<void> {
  if (typeof Worker === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, limitMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      const worker = new IntlWarmupWorker();
      // Its work is done once it answers (the table stays with the process):
      // a worker left running keeps its own JavaScript heap for the page's
      // whole life, and the page tears it down when it goes.
      worker.onmessage = worker.onerror = () => {
        worker.terminate();
        done();
      };
      worker.postMessage(locale);
    } catch {
      // Nothing lost: the page builds the table itself when it first formats.
      done();
    }
  });
}
