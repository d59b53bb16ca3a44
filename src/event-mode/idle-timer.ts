/**
 * "No touch or key for a while": warns `warnMs` before `idleMs`, then
 * reports idle. Any activity starts the wait over and takes the warning
 * back. Uses the global timers, so tests drive it with fake timers.
 */
export interface IdleTimerOptions {
  idleMs: number;
  /** How long before the end the warning comes (capped at half the idle time). */
  warnMs: number;
  onWarn: (endsAt: number) => void;
  /** The warning was showing and the person came back. */
  onActive: () => void;
  onIdle: () => void;
  now?: () => number;
}

export interface IdleTimer {
  /** A touch or key: start the wait over. */
  activity(): void;
  stop(): void;
  readonly warning: boolean;
}

export function createIdleTimer(options: IdleTimerOptions): IdleTimer {
  const now = options.now ?? Date.now;
  const warnMs = Math.min(options.warnMs, options.idleMs / 2);
  let warnTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let warning = false;
  let stopped = false;

  const clear = () => {
    clearTimeout(warnTimer);
    clearTimeout(idleTimer);
    warnTimer = idleTimer = undefined;
  };

  return {
    activity() {
      if (stopped) return;
      clear();
      if (warning) {
        warning = false;
        options.onActive();
      }
      const endsAt = now() + options.idleMs;
      warnTimer = setTimeout(() => {
        warning = true;
        options.onWarn(endsAt);
      }, options.idleMs - warnMs);
      idleTimer = setTimeout(() => {
        stopped = true;
        warning = false;
        clear();
        options.onIdle();
      }, options.idleMs);
    },
    stop() {
      stopped = true;
      warning = false;
      clear();
    },
    get warning() {
      return warning;
    },
  };
}
