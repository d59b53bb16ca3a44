/**
 * What every printed page of a request carries in its margins: the
 * person's name and A-number at the top, "Page X of Y" at the bottom. The
 * @page margin boxes in requests.css read two CSS custom properties, set
 * here through the CSSOM (the strict CSP allows no inline style) while a
 * printable request is on screen, and removed after, so no other printout
 * of the app gets them.
 */
export const PRINT_WHO = '--print-who';
export const PRINT_PAGES = '--print-pages';

const PAGE = '\uE000';
const PAGES = '\uE001';

/** Any text as a CSS string: quotes and backslashes escaped, line breaks and control characters as spaces. */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/["\\]/g, '\\$&')}"`;
}

/**
 * A translated "Page {page} of {pages}" as CSS content, the numbers left to
 * the page counters: `"Page " counter(page) " of " counter(pages)`.
 */
export function pageCounterContent(format: (values: { page: string; pages: string }) => string): string {
  return format({ page: PAGE, pages: PAGES })
    .split(/([\uE000\uE001])/)
    .filter(Boolean)
    .map((part) => (part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

export function setPrintMargins(who: string, pages: string): () => void {
  const style = document.documentElement.style;
  style.setProperty(PRINT_WHO, cssString(who));
  style.setProperty(PRINT_PAGES, pages);
  return () => {
    style.removeProperty(PRINT_WHO);
    style.removeProperty(PRINT_PAGES);
  };
}
