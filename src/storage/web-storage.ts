/**
 * localStorage and sessionStorage where the browser offers them. Reading
 * either property can throw (storage blocked, some private modes) or find
 * nothing (tests, workers); callers then carry on without.
 */

export function localStore(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** This tab's sessionStorage. */
export function tabStore(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
