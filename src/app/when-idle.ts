/**
 * Settles once the main thread has an idle moment after what is under way
 * (a render, then the frame that paints it): for work the first screen
 * does not show. At most two seconds, so a busy page still gets it; where
 * there is no requestIdleCallback (Safari), after 200 ms, a guess.
 */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 200),
  );
}
