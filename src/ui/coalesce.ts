/**
 * Folds a burst of calls into few runs of `run`: the first call runs it
 * `gapMs` later, calls meanwhile (or while it runs) ask for one more run
 * after it. For screens that re-read storage on change notices, which a
 * flush of many requests sends by the hundred.
 */
export function coalesce(run: () => Promise<unknown>, gapMs: number): { (): void; now(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let cancelled = false;
  const start = () => {
    timer = undefined;
    running = true;
    void run()
      .catch(() => {})
      .finally(() => {
        running = false;
        if (again && !cancelled) {
          again = false;
          request();
        }
      });
  };
  const request = () => {
    if (cancelled) return;
    if (timer !== undefined || running) {
      again ||= running;
      return;
    }
    timer = setTimeout(start, gapMs);
  };
  /** Runs at once (or right after the run under way). */
  request.now = () => {
    if (cancelled) return;
    if (running) again = true;
    else {
      clearTimeout(timer);
      start();
    }
  };
  request.cancel = () => {
    cancelled = true;
    clearTimeout(timer);
  };
  return request;
}
