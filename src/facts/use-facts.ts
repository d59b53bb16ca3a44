import { useContext } from 'preact/hooks';
import { makeFactBook, type FactBook } from './fact-book';
import { FactOverridesContext } from './facts-context';

// One book per /config.json read, shared by every view that shows facts.
const books = new WeakMap<object, FactBook>();

/** The contact facts as the office running this app has them. */
export function useFacts(): FactBook {
  const overrides = useContext(FactOverridesContext);
  let book = books.get(overrides);
  if (!book) {
    book = makeFactBook(overrides);
    books.set(overrides, book);
  }
  return book;
}
