/**
 * Open forms register here so that nothing that would discard the page (an
 * app update, "Next person") runs before their pending autosave is written.
 */
type Flush = () => Promise<void> | void;

const open = new Set<Flush>();
const listeners = new Set<() => void>();

export function registerOpenForm(flush: Flush): () => void {
  open.add(flush);
  listeners.forEach((l) => l());
  return () => {
    open.delete(flush);
    listeners.forEach((l) => l());
  };
}

export function hasOpenForm(): boolean {
  return open.size > 0;
}

export async function flushOpenForms(): Promise<void> {
  await Promise.all([...open].map((f) => f()));
}

export function onOpenFormsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
