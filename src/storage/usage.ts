/**
 * What the browser says about keeping our data: how much is stored, how
 * much it allows, and whether it promised not to clear it. Safari clears a
 * site's storage after 7 days without a visit unless the app was added to
 * the Home Screen, so Settings and the request list warn about that.
 */

export interface StorageStatus {
  /** Bytes this site uses, as the browser estimates it (null: browser does not say). */
  usage: number | null;
  /** Bytes this site may use (null: browser does not say). */
  quota: number | null;
  /** True when the browser promised to keep our data; null when it cannot say. */
  persisted: boolean | null;
}

type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>;

function manager(): Partial<StorageManagerLike> | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

export async function storageEstimate(storage: Partial<StorageManagerLike> | undefined = manager()): Promise<StorageStatus> {
  const [estimate, persisted] = await Promise.all([
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
  ]);
  return {
    usage: typeof estimate?.usage === 'number' ? estimate.usage : null,
    quota: typeof estimate?.quota === 'number' ? estimate.quota : null,
    persisted,
  };
}

let asked: Promise<boolean | null> | null = null;

/**
 * Asks once per page to keep our storage. Browsers answer without a prompt
 * (Chrome decides by engagement, Firefox may ask the person), so this is
 * called on the first save, when the person has shown they mean to keep
 * something.
 */
export function requestPersistence(storage: Partial<StorageManagerLike> | undefined = manager()): Promise<boolean | null> {
  if (!asked) {
    asked = (async () => {
      if (!storage?.persist) return null;
      try {
        if (storage.persisted && (await storage.persisted())) return true;
        return await storage.persist();
      } catch {
        return null;
      }
    })();
  }
  return asked;
}

/** For tests: forget that persistence was asked for. */
export function resetPersistenceRequest(): void {
  asked = null;
}

interface NavigatorLike {
  userAgent: string;
  platform?: string;
  maxTouchPoints?: number;
  standalone?: boolean;
}

interface WindowLike {
  matchMedia?: (query: string) => { matches: boolean };
}

/**
 * True on an iPhone or iPad browser tab (Safari or another iOS browser, all
 * WebKit) that is not the app opened from the Home Screen. There the site's
 * storage may be cleared after 7 days without use. iPadOS reports itself as
 * a Mac; a Mac with touch points is an iPad.
 */
export function isIosNotStandalone(
  nav: NavigatorLike | undefined = typeof navigator === 'undefined' ? undefined : (navigator as NavigatorLike),
  win: WindowLike | undefined = typeof window === 'undefined' ? undefined : window,
): boolean {
  if (!nav) return false;
  const ua = nav.userAgent;
  const ios = /\b(iPhone|iPad|iPod)\b/.test(ua) || (/\bMacintosh\b/.test(ua) && (nav.maxTouchPoints ?? 0) > 1);
  if (!ios) return false;
  const standalone = nav.standalone === true || win?.matchMedia?.('(display-mode: standalone)').matches === true;
  return !standalone;
}
