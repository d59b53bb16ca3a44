import { ALL_NAMESPACES, extendCatalog, loadCatalog, type LoadedCatalog } from './catalog';

/**
 * The app's current catalog. The shell's strings load before the first
 * paint; each screen's strings load with the screen (see `withMessages`),
 * and the rest follow when the page is idle, so every screen is ready
 * offline and the first screen stays small.
 */
let current: LoadedCatalog | null = null;
let pending: Promise<LoadedCatalog> | null = null;
const listeners = new Set<(c: LoadedCatalog) => void>();

function publish(next: LoadedCatalog) {
  current = next;
  listeners.forEach((l) => l(next));
}

export function currentCatalog(): LoadedCatalog | null {
  return current;
}

export function subscribeCatalog(listener: (c: LoadedCatalog) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function startCatalog(code: string, namespaces: readonly string[] = ['shell']): Promise<LoadedCatalog> {
  const first = await loadCatalog(code, namespaces);
  current = first;
  return first;
}

/** A screen's name ('guide', 'settings'…) or a namespace → the namespace that holds its strings. */
export function namespaceFor(name: string): string {
  return ALL_NAMESPACES.includes(name) ? name : 'app';
}

/** Loads namespaces into the current catalog (and locale); resolves when they are in. */
export function ensureNamespaces(names: readonly string[]): Promise<LoadedCatalog> {
  const namespaces = [...new Set(names.map(namespaceFor))];
  const run = async (): Promise<LoadedCatalog> => {
    for (;;) {
      if (!current) throw new Error('catalog not started');
      const before = current;
      const next = await extendCatalog(before, namespaces);
      // A language switch that finished meanwhile wins: extend it instead.
      if (current !== before) continue;
      if (next !== before) publish(next);
      return next;
    }
  };
  pending = (pending ?? Promise.resolve(current!)).catch(() => current!).then(run);
  return pending;
}

export function ensureAllNamespaces(): Promise<LoadedCatalog> {
  return ensureNamespaces(ALL_NAMESPACES);
}

/** Switches language, keeping every namespace that was loaded. */
export async function switchLocale(code: string): Promise<LoadedCatalog | null> {
  const namespaces = current?.namespaces ?? ['shell'];
  const next = await loadCatalog(code, namespaces).catch(() => null);
  if (!next) return null;
  publish(next);
  return next;
}

/**
 * Wraps a lazy screen so it renders only once its messages are in:
 * `lazy(withMessages('screener', () => import('./ScreenerView')))`; the
 * screen's name maps to the chunk that holds its strings.
 */
export function withMessages<T>(namespace: string, load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), ensureNamespaces([namespace]).catch(() => null)]).then(([m]) => m);
}
