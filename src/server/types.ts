import type { Hono } from 'hono';
import type { Db } from './db';
import type { ServerSettings } from './settings';

/**
 * What every route module receives. Kept apart from app.ts so route modules
 * depend on this leaf, not on the app that mounts them (no import circle).
 */
export interface AppDeps {
  settings: ServerSettings;
  db: Db;
  /** Time source, injectable for tests. */
  now?: () => Date;
}

/** One group of API routes, mounted under /api/v1 by createApp. */
export type ApiRoutes = (api: Hono, deps: AppDeps) => void;
