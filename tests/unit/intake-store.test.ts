import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { keysDir, rotateFileKey } from '../../src/server/keys';
import { createApp } from '../../src/server/app';
import { sealJson } from '../../src/shared/seal';
import { ENGINES, useEngines } from './intake-engines';
import {
  NOW,
  countRows,
  file,
  putFile,
  putRequest,
  request,
  sealedFile,
  serverKey,
  staff,
  uuid,
} from './intake-helpers';

/**
 * The store's staff side and its at-rest promises, unchanged on both
 * engines: filters, keyset paging, blind-index search, opening sealed rows,
 * and nothing personal readable in the database's own bytes.
 */
const engines = useEngines();

const A_NUMBER = 'A098-765-432';
const RECEIPT = 'IOE0912345678';
const EMAIL = 'Ana.Secret@Example.com';
const NAME = 'Zyxwvutsky';

/** A request whose personal values are easy to look for in raw bytes. */
function personal(id: string, files = [] as ReturnType<typeof file>[], extra: Record<string, unknown> = {}) {
  const base = request(id, files);
  return {
    ...base,
    person: { ...(base.person as object), familyName: NAME, aNumber: A_NUMBER, email: EMAIL },
    case: { ...(base.case as object), receiptNumbers: [RECEIPT], problemKinds: ['emergency'] },
    ...extra,
  };
}

