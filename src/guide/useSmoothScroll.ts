import { useEffect } from 'preact/hooks';

/**
 * The class on <html> while the guide is open: its contents' in-page links
 * scroll smoothly (guide.css, where motion is welcome). The prerendered
 * guide.html carries it from the start (scripts/vite-plugin-prerender.ts).
 *
 * A class, not `html:has(.guide)`: a :has() on the root is checked again on
 * every insertion anywhere in the page, and each section the guide adds
 * after the first restyled the whole document (a trace: 176 elements
 * restyled for one section, "Affected by :has()" on <html>).
 */
export const SMOOTH_SCROLL_CLASS = 'guide-open';

export function useSmoothScroll(): void {
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add(SMOOTH_SCROLL_CLASS);
    return () => root.classList.remove(SMOOTH_SCROLL_CLASS);
  }, []);
}
