/**
 * The flush sends several records at once: never more than its bound, each
 * record's files before the record, every request exactly once, and one
 * record's trouble never holds up the others.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb } from '../../src/storage/db';
import { submitDraft } from '../../src/outbox/submit';
import { getOutboxRecord, listOutbox } from '../../src/outbox/outbox-store';
import { FLUSH_CONCURRENCY, flush } from '../../src/outbox/flush';
import { countRows, file, makeServer, type TestServer } from './intake-helpers';
import { submittedDraft, wireIdOf } from './outbox-helpers';
import { BATCH_MAX_ITEMS, requestUrl, type BatchItem } from '../../src/shared/protocol';

const API = '/api/v1';
const NOW = new Date('2025-06-15T09:00:00.000Z').getTime();

let server: TestServer;
beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  server = await makeServer();
});
afterEach(async () => {
  await closeDb();
  await server.close();
});

interface Exchange {
  kind: 'file' | 'request';
  requestId: string;
  startedAt: number;
  endedAt: number;
}

/**
 * The real intake app in process behind a link that takes a few
 * milliseconds per answer, recording when each request and file started and
 * ended (by a shared step counter, not the clock) and how many exchanges
 * were open at once. A batch is one exchange carrying several requests.
 * `answer` may answer for one request (its PUT's URL) instead of the app.
 */
function slowLink(s: TestServer, answer?: (url: string) => Response | undefined) {
  const log: Exchange[] = [];
  let step = 0;
  let open = 0;
  const link = {
    log,
    maxOpen: 0,
    batches: [] as number[],
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const batch = url.endsWith('/request-batch') ? (JSON.parse(String(init!.body)) as { requests: BatchItem[] }).requests : undefined;
      const m = /\/requests\/([0-9a-f-]{36})(\/attachments\/)?/.exec(url);
      const startedAt = ++step;
      const entries: Exchange[] = (batch ? batch.map((i) => i.id) : [m![1]!]).map((requestId) => ({
        kind: m?.[2] ? 'file' : 'request',
        requestId,
        startedAt,
        endedAt: 0,
      }));
      if (batch) link.batches.push(batch.length);
      open++;
      link.maxOpen = Math.max(link.maxOpen, open);
      try {
        await new Promise((r) => setTimeout(r, 10));
        if (!batch) return answer?.(url) ?? (await s.app.request(url, init));
        return await answerBatch(s, batch, init!, answer);
      } finally {
        open--;
        const ended = ++step;
        for (const e of entries) log.push({ ...e, endedAt: ended });
      }
    }) as typeof fetch,
  };
  return link;
}

/** The app's answer to a batch, with the answers `answer` gives for some of its requests put in their place. */
async function answerBatch(s: TestServer, items: BatchItem[], init: RequestInit, answer?: (url: string) => Response | undefined): Promise<Response> {
  const own = items.map((i) => answer?.(requestUrl(API, i.id)));
  const rest = items.filter((_, i) => !own[i]);
  const forwarded = rest.length
    ? ((await (await s.app.request(`${API}/request-batch`, { ...init, body: JSON.stringify({ requests: rest }) })).json()) as { results: unknown[] }).results
    : [];
  const results = [];
  for (const [i, r] of own.entries()) {
    if (!r) results.push(forwarded.shift());
    else results.push({ id: items[i]!.id, status: r.status, body: await r.json(), retryAfter: Number(r.headers.get('Retry-After')) || undefined });
  }
  return Response.json({ results });
}

/** `count` requests queued, request i carrying i % 3 files (none with `withFiles` false). */
async function queue(count: number, withFiles = true): Promise<{ id: string; wireId: string }[]> {
  const ids: { id: string; wireId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const id = await submittedDraft(Array.from({ length: withFiles ? i % 3 : 0 }, (_, k) => file(`page ${k} of request ${i}`)));
    await submitDraft(id, { apiBase: API, fetch: (async (u: RequestInfo | URL, init?: RequestInit) => server.app.request(String(u), init)) as typeof fetch, deliver: false, now: () => new Date(NOW) });
    ids.push({ id, wireId: await wireIdOf(id) });
  }
  return ids;
}

const flushOver = (link: { fetch: typeof fetch }, concurrency?: number) =>
  flush({ apiBase: API, fetch: link.fetch, now: () => NOW, random: () => 0.5, locks: null, concurrency });

const stored = (table: string) => countRows(server, table);

