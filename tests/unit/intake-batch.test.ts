/**
 * POST /request-batch: each request in a batch is received exactly as its
 * own PUT would be, answered in order, and costs what it would cost alone.
 * On both engines.
 */
import { describe, expect, it } from 'vitest';
import { sealJson, type SealingKey } from '../../src/shared/seal';
import { BATCH_MAX_ITEMS, type BatchItem } from '../../src/shared/protocol';
import { countRows, file, putFile, putRequest, request, sealedFile, serverKey, uuid, type TestServer } from './intake-helpers';
import { ENGINES, useEngines } from './intake-engines';

const engines = useEngines();

async function item(id: string, key: SealingKey, body: unknown = request(id)): Promise<BatchItem> {
  return { id, body: JSON.stringify(await sealJson(body, key, { requestId: id, purpose: 'request' })) };
}

function postBatch(s: TestServer, requests: BatchItem[] | unknown, contentType = 'application/json') {
  return s.app.request('/api/v1/request-batch', {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: JSON.stringify({ requests }),
  });
}

interface ItemAnswer {
  id: string;
  status: number;
  body: Record<string, unknown>;
  retryAfter?: number;
}

async function results(res: Response): Promise<ItemAnswer[]> {
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return ((await res.json()) as { results: ItemAnswer[] }).results;
}

describe.each(ENGINES)('request batches on %s', (engine) => {
  const server = (env: Record<string, string> = {}) => engines.server(engine, env);

  it('receives each request as its PUT would, answers in order, and a repeat gets the same confirmation', async () => {
    const s = await server();
    const key = await serverKey(s);
    const ids = [uuid(), uuid(), uuid()];
    const items = await Promise.all(ids.map((id) => item(id, key)));
    const first = await results(await postBatch(s, items));
    expect(first.map((r) => r.status)).toEqual([201, 201, 201]);
    // Each answer names its request.
    expect(first.map((r) => r.id)).toEqual(ids);
    first.forEach((r, i) => expect(r.body).toMatchObject({ id: ids[i], confirmation: expect.stringMatching(/^[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}$/) }));
    expect(await countRows(s, 'requests')).toBe(3);

    // The same bytes again, in another order and one of them by PUT: the same answers, no new rows.
    const again = await results(await postBatch(s, [items[2], items[0]]));
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    expect(again[0]!.body).toEqual(first[2]!.body);
    expect(again[1]!.body).toEqual(first[0]!.body);
    const put = await s.app.request(`/api/v1/requests/${ids[1]}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: items[1]!.body });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual(first[1]!.body);
    expect(await countRows(s, 'requests')).toBe(3);
  });

  it("answers each request's own trouble and still takes the others", async () => {
    const s = await server();
    const key = await serverKey(s);
    const good = uuid();
    const taken = uuid();
    expect((await putRequest(s, taken, request(taken), key)).status).toBe(201);
    const f = file();
    const waitsForFile = uuid();
    const answers = await results(
      await postBatch(s, [
        { id: 'not-an-id', body: '{}' },
        await item(good, key),
        await item(taken, key, request(taken, [], { locale: 'en' })),
        await item(waitsForFile, key, request(waitsForFile, [f])),
        { id: uuid(), body: 'not json' },
      ]),
    );
    expect(answers.map((a) => [a.status, a.body.error])).toEqual([
      [400, 'invalid_id'],
      [201, undefined],
      [409, 'conflict'],
      [409, 'missing_attachments'],
      [400, 'malformed_json'],
    ]);
    expect(answers[3]!.body.missing).toEqual([f.id]);
    // The file, then the same request again: it arrives.
    expect((await putFile(s, waitsForFile, f.id, await sealedFile(waitsForFile, f, key))).status).toBe(200);
    expect((await results(await postBatch(s, [await item(waitsForFile, key, request(waitsForFile, [f]))])))[0]!.status).toBe(201);
    expect(await countRows(s, 'requests')).toBe(3);
  });

  it('costs one rate-limit token per request: those over the budget get 429 with Retry-After, and nothing of theirs is stored', async () => {
    // Four tokens: one for the key, three for requests.
    const s = await server({ RATE_LIMIT_PER_MINUTE: '4' });
    const key = await serverKey(s);
    const ids = Array.from({ length: 5 }, uuid);
    const answers = await results(await postBatch(s, await Promise.all(ids.map((id) => item(id, key)))));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 429, 429]);
    expect(answers[3]!.body).toEqual({ error: 'rate_limited' });
    expect(answers[3]!.retryAfter).toBeGreaterThan(0);
    expect(await countRows(s, 'requests')).toBe(3);
    // The budget is spent: the next exchange of any kind waits.
    expect((await postBatch(s, [await item(ids[3]!, key)])).status).toBe(429);
  });

  it(`refuses a batch of more than ${BATCH_MAX_ITEMS}, one that is not a list of requests, and one that is not JSON`, async () => {
    const s = await server();
    const key = await serverKey(s);
    const many = await Promise.all(Array.from({ length: BATCH_MAX_ITEMS + 1 }, () => item(uuid(), key)));
    const tooMany = await postBatch(s, many);
    expect(tooMany.status).toBe(413);
    expect(await tooMany.json()).toEqual({ error: 'too_many_requests_in_batch' });
    expect((await postBatch(s, [])).status).toBe(400);
    expect((await postBatch(s, [{ id: uuid(), body: { not: 'text' } }])).status).toBe(400);
    expect((await postBatch(s, many.slice(0, 2), 'text/plain')).status).toBe(415);
    expect(await countRows(s, 'requests')).toBe(0);
  });
});

describe('the database away during a batch', () => {
  it('answers each request 503 with Retry-After, never a refusal, and they arrive once it is back', async () => {
    const s = await engines.server('postgres');
    const key = await serverKey(s);
    const ids = [uuid(), uuid(), uuid()];
    const items = await Promise.all(ids.map((id) => item(id, key)));
    await engines.cluster().pause();
    try {
      // The first finds the database away; the rest are answered the same without trying it again.
      expect(await results(await postBatch(s, items))).toEqual(ids.map((id) => ({ id, status: 503, body: { error: 'unavailable' }, retryAfter: 30 })));
    } finally {
      await engines.cluster().resume();
    }
    await expect.poll(async () => (await s.app.request('/api/v1/health')).status, { timeout: 15_000 }).toBe(200);
    expect((await results(await postBatch(s, items))).map((a) => a.status)).toEqual([201, 201, 201]);
    expect(await countRows(s, 'requests')).toBe(3);
  }, 60_000);
});
