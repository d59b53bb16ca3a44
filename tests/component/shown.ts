import { expect } from 'vitest';

/**
 * Fails unless a person meets the element: a getBy/findBy query already
 * fails when it is missing, and this also fails when it is inside something
 * hidden, aria-hidden or inert (there for the DOM, not for the reader).
 */
export function expectShown(element: Element): void {
  expect(element.isConnected, 'the element is in the page').toBe(true);
  const hiddenBy = element.closest('[hidden], [aria-hidden="true"], [inert]');
  expect(hiddenBy?.outerHTML.slice(0, 80) ?? null, 'hidden from the reader by').toBeNull();
}
