/**
 * The running header of every printed page (name and A-number) lives in a
 * CSS custom property that the @page margin box reads (staff.css). Set
 * through the CSSOM, which the strict CSP allows (no inline style).
 */
export const PRINT_HEADER_PROPERTY = '--staff-print-who';

/** Any text as a CSS string: quotes and backslashes escaped, line breaks and control characters as spaces. */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/["\\]/g, '\\$&')}"`;
}

export function setPrintHeader(text: string): () => void {
  const root = document.documentElement;
  root.style.setProperty(PRINT_HEADER_PROPERTY, cssString(text));
  return () => root.style.removeProperty(PRINT_HEADER_PROPERTY);
}
