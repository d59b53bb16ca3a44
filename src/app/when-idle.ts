/**
 * Settles once the main thread has a moment after what is under way (a
 * render, its paint): for work the first screen does not show. At most
 * two seconds, so a busy page still gets it; where there is no
 * requestIdleCallback (Safari), after 200 ms.
 */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 200),
  );
}
