import * as v from 'valibot';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiRoutes } from './types';
import type { SqlEngine } from './db/engine';
import { apiError } from './errors';
import { log } from './log';
import { EventStatsSchema, type EventStats } from '../shared/event-stats';

/**
 * POST /events/:id/stats: an outreach event's anonymous counts, sent by the
 * officer's tablet. Idempotent: the same event id replaces its counts (a
 * tablet sends again after more people came), so a repeat never doubles a
 * number. Counts only; the body is validated strictly and never logged.
 */

/** Counts and a short description fit in far less; anything larger is not ours. */
export const EVENT_STATS_MAX_BYTES = 16 * 1024;

const FIELDS = new Set(Object.keys(EventStatsSchema.entries));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface StoredEventStats {
  id: string;
  stats: EventStats;
  receivedAt: string;
  updatedAt: string;
}

export async function upsertEventStats(db: SqlEngine, id: string, stats: EventStats, at: string): Promise<StoredEventStats> {
  await db.exec(
    `INSERT INTO event_stats (id, name, place, date, body, received_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, place = excluded.place, date = excluded.date,
       body = excluded.body, updated_at = excluded.updated_at`,
    [id, stats.name, stats.place, stats.date, JSON.stringify(stats), at],
  );
  return (await getEventStats(db, id))!;
}

export async function getEventStats(db: SqlEngine, id: string): Promise<StoredEventStats | undefined> {
  const [row] = await db.query<{ id: string; body: string; received_at: string; updated_at: string }>(
    'SELECT id, body, received_at, updated_at FROM event_stats WHERE id = $1',
    [id],
  );
  if (!row) return undefined;
  return { id: row.id, stats: JSON.parse(row.body) as EventStats, receivedAt: row.received_at, updatedAt: row.updated_at };
}

function isJson(c: Context): boolean {
  const [type = '', ...params] = (c.req.header('Content-Type') ?? '').split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  return type === 'application/json' && (charset === undefined || charset === 'utf-8');
}

export const eventRoutes: ApiRoutes = (api, deps) => {
  const { db } = deps;
  const now = () => deps.now?.() ?? new Date();
  const sizeLimit = bodyLimit({ maxSize: EVENT_STATS_MAX_BYTES, onError: (c) => apiError(c, 413, 'payload_too_large') });

  api.post(
    '/events/:id/stats',
    async (c, next) => (isJson(c) ? sizeLimit(c, next) : apiError(c, 415, 'unsupported_media_type')),
    async (c) => {
      const id = c.req.param('id').toLowerCase();
      if (!UUID.test(id)) return apiError(c, 400, 'invalid_id');
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer()));
      } catch {
        return apiError(c, 400, 'malformed_json');
      }
      const parsed = v.safeParse(EventStatsSchema, body);
      if (!parsed.success) {
        // Only our own field names go back: never a key or value the client made up.
        const issues = parsed.issues.slice(0, 20).map((issue) => {
          const field = String(issue.path?.[0]?.key ?? '');
          return { code: issue.type, ...(FIELDS.has(field) ? { path: field } : {}) };
        });
        return apiError(c, 422, 'invalid', { issues });
      }
      const stored = await upsertEventStats(db, id, parsed.output, now().toISOString());
      log.info('event_stats_received', { served: parsed.output.served });
      c.header('Cache-Control', 'no-store');
      return c.json({ id, receivedAt: stored.receivedAt, updatedAt: stored.updatedAt });
    },
  );
};
