import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../src/storage/db';
import { createDraft, getDraft } from '../../src/storage/drafts';
import { submitDraft } from '../../src/outbox/submit';
import { KV_EVENT_MODE, getOutboxRecord, listOutbox } from '../../src/outbox/outbox-store';
import type { PendingOutboxRecord } from '../../src/storage/outbox-record';
import { flush, type FlushOptions } from '../../src/outbox/flush';
import { countRows, file, makeServer, staff, type TestServer } from './intake-helpers';
import { submittedDraft, wireIdOf } from './outbox-helpers';

const API = '/api/v1';
const DEVICE_NOW = new Date('2025-06-15T09:00:00.000Z');

const servers: TestServer[] = [];
async function server(env: Record<string, string> = {}) {
  const s = await makeServer(env);
  servers.push(s);
  return s;
}

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDb();
  for (const s of servers.splice(0)) await s.close();
});

interface Net {
  fetch: typeof fetch;
  calls: string[];
  /** Runs before each request; throw to fail it like a dead network, return a Response to answer instead. */
  before?: (url: string, init: RequestInit | undefined) => Response | void | Promise<Response | void>;
}

/** A fetch that talks to the real app in process. */
function net(s: TestServer): Net {
  const n: Net = {
    calls: [],
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      n.calls.push(`${init?.method ?? 'GET'} ${url.replace(/[0-9a-f-]{36}/g, ':id')}`);
      if (url.endsWith('/request-batch')) {
        for (const _ of (JSON.parse(String(init?.body)) as { requests: unknown[] }).requests) n.calls.push('in batch: /api/v1/requests/:id');
      }
      const instead = await n.before?.(url, init);
      if (instead) return instead;
      return s.app.request(url, init);
    }) as typeof fetch,
  };
  return n;
}

/** Requests sent, by PUT or in a batch. */
const requestSends = (n: Net) => n.calls.filter((c) => c === 'PUT /api/v1/requests/:id' || c === 'in batch: /api/v1/requests/:id').length;

const offline: typeof fetch = (async () => {
  throw new TypeError('Failed to fetch');
}) as typeof fetch;

const submit = (id: string, fetchFn: typeof fetch, now = DEVICE_NOW) =>
  submitDraft(id, { apiBase: API, fetch: fetchFn, deliver: false, now: () => now });

let clock = DEVICE_NOW.getTime();
const opts = (n: { fetch: typeof fetch }, extra: Partial<FlushOptions> = {}): FlushOptions => ({
  apiBase: API,
  fetch: n.fetch,
  now: () => clock,
  random: () => 0.5,
  locks: null,
  ...extra,
});

const serverCount = (s: TestServer, table = 'requests') => countRows(s, table);
const setEventMode = async (on: boolean) => (await getDb()).put('kv', on ? { on: true } : undefined, KV_EVENT_MODE);
const allFiles = async () => (await getDb()).getAll('attachments');

