/**
 * Keeps an open draft written to the device as the person types: the first
 * change is written at once, later ones at most every `intervalMs` (~100 ms;
 * throttled, the newest copy written at the end of each interval), so a
 * tab or browser killed a moment after a keystroke (a cheap phone under
 * memory pressure) keeps what was typed. Also written at once on `flush()`,
 * when the page is hidden or left, and before an app update (form-guard). A failed write (full disk,
 * another tab blocking, a closed connection) keeps the newest copy in
 * memory, says so through the status, and is retried with backoff; nothing
 * is dropped until a write succeeds.
 */
import { backoffDelay } from '../shared/backoff';
import { registerOpenForm } from '../ui/form-guard';
import { closeDb, onDatabaseBlocked } from '../storage/db';
import { onDraftChange, type DraftChange } from '../storage/draft-channel';
import { DraftError, rescueDraftSync, saveDraft, type SaveDraftInput, type SaveDraftResult } from '../storage/drafts';

export type SaveErrorCode = 'quota' | 'blocked' | 'closed' | 'aborted' | 'missing' | 'submitted' | 'unknown';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'error'; code: SaveErrorCode; attempts: number; retryAt: number | null };

/** What another tab did to the draft open here. */
export type ExternalChange =
  | { kind: 'changed'; updatedAt: number }
  | { kind: 'deleted' }
  | { kind: 'submitted' }
  /** Our save went over a newer copy from elsewhere (seen only on save, e.g. without BroadcastChannel). */
  | { kind: 'overwrote' };

/** Errors that no retry can fix: the draft is gone or closed for editing. */
const FINAL: readonly SaveErrorCode[] = ['missing', 'submitted'];

export function classifySaveError(err: unknown): SaveErrorCode {
  if (err instanceof DraftError) return err.code;
  const name = typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : '';
  switch (name) {
    case 'QuotaExceededError':
      return 'quota';
    case 'InvalidStateError':
      return 'closed';
    case 'AbortError':
    case 'UnknownError':
      // Chrome reports a full disk as an abort; both mean "try again later".
      return 'aborted';
    case 'TimeoutError':
      return 'blocked';
    default:
      return 'unknown';
  }
}

/** Wait before retrying a failed write, n-th attempt 1-based: 1 s doubling to 30 s, ±20%. */
const SAVE_RETRY = { baseMs: 1000, capMs: 30_000, spread: 0.2 } as const;

export interface AutosaveOptions {
  id: string;
  /** `updatedAt` of the copy the editor loaded. */
  baseUpdatedAt: number;
  /** What the editor knows of the stored draft, so a save on page exit lands (see SaveDraftInput.known). */
  known?: { createdAt: number; sessionId?: string };
  /** Least time between the starts of two writes while typing goes on. */
  intervalMs?: number;
  /** A write that takes longer than this is reported as blocked (it keeps waiting). */
  slowMs?: number;
  save?: (input: SaveDraftInput) => Promise<SaveDraftResult>;
  /** Called after a quota or closed-connection failure so the next try opens a fresh connection. */
  reset?: () => Promise<void>;
  random?: () => number;
  /** Wait before the n-th retry; defaults to 1 s doubling to 30 s, ±20%. */
  retryDelay?: (attempt: number) => number;
  onExternalChange?: (change: ExternalChange) => void;
  /** Synchronous last write when the page is left (default rescueDraftSync). */
  rescue?: (input: { id: string; data: unknown; step?: string }) => boolean;
  /** Page events to flush on; false in tests that drive flush() by hand. */
  listenToPage?: boolean;
  /** Register with the form guard so an app update waits for the save. */
  guard?: boolean;
}

export interface Autosaver<T> {
  readonly origin: string;
  /** A new version of the form: kept in memory at once, written at once or at the end of the current interval. */
  update(data: T, step?: string): void;
  /** Writes now whatever is pending. Resolves true when nothing is left unsaved. */
  flush(): Promise<boolean>;
  status(): SaveStatus;
  subscribe(listener: (status: SaveStatus) => void): () => void;
  /** The copy not yet written, if any. */
  pending(): { data: T; step?: string } | null;
  /** After loading another tab's newer copy: forget pending changes and take its stamp. */
  rebase(updatedAt: number): void;
  /** The person chose to keep a draft another tab deleted: write this copy again. */
  restore(data: T, step?: string): Promise<boolean>;
  /**
   * The editor closes: writes what is pending and stops listening. If the
   * write fails, retries go on in the background until one succeeds, so
   * leaving the screen never drops the in-memory copy.
   */
  dispose(): Promise<void>;
}

