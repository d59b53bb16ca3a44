import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '../../src/storage/db';
import { wipeSession } from '../../src/event-mode/event-mode';
import { followLink, forgetStatus, getStatus, listStatuses, onStatusChange, recordCheck } from '../../src/storage/statuses';
import type { DeliveredOutboxRecord } from '../../src/storage/outbox-record';
import { listFollowed } from '../../src/status/followed';
import { refreshStatuses } from '../../src/status/refresh';
import { readStatusFragment, statusLink } from '../../src/status/link';

const SENT: DeliveredOutboxRecord = {
  id: '6f1c2a4e-0b7d-4c1e-9a55-3d2f6b8e9c01',
  state: 'delivered',
  confirmation: 'K7Q-4M2-XP9',
  deliveredAt: '2026-01-05T10:00:00.000Z',
  formTypes: ['I-485'],
  statusSecret: 'sentSecret_0123456789abcdefAB',
};
const LINKED = { id: '0d9e8f7a-1b2c-4d3e-8f4a-5b6c7d8e9f00', secret: 'linkSecret_0123456789abcdefAB', confirmation: 'ZZ9-8Y7-XW6' };
const RECEIVED = { state: 'received', changedAt: '2026-01-05T10:00:00.000Z' };

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDb());

describe('the statuses store', () => {
  it('keeps a link’s secret and each answer with the time it was checked, and tells listeners the id only', async () => {
    const heard: string[] = [];
    const stop = onStatusChange((id) => heard.push(id));
    await followLink(LINKED, 1_000);
    await recordCheck(LINKED.id, RECEIVED, 2_000);
    expect(await getStatus(LINKED.id)).toEqual({ ...LINKED, localId: expect.stringMatching(/^[0-9a-f-]{36}$/), addedAt: 1_000, known: RECEIVED, checkedAt: 2_000 });
    // The office no longer knows it: the last known state stays, marked.
    await recordCheck(LINKED.id, null, 3_000);
    expect(await getStatus(LINKED.id)).toMatchObject({ known: RECEIVED, checkedAt: 3_000, notFound: true });
    // An older, slower check never replaces a newer answer.
    await recordCheck(LINKED.id, { state: 'in_review', changedAt: '2026-01-06T10:00:00.000Z' }, 2_500);
    expect(await getStatus(LINKED.id)).toMatchObject({ known: RECEIVED, checkedAt: 3_000 });
    stop();
    // Each write is heard at once here (and again through the channel other tabs listen on).
    expect(new Set(heard)).toEqual(new Set([LINKED.id]));
    expect(heard.length).toBeGreaterThanOrEqual(4);
    await forgetStatus(LINKED.id);
    expect(await listStatuses()).toEqual([]);
  });

  it('follows requests this device sent (with a secret) and those opened from links', async () => {
    const db = await getDb();
    await db.put('outbox', SENT);
    await db.put('outbox', { ...SENT, id: 'a7b6c5d4-e3f2-4a1b-9c8d-7e6f5a4b3c2d', statusSecret: undefined });
    await followLink(LINKED, 1_000);
    const followed = await listFollowed();
    expect(followed.map((f) => [f.id, f.secret])).toEqual([
      [SENT.id, SENT.statusSecret],
      [LINKED.id, LINKED.secret],
    ]);
  });
});

describe('a shared tablet', () => {
  it('keeps no status secret and no answer once the person’s session is wiped; the delivered records stay for the counts', async () => {
    const db = await getDb();
    await db.put('outbox', SENT);
    await recordCheck(SENT.id, RECEIVED, 2_000);
    await followLink(LINKED, 1_000);
    await wipeSession(undefined);
    expect(await db.get('outbox', SENT.id)).toEqual({ ...SENT, statusSecret: undefined });
    expect(Object.keys((await db.get('outbox', SENT.id))!)).not.toContain('statusSecret');
    expect(await listStatuses()).toEqual([]);
    expect(await listFollowed()).toEqual([]);
  });
});

describe('refreshStatuses', () => {
  it('asks about each followed request and keeps the answers; stops at the first unreachable answer', async () => {
    await (await getDb()).put('outbox', SENT);
    await followLink(LINKED, 1_000);
    const fetchFn = vi.fn(async (url: string | URL | Request) =>
      String(url).includes(SENT.id)
        ? Response.json({ state: 'needs_information', changedAt: '2026-01-06T10:00:00.000Z', infoReasons: ['missing_consent'] })
        : new Response('{"error":"not_found"}', { status: 404 }),
    );
    const summary = await refreshStatuses({ apiBase: '/api/v1', now: () => 5_000, fetchFn: fetchFn as unknown as typeof fetch });
    expect(summary).toEqual({ checked: 2, unreachable: false });
    expect((await getStatus(SENT.id))?.known?.infoReasons).toEqual(['missing_consent']);
    expect(await getStatus(LINKED.id)).toMatchObject({ notFound: true, checkedAt: 5_000 });

    // Checked a moment ago: an automatic run skips both.
    fetchFn.mockClear();
    expect(await refreshStatuses({ apiBase: '/api/v1', now: () => 6_000, minAgeMs: 60_000, fetchFn: fetchFn as unknown as typeof fetch })).toEqual({
      checked: 0,
      unreachable: false,
    });
    expect(fetchFn).not.toHaveBeenCalled();

    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await refreshStatuses({ apiBase: '/api/v1', now: () => 7_000, fetchFn: offline as unknown as typeof fetch })).toEqual({ checked: 0, unreachable: true });
    expect(offline).toHaveBeenCalledTimes(1);
    // Offline changes nothing stored: the last known state and its time stay.
    expect(await getStatus(SENT.id)).toMatchObject({ checkedAt: 5_000, known: { state: 'needs_information' } });
  });
});

describe('status links', () => {
  it('carry the id and secret in the fragment only, and refuse a cut or altered one', () => {
    const url = statusLink(LINKED, 'https://help.example');
    const parsed = new URL(url);
    expect(parsed.pathname).toBe('/status');
    expect(parsed.search).toBe('');
    expect(readStatusFragment(parsed.hash)).toEqual(LINKED);
    expect(readStatusFragment(parsed.hash.slice(0, -30))).toBeNull();
    expect(readStatusFragment(`#r=not-a-uuid&s=${LINKED.secret}`)).toBeNull();
    expect(readStatusFragment(`#r=${LINKED.id}&s=short`)).toBeNull();
    expect(readStatusFragment(`#r=${LINKED.id}&s=${LINKED.secret}&c=<b>`)).toEqual({ id: LINKED.id, secret: LINKED.secret });
  });
});
