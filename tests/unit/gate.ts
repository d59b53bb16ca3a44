/** A promise with its resolver outside: a test opens it when it wants the work behind it to go on. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}
