import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app';
import type { SqlEngine } from '../../src/server/db/engine';
import { openSqlite } from '../../src/server/db/sqlite';
import { migrate } from '../../src/server/db/migrate';
import { createIntakeStore } from '../../src/server/intake-store-sql';
import { readSettings } from '../../src/server/settings';
import { eventRoutes, getEventStats } from '../../src/server/events';
import type { EventStats } from '../../src/shared/event-stats';

let dir: string;
let db: SqlEngine;
let app: ReturnType<typeof createApp>;

const EVENT_ID = '0b6c3f7e-4f8a-4c1e-9d2b-7a5e3c1f9e01';

const stats = (over: Partial<EventStats> = {}): EventStats => ({
  name: 'Community fair',
  place: 'Library, Main St',
  date: '2025-05-03',
  defaultLocale: 'es',
  served: 12,
  submitted: 3,
  outcomes: { 'may-help': 5, 'first-try-uscis': 4 },
  languages: { es: 8, en: 4, 'zh-Hans': 1 },
  outbox: { waiting: 1, needsAttention: 0, delivered: 2 },
  ...over,
});

const post = (body: unknown, id = EVENT_ID, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  app.request(`/api/v1/events/${id}/stats`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ombuds-events-'));
  const dist = join(dir, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>shell</title>');
  const settings = readSettings({ DATA_DIR: join(dir, 'data'), DIST_DIR: dist });
  db = openSqlite(settings.dataDir);
  await migrate(db);
  const store = createIntakeStore(db, () => Promise.reject(new Error('no store keys in this test')));
  let t = Date.parse('2025-05-03T18:00:00Z');
  // Only this route group: the test needs no sealing keys.
  app = createApp({ settings, db, store, now: () => new Date((t += 1000)) }, [eventRoutes]);
});

afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('POST /api/v1/events/:id/stats', () => {
  it('stores the counts, answers no-store, and repeats are an upsert', async () => {
    const first = await post(stats());
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const a = (await first.json()) as { id: string; receivedAt: string; updatedAt: string };
    expect(a.id).toBe(EVENT_ID);

    const again = await post(stats({ served: 20, submitted: 5 }));
    expect(again.status).toBe(200);
    const b = (await again.json()) as { receivedAt: string; updatedAt: string };
    expect(b.receivedAt).toBe(a.receivedAt);
    expect(b.updatedAt > a.updatedAt).toBe(true);

    const stored = (await getEventStats(db, EVENT_ID))!;
    expect(stored.stats.served).toBe(20);
    expect(stored.stats.submitted).toBe(5);
    expect(await db.query('SELECT COUNT(*) AS n FROM event_stats')).toEqual([{ n: 1 }]);

    // The same body twice: the same row, the same numbers.
    await post(stats({ served: 20, submitted: 5 }));
    expect((await getEventStats(db, EVENT_ID))!.stats).toEqual(stored.stats);
  });

  it('refuses anything but counts, with codes and our own field names only', async () => {
    const extra = await post({ ...stats(), names: ['Maria Lopez'] });
    expect(extra.status).toBe(422);
    const body = (await extra.json()) as { error: string; issues: { code: string; path?: string }[] };
    expect(body.error).toBe('invalid');
    expect(JSON.stringify(body)).not.toContain('Maria');
    expect(JSON.stringify(body)).not.toContain('names');

    for (const bad of [
      stats({ served: -1 }),
      stats({ served: 1.5 }),
      stats({ date: '2025-13-40' }),
      stats({ name: '' }),
      { ...stats(), outcomes: { 'made-up': 1 } },
      { ...stats(), languages: { 'not a language': 1 } },
      { ...stats(), outbox: { waiting: 1 } },
    ]) {
      const res = await post(bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
    }
  });

  it('answers clear codes for a bad id, bad JSON, a wrong type and a big body', async () => {
    expect((await post(stats(), 'not-a-uuid')).status).toBe(400);
    const malformed = await post('{"served":');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'malformed_json' });
    expect((await post(stats(), EVENT_ID, { 'Content-Type': 'text/plain' })).status).toBe(415);
    const big = await post({ ...stats(), place: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(await getEventStats(db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('sets Cache-Control: no-store on every API answer by default', async () => {
    for (const res of [await app.request('/api/v1/health'), await app.request('/api/v1/nothing-here'), await post('{')]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
