/**
 * The running header of every printed page (name and A-number) lives in a
 * CSS custom property that the @page margin box reads (staff.css). Set
 * through the CSSOM, which the strict CSP allows (no inline style).
 */
import { cssString } from '../requests/print/print-header';

export const PRINT_HEADER_PROPERTY = '--staff-print-who';

export function setPrintHeader(text: string): () => void {
  const root = document.documentElement;
  root.style.setProperty(PRINT_HEADER_PROPERTY, cssString(text));
  return () => root.style.removeProperty(PRINT_HEADER_PROPERTY);
}
