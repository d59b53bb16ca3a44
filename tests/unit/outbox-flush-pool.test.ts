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
 * milliseconds per answer, recording when each PUT started and ended (by
 * a shared step counter, not the clock) and how many were open at once.
 */
function slowLink(s: TestServer, answer?: (url: string) => Response | undefined) {
  const log: Exchange[] = [];
  let step = 0;
  let open = 0;
  const link = {
    log,
    maxOpen: 0,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const m = /\/requests\/([0-9a-f-]{36})(\/attachments\/)?/.exec(url)!;
      const entry: Exchange = { kind: m[2] ? 'file' : 'request', requestId: m[1]!, startedAt: ++step, endedAt: 0 };
      open++;
      link.maxOpen = Math.max(link.maxOpen, open);
      try {
        await new Promise((r) => setTimeout(r, 10));
        return answer?.(url) ?? (await s.app.request(url, init));
      } finally {
        open--;
        entry.endedAt = ++step;
        log.push(entry);
      }
    }) as typeof fetch,
  };
  return link;
}

/** `count` requests queued, request i carrying i % 3 files. */
async function queue(count: number): Promise<{ id: string; wireId: string }[]> {
  const ids: { id: string; wireId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const id = await submittedDraft(Array.from({ length: i % 3 }, (_, k) => file(`page ${k} of request ${i}`)));
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
});