describe('submitDraft', () => {
  it('seals before storing: no plaintext in the outbox; personal mode keeps a locked copy', async () => {
    const s = await server();
    const id = await submittedDraft([file('scan of a letter')]);
    const result = await submit(id, net(s).fetch);
    expect(result).toEqual({ id, needsSeal: false });
    const record = (await getOutboxRecord(id)) as PendingOutboxRecord;
    expect(record).toMatchObject({ state: 'waiting', formTypes: ['I-485'], needsSeal: false, hasLocalCopy: true, attempts: 0 });
    expect(record.body?.kid).toBe(record.kid);
    expect(record.attachments).toHaveLength(1);
    const stored = JSON.stringify(record);
    for (const secret of ['García', 'ana@example.com', 'pending for two years', 'letter.pdf']) expect(stored).not.toContain(secret);
    const sealedText = new TextDecoder().decode(await record.attachments[0]!.sealed.arrayBuffer());
    expect(sealedText).not.toContain('scan of a letter');
    expect((await getDraft(id))?.status).toBe('submitted');
  });

  it('in event mode deletes the draft and its files in the same step', async () => {
    const s = await server();
    await setEventMode(true);
    const id = await submittedDraft([file()]);
    await submit(id, net(s).fetch);
    expect(await getDraft(id)).toBeUndefined();
    expect(await allFiles()).toEqual([]);
    expect(await getOutboxRecord(id)).toMatchObject({ hasLocalCopy: false, needsSeal: false });
  });

  it('with no server key ever seen, waits unsealed and keeps the plaintext until it can seal', async () => {
    const s = await server();
    await setEventMode(true);
    const id = await submittedDraft([file()]);
    expect(await submit(id, offline)).toEqual({ id, needsSeal: true });
    expect(await getOutboxRecord(id)).toMatchObject({ state: 'waiting', needsSeal: true, attachments: [] });
    expect((await getDraft(id))?.status).toBe('submitted');

    expect((await flush(opts({ fetch: offline }))).delivered).toBe(0);
    expect(await getOutboxRecord(id)).toMatchObject({ state: 'waiting', needsSeal: true, lastError: 'no_key', attempts: 1 });

    const summary = await flush(opts(net(s), { force: true }));
    expect(summary.delivered).toBe(1);
    expect(await getDraft(id)).toBeUndefined();
    expect(await allFiles()).toEqual([]);
    expect(await serverCount(s)).toBe(1);
  });

  it('uses the cached key when offline', async () => {
    const s = await server();
    await submit(await submittedDraft(), net(s).fetch);
    const id = await submittedDraft();
    expect(await submit(id, offline)).toEqual({ id, needsSeal: false });
  });

  it('asks the server for its key once for submits minutes apart, and again once that copy is ten minutes old', async () => {
    const s = await server();
    const n = net(s);
    const keyAsks = () => n.calls.filter((c) => c === `GET ${API}/keys`).length;
    const at = (minutes: number) => new Date(DEVICE_NOW.getTime() + minutes * 60_000);
    await submit(await submittedDraft(), n.fetch, at(0));
    expect(keyAsks()).toBe(1);
    await submit(await submittedDraft(), n.fetch, at(3));
    await submit(await submittedDraft(), n.fetch, at(10));
    expect(keyAsks()).toBe(1);
    await submit(await submittedDraft(), n.fetch, at(10.5));
    expect(keyAsks()).toBe(2);
    // A device clock set back does not make an old copy look recent.
    await submit(await submittedDraft(), n.fetch, at(-1));
    expect(keyAsks()).toBe(3);
    for (const record of await listOutbox()) expect(record).toMatchObject({ needsSeal: false });
  });

  it('rejects a draft that is not closed for submit', async () => {
    const draft = await createDraft();
    await expect(submit(draft.id, offline)).rejects.toMatchObject({ code: 'missing' });
  });
});

