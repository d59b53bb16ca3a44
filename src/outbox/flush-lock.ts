import { acquireFlushLease, releaseFlushLease } from './outbox-store';

/**
 * One flush at a time across tabs and the service worker: Web Locks where
 * the browser has them (released by the browser if the holder dies), else
 * a lease in IndexedDB that lapses after `ttlMs` (a crashed holder cannot
 * block delivery for longer). Per-record claims in the outbox are the
 * second line: even two flushes at once never send one record twice at once.
 */
export const FLUSH_LOCK_NAME = 'ombuds-flush';

export interface LockOptions {
  /** Injected in tests; by default navigator.locks. `null` forces the lease. */
  locks?: Pick<LockManager, 'request'> | null;
  now?: () => number;
  ttlMs?: number;
}

export interface LockHandle {
  /** Keeps a lease alive during long work; a no-op under Web Locks. */
  renew(): Promise<boolean>;
  /**
   * True under Web Locks: no other sender can be alive, so records left
   * 'sending' are orphans. False under the lease, which can lapse while its
   * holder still works.
   */
  exclusive: boolean;
}

function defaultLocks(): Pick<LockManager, 'request'> | null {
  const nav = (globalThis as { navigator?: { locks?: LockManager } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null;
}

/** Runs `fn` holding the flush lock; answers null without running it when someone else holds it. */
export async function withFlushLock<T>(fn: (handle: LockHandle) => Promise<T>, options: LockOptions = {}): Promise<T | null> {
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  if (locks) {
    let result: T | null = null;
    await locks.request(FLUSH_LOCK_NAME, { ifAvailable: true }, async (lock) => {
      if (lock) result = await fn({ renew: async () => true, exclusive: true });
    });
    return result;
  }
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? 2 * 60_000;
  const owner = crypto.randomUUID();
  if (!(await acquireFlushLease(owner, now(), ttl))) return null;
  try {
    return await fn({ renew: () => acquireFlushLease(owner, now(), ttl), exclusive: false });
  } finally {
    await releaseFlushLease(owner).catch(() => {});
  }
}