export function createAutosaver<T>(options: AutosaveOptions): Autosaver<T> {
  const intervalMs = options.intervalMs ?? 100;
  const slowMs = options.slowMs ?? 4000;
  const save = options.save ?? saveDraft;
  const reset = options.reset ?? closeDb;
  const random = options.random ?? Math.random;
  const delayFor = options.retryDelay ?? ((attempt: number) => backoffDelay(attempt, { ...SAVE_RETRY, random }));
  const origin = crypto.randomUUID();

  let base = options.baseUpdatedAt;
  let pending: { data: T; step?: string } | null = null;
  let status: SaveStatus = { state: 'idle' };
  let attempts = 0;
  let recreate = false;
  /** The trailing write of the current interval, when one is due. */
  let throttle: ReturnType<typeof setTimeout> | undefined;
  /** performance.now() when the last write started. */
  let lastWriteAt = -Infinity;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let disposed = false;
  let closing = false;
  /** Another tab deleted or submitted the draft: nothing may be written for it behind the person's back. */
  let gone = false;
  const listeners = new Set<(s: SaveStatus) => void>();
  const cleanups: (() => void)[] = [];

  const setStatus = (next: SaveStatus) => {
    status = next;
    listeners.forEach((l) => l(next));
  };

  const clearTimers = () => {
    clearTimeout(throttle);
    clearTimeout(retry);
    throttle = retry = undefined;
  };

  const writeOnce = async (): Promise<void> => {
    const snapshot = pending;
    if (!snapshot) return;
    lastWriteAt = performance.now();
    // A write that hangs (another tab blocks the upgrade) is said, not hidden.
    const slow = setTimeout(() => {
      if (pending) setStatus({ state: 'error', code: 'blocked', attempts: attempts + 1, retryAt: null });
    }, slowMs);
    try {
      const result = await save({
        id: options.id,
        data: snapshot.data,
        ...(snapshot.step !== undefined ? { step: snapshot.step } : {}),
        expectedUpdatedAt: base,
        origin,
        recreate,
        ...(options.known ? { known: options.known } : {}),
      });
      base = result.record.updatedAt;
      recreate = false;
      attempts = 0;
      // Changes typed while the write ran stay pending for the next one.
      if (pending === snapshot) pending = null;
      if (closing && !pending) stop();
      if (result.conflict) options.onExternalChange?.({ kind: 'overwrote' });
      if (pending) {
        setStatus({ state: 'saving' });
        scheduleWrite();
      } else setStatus({ state: 'saved', at: Date.now() });
    } catch (err) {
      const code = classifySaveError(err);
      attempts += 1;
      if (code === 'quota' || code === 'closed' || code === 'aborted') {
        // Firefox leaves a database read-only after a quota error until it is reopened.
        await reset().catch(() => {});
      }
      if (FINAL.includes(code)) {
        setStatus({ state: 'error', code, attempts, retryAt: null });
      } else {
        const wait = delayFor(attempts);
        setStatus({ state: 'error', code, attempts, retryAt: Date.now() + wait });
        clearTimeout(retry);
        retry = setTimeout(() => void run(), wait);
      }
    } finally {
      clearTimeout(slow);
    }
  };

  /** One write at a time; a call during a write waits for it, then writes what is newer. */
  const run = async (): Promise<void> => {
    while (inFlight) await inFlight;
    if (!pending) return;
    inFlight = writeOnce();
    try {
      await inFlight;
    } finally {
      inFlight = null;
    }
  };

  /** Writes now if the interval since the last write is over, else once at its end (with the newest copy). */
  function scheduleWrite() {
    if (throttle !== undefined) return;
    const wait = lastWriteAt + intervalMs - performance.now();
    if (wait <= 0) {
      void run();
      return;
    }
    throttle = setTimeout(() => {
      throttle = undefined;
      void run();
    }, wait);
  }

  function stop() {
    disposed = true;
    clearTimers();
    cleanups.splice(0).forEach((c) => c());
    listeners.clear();
  }

  const flush = async (): Promise<boolean> => {
    // A change made while a write ran is written too; a few rounds at most,
    // so a person still typing does not keep the caller waiting.
    for (let round = 0; round < 3; round++) {
      clearTimeout(throttle);
      throttle = undefined;
      await run();
      while (inFlight) await inFlight;
      if (pending === null || status.state === 'error') break;
    }
    return pending === null;
  };

  const rescue = options.rescue ?? rescueDraftSync;
  /**
   * Leaving (or hiding) the page: the normal write starts, but it needs an
   * await before it can write and may not outlive the page, so the copy is
   * also written at once to the side record the next load recovers.
   */
  const onLeave = () => {
    if (pending && !gone && !disposed) {
      rescue({ id: options.id, data: pending.data, ...(pending.step !== undefined ? { step: pending.step } : {}) });
    }
    void flush();
  };
  const onHide = () => {
    if (document.visibilityState === 'hidden') onLeave();
  };
  const onPageHide = () => onLeave();

  if (options.listenToPage !== false && typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    cleanups.push(() => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
    });
  }
  if (options.guard !== false) {
    cleanups.push(registerOpenForm(async () => void (await flush())));
  }
  cleanups.push(
    onDatabaseBlocked(() => {
      if (pending && inFlight) setStatus({ state: 'error', code: 'blocked', attempts: attempts + 1, retryAt: null });
    }),
  );
  cleanups.push(
    onDraftChange((change: DraftChange) => {
      if (change.id !== options.id || change.origin === origin) return;
      if (change.type === 'saved' && change.updatedAt !== base) options.onExternalChange?.({ kind: 'changed', updatedAt: change.updatedAt });
      if (change.type === 'deleted' || change.type === 'submitted') gone = true;
      if (change.type === 'deleted') options.onExternalChange?.({ kind: 'deleted' });
      if (change.type === 'submitted') options.onExternalChange?.({ kind: 'submitted' });
    }),
  );

  return {
    origin,
    update(data, step) {
      if (disposed || closing) return;
      pending = { data, ...(step !== undefined ? { step } : {}) };
      // An error stays visible until a write succeeds.
      if (status.state !== 'error') setStatus({ state: 'saving' });
      if (status.state === 'error' && FINAL.includes(status.code)) return;
      scheduleWrite();
    },
    flush,
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pending: () => pending,
    rebase(updatedAt) {
      clearTimers();
      pending = null;
      base = updatedAt;
      attempts = 0;
      setStatus({ state: 'saved', at: Date.now() });
    },
    async restore(data, step) {
      gone = false;
      pending = { data, ...(step !== undefined ? { step } : {}) };
      recreate = true;
      attempts = 0;
      setStatus({ state: 'saving' });
      return flush();
    },
    async dispose() {
      if (disposed || closing) return;
      closing = true;
      const saved = await flush();
      if (saved || (status.state === 'error' && FINAL.includes(status.code))) stop();
    },
  };
}
