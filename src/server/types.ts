import type { Hono } from 'hono';
import type { SqlEngine } from './db/engine';
import type { IntakeStore } from './intake-store';
import type { KeyRing } from './keys';
import type { ServerSettings } from './settings';

/**
 * What every route module receives. Kept apart from app.ts so route modules
 * depend on this leaf, not on the app that mounts them (no import circle).
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

/** One group of API routes, mounted under /api/v1 by createApp. */
export type ApiRoutes = (api: Hono, deps: AppDeps) => void;
