/// <reference types="vite/client" />

declare module 'virtual:ombuds-messages' {
  import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
  /** Screens whose messages load as their own chunk; 'shell' is always loaded. */
  export const NAMESPACES: string[];
  /** Per locale, per namespace: a loader of that part of the catalog, compiled to ICU ASTs. */
  type Message = string | MessageFormatElement[];
  /** English carries the keys; every other locale only its values, in the English key order (null = untranslated). */
  export type CatalogPart = { keys: string[]; values: Message[] } | (Message | null)[];
  export const loaders: Record<string, Record<string, () => Promise<CatalogPart>>>;
}