describe('flush', () => {
  it('uploads files first, then the request; keeps only the receipt and deletes the local copy', async () => {
    const s = await server();
    const n = net(s);
    const a = file('first');
    const b = file('second');
    const id = await submittedDraft([a, b]);
    await submit(id, n.fetch);
    const wire = await wireIdOf(id);
    n.calls.length = 0;
    const summary = await flush(opts(n));
    expect(summary).toMatchObject({ ran: true, attempted: 1, delivered: 1, waiting: 0, needsAttention: 0 });
    expect(n.calls).toEqual([
      'PUT /api/v1/requests/:id/attachments/:id',
      'PUT /api/v1/requests/:id/attachments/:id',
      'PUT /api/v1/requests/:id',
    ]);
    const record = await getOutboxRecord(id);
    expect(record).toEqual({
      id,
      state: 'delivered',
      confirmation: expect.stringMatching(/^[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$/),
      deliveredAt: '2025-06-15T12:00:00.000Z',
      formTypes: ['I-485'],
      // The id and secret the person's status page asks the office with (and the status endpoint accepts).
      wireId: wire,
      statusSecret: expect.stringMatching(/^[A-Za-z0-9_-]{22,}$/),
    });
    const asked = await s.app.request(`/api/v1/requests/${wire}/status`, { headers: { 'X-Status-Secret': (record as { statusSecret: string }).statusSecret } });
    expect(asked.status).toBe(200);
    expect(await getDraft(id)).toBeUndefined();
    expect(await allFiles()).toEqual([]);
    const detail = await (await s.app.request(`/api/v1/requests/${wire}`, { headers: staff })).json();
    expect(detail.attachments.map((x: { sha256: string }) => x.sha256).sort()).toEqual([a.ref.sha256, b.ref.sha256].sort());
  });

  it('waits with backoff on a dead network, counting attempts, then delivers', async () => {
    const s = await server();
    const id = await submittedDraft([file()]);
    await submit(id, net(s).fetch);
    clock = DEVICE_NOW.getTime();
    await flush(opts({ fetch: offline }));
    expect(await getOutboxRecord(id)).toMatchObject({ state: 'waiting', attempts: 1, lastError: 'network', nextTryAt: clock + 1_000 });
    // Not due yet: nothing is tried.
    expect((await flush(opts({ fetch: offline }))).attempted).toBe(0);
    clock += 1_000;
    await flush(opts({ fetch: offline }));
    expect(await getOutboxRecord(id)).toMatchObject({ attempts: 2, nextTryAt: clock + 2_000 });
    // Send now ignores the wait.
    expect((await flush(opts(net(s), { force: true }))).delivered).toBe(1);
    expect(await serverCount(s)).toBe(1);
  });

  it('honours Retry-After on 503 and 429', async () => {
    const s = await server();
    const n = net(s);
    const id = await submittedDraft();
    await submit(id, n.fetch);
    n.before = () => new Response(JSON.stringify({ error: 'server_error' }), { status: 503, headers: { 'Retry-After': '120' } });
    await flush(opts(n));
    expect(await getOutboxRecord(id)).toMatchObject({ state: 'waiting', lastError: 'server_error', nextTryAt: clock + 120_000 });
  });

  it('does not count a 2xx that does not echo the id (a captive portal)', async () => {
    const s = await server();
    const n = net(s);
    const id = await submittedDraft();
    await submit(id, n.fetch);
    n.before = () => new Response('<html>Sign in to the Wi-Fi</html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    await flush(opts(n));
    expect(await getOutboxRecord(id)).toMatchObject({ state: 'waiting', lastError: 'bad_response' });
    expect(await serverCount(s)).toBe(0);
  });

  it('two flushes at once send each request once', async () => {
    const s = await server();
    const ids = [await submittedDraft([file()]), await submittedDraft()];
    for (const id of ids) await submit(id, net(s).fetch);
    const n = net(s);
    const [x, y] = await Promise.all([flush(opts(n)), flush(opts(n))]);
    expect([x.ran, y.ran].sort()).toEqual([false, true]);
    expect(await serverCount(s)).toBe(2);
    expect(requestSends(n)).toBe(2);
  });

  it('even when the lease lapses under a slow sender, per-record claims keep two senders apart', async () => {
    const s = await server();
    const ids = [await submittedDraft([file()]), await submittedDraft(), await submittedDraft()];
    for (const id of ids) await submit(id, net(s).fetch);
    const n = net(s);
    // A flush lease that lapses at once: both flushes run side by side.
    const both = await Promise.all([flush(opts(n, { ttlMs: 0 })), flush(opts(n, { ttlMs: 0 }))]);
    expect(both.every((b) => b.ran)).toBe(true);
    expect(both[0].delivered + both[1].delivered).toBe(3);
    expect(requestSends(n)).toBe(3);
    expect(await serverCount(s)).toBe(3);
  });

  it('under Web Locks: one flush at a time, and a record a dead tab left "sending" is taken over at once', async () => {
    const s = await server();
    const id = await submittedDraft();
    await submit(id, net(s).fetch);
    const db = await getDb();
    const record = (await db.get('outbox', id)) as PendingOutboxRecord;
    await db.put('outbox', { ...record, state: 'sending', attempts: 1, leaseId: 'closed-tab', leaseUntil: clock + 60_000 });
    let held = false;
    const locks = {
      request: async (_name: string, _o: unknown, cb: (lock: unknown) => Promise<unknown>) => {
        if (held) return cb(null);
        held = true;
        try {
          return await cb({});
        } finally {
          held = false;
        }
      },
    };
    const [a, b] = await Promise.all([flush(opts(net(s), { locks: locks as never })), flush(opts(net(s), { locks: locks as never }))]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect(a.delivered + b.delivered).toBe(1);
    expect(await getOutboxRecord(id)).toMatchObject({ state: 'delivered' });
  });

  it('retries a record a crashed sender left in "sending" once its lease lapses', async () => {
    const s = await server();
    const id = await submittedDraft();
    await submit(id, net(s).fetch);
    const db = await getDb();
    const record = (await db.get('outbox', id)) as PendingOutboxRecord;
    await db.put('outbox', { ...record, state: 'sending', attempts: 1, leaseId: 'dead-tab', leaseUntil: clock + 30_000 });
    expect((await flush(opts(net(s)))).attempted).toBe(0);
    clock += 30_000;
    expect((await flush(opts(net(s)))).delivered).toBe(1);
    expect(await serverCount(s)).toBe(1);
  });

  it('a request that reached the server before a crash is confirmed, not duplicated', async () => {
    const s = await server();
    const n = net(s);
    const id = await submittedDraft([file()]);
    await submit(id, n.fetch);
    const wire = await wireIdOf(id);
    // The server commits, but the answer is lost on the way back.
    n.before = async (url, init) => {
      if (url.endsWith(wire)) {
        await s.app.request(url, init);
        throw new TypeError('connection reset');
      }
    };
    await flush(opts(n));
    expect(await getOutboxRecord(id)).toMatchObject({ state: 'waiting', lastError: 'network' });
    n.before = undefined;
    expect((await flush(opts(n, { force: true }))).delivered).toBe(1);
    expect(await serverCount(s)).toBe(1);
  });

  it('uploads again the files the server says it lacks, in the same flush', async () => {
    const s = await server();
    const n = net(s);
    const id = await submittedDraft([file('a'), file('b')]);
    await submit(id, n.fetch);
    const wire = await wireIdOf(id);
    let dropped = false;
    n.before = async (url) => {
      if (url.endsWith(wire) && !dropped) {
        dropped = true;
        await s.deps.db.exec('DELETE FROM pending_files');
      }
    };
    n.calls.length = 0;
    expect((await flush(opts(n))).delivered).toBe(1);
    expect(n.calls.filter((c) => c.includes('attachments'))).toHaveLength(4);
    expect(await serverCount(s, 'request_files')).toBe(2);
  });

  it('sends a refused request back with its reasons, and reopens the draft for editing (personal mode)', async () => {
    const s = await server();
    // The device thinks it is 20 June; the server knows it is 15 June.
    const id = await submittedDraft([], { consent: { agreed: true, signedBy: 'person', signature: { kind: 'typed', name: 'Ana' }, date: '2025-06-14' } });
    const db = await getDb();
    const draft = (await db.get('drafts', id))!;
    const req = draft.request as { consent: { date: string } };
    await db.put('drafts', { ...draft, request: { ...req, consent: { ...req.consent, date: '2025-06-19' } } });
    await submit(id, net(s).fetch, new Date('2025-06-20T09:00:00Z'));
    const summary = await flush(opts(net(s)));
    expect(summary).toMatchObject({ needsAttention: 1, delivered: 0 });
    expect(await getOutboxRecord(id)).toMatchObject({
      state: 'needs-attention',
      reasons: [{ code: 'date.future', path: 'consent.date' }],
      lastError: 'date.future',
    });
    const reopened = await getDraft(id);
    expect(reopened?.status).toBe('editing');
    expect(reopened?.request).toBeUndefined();
    expect(await serverCount(s)).toBe(0);
  });

  it('seals again to the new key after a rotation it missed (personal mode), or asks for attention (event mode)', async () => {
    const old = await server();
    const personal = await submittedDraft([file()]);
    await submit(personal, net(old).fetch);
    await setEventMode(true);
    const shared = await submittedDraft();
    await submit(shared, net(old).fetch);
    // A new server (new data folder, new key) that never had the old key.
    const fresh = await server();
    const summary = await flush(opts(net(fresh)));
    expect(summary.delivered).toBe(1);
    expect(await getOutboxRecord(personal)).toMatchObject({ state: 'delivered' });
    expect(await getOutboxRecord(shared)).toMatchObject({ state: 'needs-attention', reasons: [{ code: 'unknown_kid' }] });
    expect(await serverCount(fresh)).toBe(1);
    expect(await serverCount(fresh, 'request_files')).toBe(1);
  });

  it('lists records oldest first and reports what remains', async () => {
    const s = await server();
    const ids = [await submittedDraft(), await submittedDraft()];
    for (const id of ids) await submit(id, net(s).fetch);
    expect((await listOutbox()).map((r) => r.state)).toEqual(['waiting', 'waiting']);
    const summary = await flush(opts({ fetch: offline }));
    expect(summary).toMatchObject({ ran: true, attempted: 2, delivered: 0, waiting: 2 });
  });
});
