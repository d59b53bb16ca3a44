import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';

/**
 * After an in-app navigation, move focus to the new screen's heading so a
 * screen reader announces it and keyboard users start at the top. Not on
 * first load (the browser handles that) and not for in-page #anchors.
 */
export function RouteFocus() {
  const { path } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let tries = 0;
    // Lazy screens render a moment later: look for the heading on the next frames.
    const look = () => {
      const h1 = document.querySelector<HTMLElement>('main h1');
      if (h1) {
        if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
        h1.focus({ preventScroll: false });
      } else if (tries++ < 30) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, [path]);
  return null;
}
