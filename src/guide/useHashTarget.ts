import { useEffect, useRef } from 'preact/hooks';

function reducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Scrolls to the element the URL's #fragment names and moves focus there, so a screen reader starts reading at it. */
export function goToHash(): boolean {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return false;
  const el = document.getElementById(id);
  if (!el) return false;
  // Sections not laid out yet stand in at a guessed height: lay them out,
  // or the jump lands where the guess put the text.
  document.querySelector('.guide__body')?.setAttribute('data-whole', '');
  if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'start' });
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  return true;
}

/**
 * Deep links such as /guide#when-we-can-help. The browser cannot honour
 * the fragment on first load because the sections arrive later, from a
 * lazily loaded chunk, so once they are rendered this jumps there itself
 * (once: switching language later keeps the reader's place). In-page links
 * are left to the browser and then focused on `hashchange`; one to a part
 * not yet in the page waits for it (`whenAll`, see useSectionReveal).
 */
export function useHashTarget(ready: boolean, whenAll: (act: () => void) => void): void {
  const done = useRef(false);
  // A link to a part of the guide not yet written in (they go in one per
  // frame) asks for the rest and goes there once it is in.
  const all = useRef(whenAll);
  all.current = whenAll;
  useEffect(() => {
    if (!ready || done.current) return;
    const frame = requestAnimationFrame(() => {
      done.current = true;
      goToHash();
    });
    return () => cancelAnimationFrame(frame);
  }, [ready]);
  useEffect(() => {
    const onHash = () => {
      if (!goToHash()) all.current(() => void goToHash());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
}