describe('flush in parallel', () => {
  it(`keeps at most ${FLUSH_CONCURRENCY} PUTs open by default, and does fill that many`, async () => {
    const ids = await queue(12);
    const link = slowLink(server);
    const summary = await flushOver(link);
    expect(summary).toMatchObject({ ran: true, attempted: 12, delivered: 12, waiting: 0 });
    expect(link.maxOpen).toBe(FLUSH_CONCURRENCY);
    expect(await stored('requests')).toBe(ids.length);
  });

  it('honours a smaller bound', async () => {
    await queue(6);
    const link = slowLink(server);
    expect((await flushOver(link, 2)).delivered).toBe(6);
    expect(link.maxOpen).toBe(2);
  });

  it("sends each request once, only after every one of its files has been answered", async () => {
    const ids = await queue(9);
    const link = slowLink(server);
    await flushOver(link, 3);
    for (const { id, wireId } of ids) {
      const own = link.log.filter((e) => e.requestId === wireId);
      const requests = own.filter((e) => e.kind === 'request');
      expect(requests).toHaveLength(1);
      for (const f of own.filter((e) => e.kind === 'file')) expect(f.endedAt).toBeLessThan(requests[0]!.startedAt);
      expect(await getOutboxRecord(id)).toMatchObject({ state: 'delivered' });
    }
    // 0 + 1 + 2 files for each three requests.
    expect(link.log.filter((e) => e.kind === 'file')).toHaveLength(9);
    expect(await stored('request_files')).toBe(9);
    // Records overlap: some request's files went up while another request was open.
    const overlapping = link.log.some((a) => link.log.some((b) => a.requestId !== b.requestId && a.startedAt < b.endedAt && b.startedAt < a.endedAt));
    expect(overlapping).toBe(true);
  });

  it("starts the requests in the order they were submitted, and sends one record's files side by side", async () => {
    const ids = await queue(9);
    // The flush's own order (oldest submission first; these share one clock reading).
    const order = (await listOutbox()).map((r) => r.id);
    const link = slowLink(server);
    await flushOver(link, 4);
    const startOf = (wireId: string) => link.log.find((e) => e.kind === 'request' && e.requestId === wireId)!.startedAt;
    // Each request's slot is asked for once its files are up; among records with no files, the older goes first.
    const plain = ids.filter((_, i) => i % 3 === 0).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    const starts = plain.map(({ wireId }) => startOf(wireId));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Request 2 has two files: they were open at the same time.
    const twoFiles = link.log.filter((e) => e.kind === 'file' && e.requestId === ids[2]!.wireId);
    expect(twoFiles).toHaveLength(2);
    expect(twoFiles[0]!.startedAt < twoFiles[1]!.endedAt && twoFiles[1]!.startedAt < twoFiles[0]!.endedAt).toBe(true);
  });

  it('one record the server turns away waits; the others are delivered', async () => {
    const ids = await queue(5);
    const busy = ids[2]!;
    const link = slowLink(server, (url) =>
      url.endsWith(busy.wireId) ? new Response(JSON.stringify({ error: 'server_error' }), { status: 503, headers: { 'Retry-After': '30' } }) : undefined,
    );
    const summary = await flushOver(link, 3);
    expect(summary).toMatchObject({ attempted: 5, delivered: 4, waiting: 1 });
    expect(await getOutboxRecord(busy.id)).toMatchObject({ state: 'waiting', lastError: 'server_error', nextTryAt: NOW + 30_000 });
    expect(await stored('requests')).toBe(4);
  });

  it('sends a day\'s outbox in batches: few exchanges, none over the limit, every request received once', async () => {
    const ids = await queue(45, false);
    const link = slowLink(server);
    expect(await flushOver(link)).toMatchObject({ attempted: 45, delivered: 45, waiting: 0 });
    const exchanges = new Set(link.log.map((e) => e.startedAt)).size;
    expect(exchanges).toBeLessThanOrEqual(10);
    expect(link.batches.length).toBeGreaterThan(0);
    expect(Math.max(...link.batches)).toBeLessThanOrEqual(BATCH_MAX_ITEMS);
    expect(link.maxOpen).toBeLessThanOrEqual(FLUSH_CONCURRENCY);
    const confirmations = new Set<string>();
    for (const { id, wireId } of ids) {
      expect(link.log.filter((e) => e.requestId === wireId)).toHaveLength(1);
      const record = await getOutboxRecord(id);
      expect(record).toMatchObject({ state: 'delivered' });
      confirmations.add((record as { confirmation: string }).confirmation);
    }
    expect(confirmations.size).toBe(45);
    expect(await stored('requests')).toBe(45);
  });

  it('to a server from before batches (404), sends each request by its own PUT, each once', async () => {
    const ids = await queue(30, false);
    let batchTries = 0;
    const link = slowLink(server);
    const old = {
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (!String(input).endsWith('/request-batch')) return link.fetch(input, init);
        batchTries++;
        await new Promise((r) => setTimeout(r, 10));
        return Response.json({ error: 'not_found' }, { status: 404 });
      }) as typeof fetch,
    };
    expect(await flushOver(old)).toMatchObject({ delivered: 30, waiting: 0 });
    // Batches already on their way when the first 404 came back, and none after.
    expect(batchTries).toBeGreaterThan(0);
    expect(batchTries).toBeLessThanOrEqual(FLUSH_CONCURRENCY);
    for (const { wireId } of ids) expect(link.log.filter((e) => e.requestId === wireId && e.kind === 'request')).toHaveLength(1);
    expect(await stored('requests')).toBe(30);
  });

  it('a busy server answering a batch 503 leaves each of its requests waiting until Retry-After, none refused', async () => {
    const ids = await queue(12, false);
    const busy = async () => Response.json({ error: 'busy' }, { status: 503, headers: { 'Retry-After': '120' } });
    const summary = await flushOver({ fetch: ((input: RequestInfo | URL, init?: RequestInit) => (String(input).endsWith('/request-batch') ? busy() : server.app.request(String(input), init))) as typeof fetch });
    expect(summary).toMatchObject({ attempted: 12, needsAttention: 0 });
    const records = await Promise.all(ids.map(({ id }) => getOutboxRecord(id)));
    // Some went alone by PUT (the first, which found a slot free); the batched ones wait.
    const waiting = records.filter((r) => r?.state === 'waiting');
    expect(waiting.length).toBeGreaterThan(0);
    for (const r of waiting) expect(r).toMatchObject({ lastError: 'busy', nextTryAt: NOW + 120_000 });
    expect(records.every((r) => r?.state === 'waiting' || r?.state === 'delivered')).toBe(true);
    expect(await stored('requests')).toBe(records.filter((r) => r?.state === 'delivered').length);
  });
});
