/**
 * The outbox sends a request under its wire id (derived from a claim only
 * the device holds), never under the draft's id the page shows in its URLs;
 * records queued by the version before claims still go under their own id.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../src/storage/db';
import { getDraft, markSubmitted } from '../../src/storage/drafts';
import { submitDraft } from '../../src/outbox/submit';
import { KV_EVENT_MODE, getOutboxRecord, readLocalCopy } from '../../src/outbox/outbox-store';
import type { PendingOutboxRecord } from '../../src/storage/outbox-record';
import { flush } from '../../src/outbox/flush';
import { sealRequest } from '../../src/outbox/seal-request';
import { REQUEST_CLAIM_HEADER } from '../../src/shared/protocol';
import { isClaimedId, wireIdFor } from '../../src/shared/request-claim';
import { file, makeServer, serverKey, type TestServer } from './intake-helpers';
import { submittedDraft } from './outbox-helpers';

const API = '/api/v1';
const DEVICE_NOW = new Date('2025-06-15T09:00:00.000Z');

const servers: TestServer[] = [];
async function server() {
  const s = await makeServer();
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

interface Sent {
  method: string;
  url: string;
  claim: string | null;
}

/** A fetch to the app in process that remembers every URL and claim header it carried. */
function net(s: TestServer) {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    sent.push({ method: init?.method ?? 'GET', url, claim: new Headers(init?.headers).get(REQUEST_CLAIM_HEADER) });
    return s.app.request(url, init);
  }) as typeof globalThis.fetch;
  return { sent, fetch, puts: () => sent.filter((x) => x.method === 'PUT') };
}

const submit = (id: string, fetchFn: typeof fetch, now = DEVICE_NOW) =>
  submitDraft(id, { apiBase: API, fetch: fetchFn, deliver: false, now: () => now });
const flushOver = (fetchFn: typeof fetch) =>
  flush({ apiBase: API, fetch: fetchFn, now: () => DEVICE_NOW.getTime(), random: () => 0.5, locks: null, force: true });
const rowIds = async (s: TestServer) => (await s.deps.db.query<{ id: string }>('SELECT id FROM requests')).map((r) => r.id);
const pendingRecord = async (id: string) => (await getOutboxRecord(id)) as PendingOutboxRecord;

describe('the wire id', () => {
  it('comes from a claim made at submit; the request and its files travel under it, never under the draft’s id', async () => {
    const s = await server();
    const n = net(s);
    const id = await submittedDraft([file('a'), file('b')]);
    await submit(id, n.fetch);
    const record = await pendingRecord(id);
    expect(isClaimedId(record.wireId)).toBe(true);
    expect(record.wireId).toBe(await wireIdFor(record.claim!));
    expect(record.wireId).not.toBe(id);
    // Personal mode: the draft keeps the claim, so a refusal reopens it with the same wire id.
    expect((await getDraft(id))?.claim).toBe(record.claim);

    n.sent.length = 0;
    expect((await flushOver(n.fetch)).delivered).toBe(1);
    const puts = n.puts();
    expect(puts).toHaveLength(3);
    for (const put of puts) {
      expect(put.url).toContain(`/requests/${record.wireId}`);
      expect(put.url).not.toContain(id);
      expect(put.url).not.toContain(record.claim);
    }
    // Files carry the claim in a header; the request carries it only inside its sealed body.
    expect(puts.filter((p) => p.url.includes('/attachments/')).map((p) => p.claim)).toEqual([record.claim, record.claim]);
    expect(puts.at(-1)?.claim).toBeNull();
    expect(await rowIds(s)).toEqual([record.wireId]);
    // Delivered: the person's record keeps the draft's id, and the wire id only to ask its status
    // (with the status secret); the claim, which could re-send under that id, is gone.
    const delivered = await getOutboxRecord(id);
    expect(delivered).toMatchObject({ id, state: 'delivered', wireId: record.wireId });
    expect(JSON.stringify(delivered)).not.toContain(record.claim!);
  });

  it('stays the same when a refused request is fixed and sent again', async () => {
    const s = await server();
    const id = await submittedDraft([file()]);
    const db = await getDb();
    const draft = (await db.get('drafts', id))!;
    const good = draft.request as { consent: { date: string } };
    // The device thinks it is 20 June; the server knows it is 15 June: refused.
    await db.put('drafts', { ...draft, request: { ...good, consent: { ...good.consent, date: '2025-06-19' } } });
    await submit(id, net(s).fetch, new Date('2025-06-20T09:00:00Z'));
    const first = await pendingRecord(id);
    expect((await flushOver(net(s).fetch)).needsAttention).toBe(1);
    const reopened = await getDraft(id);
    expect(reopened).toMatchObject({ status: 'editing', claim: first.claim });

    await markSubmitted(id, good);
    await submit(id, net(s).fetch);
    const second = await pendingRecord(id);
    expect(second).toMatchObject({ state: 'waiting', wireId: first.wireId, claim: first.claim });
    expect((await flushOver(net(s).fetch)).delivered).toBe(1);
    expect(await rowIds(s)).toEqual([first.wireId]);
  });

  it('in event mode lives only in the outbox record, and a request sealed later still goes under it', async () => {
    const s = await server();
    await (await getDb()).put('kv', { on: true }, KV_EVENT_MODE);
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const id = await submittedDraft([file()]);
    // No key known: the plaintext waits, and the flush seals it under the wire id chosen at submit.
    expect(await submit(id, offline)).toEqual({ id, needsSeal: true });
    const { wireId, claim } = await pendingRecord(id);
    expect(isClaimedId(wireId)).toBe(true);
    const n = net(s);
    expect((await flushOver(n.fetch)).delivered).toBe(1);
    expect(await getDraft(id)).toBeUndefined();
    expect(n.puts().every((p) => p.url.includes(wireId!) && !p.url.includes(id))).toBe(true);
    expect(n.puts().find((p) => p.url.includes('/attachments/'))?.claim).toBe(claim);
    expect(await rowIds(s)).toEqual([wireId]);
  });

  it('is not needed for a record queued before claims: it still goes under the draft’s id', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = await submittedDraft([file('from the old version')]);
    // What the previous version stored: sealed under the draft's id, no wireId, no claim.
    const copy = (await readLocalCopy(id))!;
    const sealed = await sealRequest(id, copy.request, copy.files, key);
    const old: PendingOutboxRecord = {
      id,
      state: 'waiting',
      formTypes: ['I-485'],
      submittedAt: '2025-06-14T10:30:00.000Z',
      needsSeal: false,
      hasLocalCopy: true,
      attachments: sealed.attachments,
      attempts: 0,
      nextTryAt: 0,
      body: sealed.body,
      kid: sealed.kid,
    };
    await (await getDb()).put('outbox', old);
    // And one queued before any key was known: sealed by this version's flush, still under its own id.
    const unsealed = await submittedDraft();
    await (await getDb()).put('outbox', { ...old, id: unsealed, needsSeal: true, attachments: [], body: undefined, kid: undefined });

    const n = net(s);
    expect((await flushOver(n.fetch)).delivered).toBe(2);
    expect(n.puts().every((p) => p.url.includes(`/requests/${id}`) || p.url.endsWith(`/requests/${unsealed}`))).toBe(true);
    expect(n.puts().every((p) => p.claim === null)).toBe(true);
    expect((await rowIds(s)).sort()).toEqual([id, unsealed].sort());
  });
});
