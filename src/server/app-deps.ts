import type { Hono } from 'hono';
import type { SqlEngine } from './db/engine';
import type { IntakeStore } from './intake-store';
import type { KeyRing } from './keys';
import type { ServerSettings } from './settings';

/**
 * What the app and every route module are given. Apart from app.ts so a
 * route module can name it without importing the app that mounts it.
 */
export interface AppDeps {
  settings: ServerSettings;
  /** The database seam (db/engine.ts), for stores that add their own tables. */
  db: SqlEngine;
  store: IntakeStore;
  /** Sealing keys, when already loaded (see keyRingFor). */
  ring?: Promise<KeyRing>;
  /** Time source, injectable for tests. */
  now?: () => Date;
}

export type ApiRoutes = (api: Hono, deps: AppDeps) => void;