describe.each(ENGINES)('intake store on %s', (engine) => {
  const server = (env: Record<string, string> = {}) => engines.server(engine, env);

  it('lists newest first with filters and keyset pages, and counts', async () => {
    const s = await server();
    const key = await serverKey(s);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = uuid();
      ids.push(id);
      s.deps.now = () => new Date(NOW.getTime() + i * 60_000);
      const body = i % 2 ? personal(id) : request(id, [], { locale: 'en', case: { ...(request(id).case as object), formTypes: ['I-130', 'I-485'] } });
      expect((await putRequest(s, id, body, key)).status).toBe(201);
    }
    const store = s.deps.store;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await store.list({}, { limit: 3, after });
      seen.push(...page.requests.map((r) => r.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual([...ids].reverse());

    expect((await store.list({ urgent: true })).requests.map((r) => r.id)).toEqual([ids[5], ids[3], ids[1]]);
    expect((await store.list({ formType: 'I-130' })).requests).toHaveLength(4);
    expect((await store.list({ language: 'en' })).requests.every((r) => r.language === 'en')).toBe(true);
    const from = new Date(NOW.getTime() + 2 * 60_000).toISOString();
    const to = new Date(NOW.getTime() + 4 * 60_000).toISOString();
    expect((await store.list({ from, to })).requests.map((r) => r.id)).toEqual([ids[3], ids[2]]);
    expect(await store.count({})).toBe(7);
    expect(await store.count({ urgent: true, formType: 'I-485' })).toBe(3);
    expect(await store.count({ eventId: uuid() })).toBe(0);

    const res = await s.app.request('/api/v1/requests?urgent=true&limit=2', { headers: staff });
    const page = await res.json();
    expect(page.requests).toHaveLength(2);
    const rest = await (await s.app.request(`/api/v1/requests?urgent=true&after=${page.next}`, { headers: staff })).json();
    expect(rest).toEqual({ requests: [expect.objectContaining({ id: ids[1], urgent: true })], next: null });
    expect((await s.app.request('/api/v1/requests?urgent=maybe', { headers: staff })).status).toBe(400);
  });

  it('finds a request by A-number, receipt number or e-mail in any spelling, through blind indexes only', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    expect((await putRequest(s, id, personal(id), key)).status).toBe(201);
    const other = uuid();
    expect((await putRequest(s, other, request(other), key)).status).toBe(201);
    expect((await s.deps.store.findBy('a_number', '98765432')).map((r) => r.id)).toEqual([id]);
    expect((await s.deps.store.findBy('receipt', 'ioe-091-234-5678')).map((r) => r.id)).toEqual([id]);
    expect((await s.deps.store.findBy('email', ' ana.secret@example.COM ')).map((r) => r.id)).toEqual([id]);
    expect(await s.deps.store.findBy('email', 'nobody@example.com')).toEqual([]);
    expect(await s.deps.store.findBy('a_number', 'not a number')).toEqual([]);
    const digests = await s.deps.db.query<{ digest: string }>('SELECT digest FROM request_lookup');
    for (const { digest } of digests) expect(digest).toMatch(/^[0-9a-f]{64}$/);

    const search = await s.app.request('/api/v1/requests/search', {
      method: 'POST',
      headers: { ...staff, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'receipt', value: RECEIPT }),
    });
    expect((await search.json()).requests.map((r: { id: string }) => r.id)).toEqual([id]);
    const anonymous = await s.app.request('/api/v1/requests/search', { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
  });

  it('keeps nothing personal readable in the database bytes; staff paths open it', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const f = file(`scan of ${NAME}'s passport`);
    expect((await putFile(s, id, f.id, await sealedFile(id, f, key))).status).toBe(200);
    expect((await putRequest(s, id, personal(id, [f]), key)).status).toBe(201);

    let raw: string;
    if (engine === 'sqlite') {
      const dir = s.deps.settings.dataDir;
      raw = readdirSync(dir)
        .filter((n) => n.startsWith('intake.sqlite'))
        .map((n) => readFileSync(join(dir, n)).toString('latin1'))
        .join('\n');
      expect(readdirSync(dir)).toContain('intake.sqlite-wal');
    } else {
      raw = await engines.cluster().dump(s.databaseUrl);
      expect(raw).toContain('CREATE TABLE public.requests');
    }
    expect(raw).toContain(id);
    for (const secret of [NAME, '098765432', '98765432', RECEIPT, EMAIL, EMAIL.toLowerCase(), 'passport', 'letter.pdf']) {
      expect(raw, secret).not.toContain(secret);
    }

    const opened = await s.deps.store.openRequest(id);
    expect(opened).toMatchObject({ id, urgent: true, language: 'es', attachmentCount: 1 });
    expect((opened!.request as { person: { familyName: string } }).person.familyName).toBe(NAME);
    const bytes = await s.deps.store.openAttachment(id, f.id);
    expect(Buffer.from(bytes!.data).toString()).toBe(`scan of ${NAME}'s passport`);
    expect(await s.deps.store.openAttachment(id, uuid())).toBeUndefined();
  });

  it('answers a repeat of a received request with its stored answer even after its key was removed', async () => {
    const s = await server();
    const oldKey = await serverKey(s);
    const id = uuid();
    const envelope = JSON.stringify(await sealJson(request(id), oldKey, { requestId: id, purpose: 'request' }));
    const put = (app = s.app) =>
      app.request(`/api/v1/requests/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: envelope });
    const first = await put();
    expect(first.status).toBe(201);
    const receipt = await first.json();
    // Rotate, delete the old key, restart.
    rotateFileKey(s.deps.settings.dataDir);
    rmSync(join(keysDir(s.deps.settings.dataDir), `${oldKey.kid}.jwk`));
    const app = createApp({ ...s.deps, ring: undefined });
    const again = await put(app);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(receipt);
  });

  it('takes the real file even when junk was uploaded under the same ids first', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const real = file('the real letter');
    const junk = { ...real, bytes: new TextEncoder().encode('junk from a bystander') };
    expect((await putFile(s, id, real.id, await sealedFile(id, junk, key))).status).toBe(200);
    expect((await putFile(s, id, real.id, await sealedFile(id, real, key))).status).toBe(200);
    expect(await countRows(s, 'pending_files')).toBe(2);
    expect((await putRequest(s, id, request(id, [real]), key)).status).toBe(201);
    const got = await s.deps.store.openAttachment(id, real.id);
    expect(Buffer.from(got!.data).toString()).toBe('the real letter');
    expect(await countRows(s, 'pending_files')).toBe(0);
  });

  it('caps pending bytes per client and in all, and sweeps them by a timer', async () => {
    const s = await server({ PENDING_MAX_BYTES_PER_CLIENT: '3000', PENDING_MAX_BYTES: '5000', PENDING_TTL_SECONDS: '1' });
    const key = await serverKey(s);
    const store = s.deps.store;
    const caps = { maxBytes: 5000, maxBytesPerClient: 3000 };
    const pending = (client: string, size: number, receivedAt = NOW.toISOString()) =>
      store.savePending(
        { requestId: uuid(), attachmentId: uuid(), sealedSha256: uuid(), sealed: new Uint8Array(size), client, receivedAt },
        caps,
      );
    expect(await pending('10.0.0.1', 2000)).toBe('saved');
    expect(await pending('10.0.0.1', 2000)).toBe('client_full');
    expect(await pending('10.0.0.2', 2500)).toBe('saved');
    expect(await pending('10.0.0.3', 1000)).toBe('store_full');
    // The clients are stored as keyed hashes only.
    const clients = await s.deps.db.query<{ client: string }>('SELECT client FROM pending_files');
    for (const { client } of clients) expect(client).toMatch(/^[0-9a-f]{64}$/);

    // Over the HTTP route: a retryable 503, never a final refusal.
    const id = uuid();
    const f = file('x'.repeat(4000));
    const full = await putFile(s, id, f.id, await sealedFile(id, f, key));
    expect(full.status).toBe(503);
    expect(full.headers.get('retry-after')).toBeTruthy();

    // The sweeper runs on its own (every PENDING_TTL_SECONDS here) and drops what is older.
    s.deps.now = () => new Date(NOW.getTime() + 5000);
    await expect.poll(() => countRows(s, 'pending_files'), { timeout: 10_000, interval: 200 }).toBe(0);
  });
});
