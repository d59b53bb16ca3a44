import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';

/** How long a screen may take to arrive (a lazy chunk from a slow cache) before we stop waiting for its heading. */
const WATCH_MS = 10_000;
/** A screen may keep the old heading element and only change its text: after this long, the heading in place is the new one. */
const SAME_ELEMENT_MS = 600;

function focusHeading(h1: HTMLElement): void {
  if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
  h1.focus({ preventScroll: false });
}

/**
 * Puts focus on the new screen's heading as it arrives. While a lazy
 * screen loads, the router keeps the old screen on view, so the heading
 * found at once is usually the old one (`stale`), which is about to be
 * removed: focusing it sent focus to <body> a moment later. Instead, wait
 * for a heading that is not the old one, and follow the heading if the
 * screen replaces it while focus is still on it. Stops as soon as the
 * person does anything, or focus goes somewhere else on purpose.
 */
function followHeading(main: HTMLElement, stale: Element | null): () => void {
  const started = performance.now();
  const before = document.activeElement;
  let focused: HTMLElement | null = null;

  const check = () => {
    const active = document.activeElement;
    // Focus was put somewhere we did not put it (a screen's own field, a #target): respect it.
    if (active && active !== document.body && active !== before && active !== focused && active !== stale) return stop();
    const h1 = main.querySelector<HTMLElement>('h1');
    if (!h1 || h1 === active) return;
    if (h1 === stale && performance.now() - started < SAME_ELEMENT_MS) return;
    focusHeading(h1);
    focused = h1;
  };

  const observer = new MutationObserver(check);
  observer.observe(main, { childList: true, subtree: true });
  const frame = requestAnimationFrame(check);
  // For a heading kept in place (no mutation comes): look once more after the wait.
  const sameElement = setTimeout(check, SAME_ELEMENT_MS);
  const timeout = setTimeout(() => stop(), WATCH_MS);
  const onInput = () => stop();
  document.addEventListener('pointerdown', onInput, true);
  document.addEventListener('keydown', onInput, true);

  function stop() {
    observer.disconnect();
    cancelAnimationFrame(frame);
    clearTimeout(sameElement);
    clearTimeout(timeout);
    document.removeEventListener('pointerdown', onInput, true);
    document.removeEventListener('keydown', onInput, true);
  }
  return stop;
}

/**
 * After an in-app navigation, move focus to the new screen's heading so a
 * screen reader announces it and keyboard users start at the top. Not on
 * first load (the browser handles that) and not for in-page #anchors.
 */
export function RouteFocus() {
  const { path } = useLocation();
  const first = useRef(true);
  const seenPath = useRef(path);
  const stale = useRef<Element | null>(null);
  if (seenPath.current !== path) {
    // This renders before the router's screens are patched, so the heading
    // in the document now belongs to the screen being left.
    seenPath.current = path;
    stale.current = document.querySelector('main h1');
  }
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.querySelector<HTMLElement>('main');
    return main ? followHeading(main, stale.current) : undefined;
  }, [path]);
  return null;
}
