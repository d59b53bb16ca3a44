import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { createApp } from '../../src/server/app';
import { rotateFileKey } from '../../src/server/keys';
import { CONFIRMATION_ALPHABET, formatConfirmation, newConfirmation, normalizeConfirmation } from '../../src/server/confirmation';
import { createIntakeStore } from '../../src/server/intake-store-sql';
import { keyRingFor } from '../../src/server/keys';
import { b64urlDecode, b64urlEncode, importServerPublicKey, keyIdFor, publicJwkOf, sealJson } from '../../src/shared/seal';
import {
  NOW,
  TOKEN,
  countRows as count,
  file,
  putFile,
  putRequest,
  request,
  sealedFile,
  serverKey,
  sha256Hex,
  staff,
  uuid,
  type TestServer,
} from './intake-helpers';

import { ENGINES, useEngines } from './intake-engines';

/** The intake contract: every test below runs unchanged on SQLite and on PostgreSQL. */
const engines = useEngines();

const CONFIRMATION = new RegExp(`^[${CONFIRMATION_ALPHABET}]{3}-[${CONFIRMATION_ALPHABET}]{3}-[${CONFIRMATION_ALPHABET}]{3}$`);

/** Makes the next insert into `table` fail after `after` rows, like a crash mid-transaction. */
async function failInsertsInto(s: TestServer, table: string, after: number): Promise<() => Promise<void>> {
  const db = s.deps.db;
  if (db.kind === 'sqlite') {
    await db.script(`CREATE TEMP TRIGGER crash BEFORE INSERT ON ${table}
      WHEN (SELECT COUNT(*) FROM ${table}) >= ${after} BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;`);
    return () => db.script('DROP TRIGGER crash');
  }
  await db.script(`CREATE FUNCTION crash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF (SELECT COUNT(*) FROM ${table}) >= ${after} THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$;
    CREATE TRIGGER crash BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION crash();`);
  return () => db.script(`DROP TRIGGER crash ON ${table}; DROP FUNCTION crash();`);
}

describe.each(ENGINES)('intake contract on %s', (engine) => {
const server = (env: Record<string, string> = {}) => engines.server(engine, env);

describe('confirmation numbers', () => {
  it('use no 0/O/1/I/L and read in groups of three', () => {
    expect(CONFIRMATION_ALPHABET).not.toMatch(/[01OIL]/);
    for (let i = 0; i < 200; i++) expect(formatConfirmation(newConfirmation())).toMatch(CONFIRMATION);
    expect(normalizeConfirmation(' k7q-4m2 xp9 ')).toBe('K7Q4M2XP9');
    expect(normalizeConfirmation('K7Q-4M2-XP0')).toBeNull();
  });

  it('are drawn again on a clash (UNIQUE constraint)', async () => {
    const s = await server();
    const { privateKey } = await keyRingFor(s.deps);
    const draws = ['AAAAAAAAA', 'AAAAAAAAA', 'BBBBBBBBB'];
    const store = createIntakeStore(s.deps.db, async () => ({ privateKey, indexKeys: [new Uint8Array(32)] }), () => draws.shift()!);
    const base = {
      receivedAt: NOW.toISOString(), kid: 'k', sealed: new Uint8Array([1]), envelopeSha256: 'e', bodySha256: 'x', formTypes: ['I-485'],
      urgent: false, language: 'en', eventId: null, lookups: [], files: [],
    };
    expect(await store.commit({ ...base, id: uuid() })).toMatchObject({ kind: 'created', confirmation: 'AAA-AAA-AAA' });
    expect(await store.commit({ ...base, id: uuid() })).toMatchObject({ kind: 'created', confirmation: 'BBB-BBB-BBB' });
  });

  it('stores one row when the same request is committed twice at once, and refuses a different body for its id', async () => {
    const s = await server();
    const { privateKey } = await keyRingFor(s.deps);
    const store = createIntakeStore(s.deps.db, async () => ({ privateKey, indexKeys: [new Uint8Array(32)] }));
    const row = {
      id: uuid(), receivedAt: NOW.toISOString(), kid: 'k', sealed: new Uint8Array([1]), envelopeSha256: 'e', bodySha256: 'x',
      formTypes: ['I-485', 'I-485', 'I-130'], urgent: false, language: 'en', eventId: null,
      lookups: [{ kind: 'a_number' as const, value: 'A123456789' }], files: [],
    };
    const [a, b] = await Promise.all([store.commit(row), store.commit(row)]);
    expect([a!.kind, b!.kind].sort()).toEqual(['created', 'same']);
    expect((a as { confirmation: string }).confirmation).toBe((b as { confirmation: string }).confirmation);
    expect(await store.count({ formType: 'I-130' })).toBe(1);
    expect((await store.findBy('a_number', 'A123456789')).map((r) => r.id)).toEqual([row.id]);
    expect(await store.commit({ ...row, bodySha256: 'y' })).toEqual({ kind: 'conflict' });
  });
});

describe('PUT /api/v1/requests/:id', () => {
  it('receives a request once: the same body again answers the same confirmation', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const first = await putRequest(s, id, request(id), key);
    expect(first.status).toBe(201);
    const receipt = await first.json();
    // Beside the confirmation, the status secret (256 bits, base64url): the device's one way to ask about its request.
    expect(receipt).toEqual({ id, confirmation: expect.stringMatching(CONFIRMATION), receivedAt: NOW.toISOString(), statusSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(first.headers.get('cache-control')).toBe('no-store');
    // Sealed afresh (new ephemeral key, new IV): the content decides, not the bytes.
    const again = await putRequest(s, id, request(id), key);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(receipt);
    expect((await count(s, 'requests'))).toBe(1);
  });

  it('answers 409 conflict for the same id with a different body', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    expect((await putRequest(s, id, request(id), key)).status).toBe(201);
    const res = await putRequest(s, id, request(id, [], { locale: 'en' }), key);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: 'conflict' });
  });

  it('refuses an invalid request with 422 codes and field paths, judged by the server date', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const bad = request(id);
    (bad.person as Record<string, unknown>).familyName = '';
    // Tomorrow by the server's clock, whatever the device thought.
    (bad.person as Record<string, unknown>).dateOfBirth = '2025-06-17';
    bad.extra = 1;
    const res = await putRequest(s, id, bad, key);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toBe('invalid');
    expect(body.issues).toEqual(
      expect.arrayContaining([
        { code: 'required', path: 'person.familyName' },
        { code: 'date.future', path: 'person.dateOfBirth' },
        { code: 'unknown_field', path: '' },
      ]),
    );
    expect((await count(s, 'requests'))).toBe(0);
  });

  it('receives a company’s request (an employer’s I-129): no date of birth, found by its e-mail', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const company = request(id);
    company.person = {
      kind: 'company',
      businessName: 'Acme Tools LLC',
      contactName: 'Dana Lee',
      contactTitle: 'HR manager',
      address: { kind: 'us', line1: '1 Industrial Way', city: 'Austin', state: 'TX', zip: '78701' },
      email: 'hr@acme.example',
    };
    company.case = { ...(company.case as Record<string, unknown>), formTypes: ['I-129'] };
    const res = await putRequest(s, id, company, key);
    expect(res.status).toBe(201);
    const detail = await (await s.app.request(`/api/v1/requests/${id}`, { headers: staff })).json();
    expect(detail.formTypes).toEqual(['I-129']);
    expect(detail.request.person).toEqual(company.person);
    const found = await s.app.request('/api/v1/requests/search', {
      method: 'POST',
      headers: { ...staff, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'email', value: 'HR@acme.example' }),
    });
    expect((await found.json()).requests.map((r: { id: string }) => r.id)).toEqual([id]);
    // With a date of birth it is not a company's request: refused, nothing stored.
    const other = uuid();
    const withBirth = { ...request(other), person: { ...(company.person as Record<string, unknown>), dateOfBirth: '1990-01-01' } };
    const refused = await putRequest(s, other, withBirth, key);
    expect(refused.status).toBe(422);
    expect((await refused.json()).issues).toEqual([{ code: 'unknown_field', path: 'person' }]);
    expect(await count(s, 'requests')).toBe(1);
  });

  it('refuses a body whose id is not the URL id', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const res = await putRequest(s, id, request(uuid()), key);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'invalid', issues: [{ code: 'id_mismatch', path: 'id' }] });
  });

  it('refuses a sealed body moved to another request id (AAD binding)', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const res = await putRequest(s, id, request(id), key, uuid());
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'decrypt_failed' });
  });

  it('refuses a tampered envelope with 422 decrypt_failed', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const envelope = await sealJson(request(id), key, { requestId: id, purpose: 'request' });
    const ct = b64urlDecode(envelope.ct);
    ct[5]! ^= 1;
    const res = await s.app.request(`/api/v1/requests/${id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...envelope, ct: b64urlEncode(ct) }),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'decrypt_failed' });
    expect((await count(s, 'requests'))).toBe(0);
  });

  it('answers 409 unknown_kid with the current kid for a key it does not have', async () => {
    const s = await server();
    const current = (await serverKey(s)).kid;
    const foreign = publicJwkOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }));
    const key = { kid: await keyIdFor(foreign), publicKey: await importServerPublicKey(foreign) };
    const id = uuid();
    const res = await putRequest(s, id, request(id), key);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: 'unknown_kid', current });
  });

  it('still accepts a request sealed to an old key after rotation', async () => {
    const s = await server();
    const oldKey = await serverKey(s);
    rotateFileKey(s.deps.settings.dataDir);
    // A restart loads the rotated ring.
    const deps = { ...s.deps, ring: undefined };
    const app = createApp(deps);
    const keys = await (await app.request('/api/v1/keys')).json();
    expect(keys.current).not.toBe(oldKey.kid);
    const id = uuid();
    const res = await putRequest({ ...s, app, deps }, id, request(id), oldKey);
    expect(res.status).toBe(201);
  });

  it('answers 415 for any other content type, and 400 for malformed JSON', async () => {
    const s = await server();
    const id = uuid();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', '']) {
      const res = await s.app.request(`/api/v1/requests/${id}`, { method: 'PUT', headers: type ? { 'Content-Type': type } : {}, body: '{}' });
      expect(res.status, type).toBe(415);
      expect(await res.json()).toEqual({ error: 'unsupported_media_type' });
    }
    const res = await s.app.request(`/api/v1/requests/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"v":1,' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'malformed_json' });
    const bad = await s.app.request(`/api/v1/requests/not-a-uuid`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(bad.status).toBe(400);
  });

  it('answers 413 for a body over the limit', async () => {
    const s = await server({ MAX_JSON_BYTES: '2048', MAX_ATTACHMENT_BYTES: '1024' });
    const id = uuid();
    const big = await s.app.request(`/api/v1/requests/${id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(4096) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: 'payload_too_large' });
    const key = await serverKey(s);
    const f = file('y'.repeat(200_000));
    const sealed = await sealedFile(id, f, key);
    const res = await putFile(s, id, f.id, sealed);
    expect(res.status).toBe(413);
  });

  it('answers 429 with Retry-After when one client writes too fast', async () => {
    const s = await server({ RATE_LIMIT_PER_MINUTE: '3' });
    const id = uuid();
    const put = () => s.app.request(`/api/v1/requests/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{' });
    for (let i = 0; i < 3; i++) expect((await put()).status).toBe(400);
    const limited = await put();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toEqual({ error: 'rate_limited' });
    // One budget over every API route (see server-limits.test.ts).
    expect((await s.app.request('/api/v1/keys')).status).toBe(429);
  });

  it('never crashes and never writes on random bytes', async () => {
    const s = await server();
    const id = uuid();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('application/json', 'application/octet-stream'), async (bytes, type) => {
        const url = type === 'application/json' ? `/api/v1/requests/${id}` : `/api/v1/requests/${id}/attachments/${id}`;
        const res = await s.app.request(url, {
          method: 'PUT',
          headers: { 'Content-Type': type, 'X-Content-SHA256': sha256Hex(bytes) },
          body: bytes as Uint8Array<ArrayBuffer>,
        });
        expect([400, 409, 415, 422]).toContain(res.status);
        expect(typeof (await res.json()).error).toBe('string');
      }),
      { numRuns: 150 },
    );
    // Valid JSON of the wrong shape, too.
    for (const body of ['null', '[]', '"x"', '{"v":1}', '{"ct":"AAAA"}', JSON.stringify({ v: 1, alg: 'x', kid: 'k', epk: {}, iv: '', ct: '' })]) {
      const res = await s.app.request(`/api/v1/requests/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
      expect(res.status).toBe(422);
    }
    expect((await count(s, 'requests')) + (await count(s, 'pending_files'))).toBe(0);
  });
});

describe('attachments', () => {
  it('checks the body against X-Content-SHA256, and keeps the file pending until its request comes', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const f = file();
    const sealed = await sealedFile(id, f, key);
    const wrong = await putFile(s, id, f.id, sealed, sha256Hex('something else'));
    expect(wrong.status).toBe(422);
    expect(await wrong.json()).toEqual({ error: 'checksum_mismatch' });
    const ok = await putFile(s, id, f.id, sealed);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id, attachmentId: f.id, sha256: sha256Hex(sealed) });
    // Idempotent.
    expect((await putFile(s, id, f.id, sealed)).status).toBe(200);
    expect((await count(s, 'pending_files'))).toBe(1);
    const json = await s.app.request(`/api/v1/requests/${id}/attachments/${f.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-Content-SHA256': sha256Hex(sealed) },
      body: sealed as Uint8Array<ArrayBuffer>,
    });
    expect(json.status).toBe(415);
  });

  it('answers 409 missing_attachments listing the files not there (or not matching), then accepts once they are', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const a = file('first file');
    const b = file('second file');
    const body = request(id, [a, b]);
    expect((await putFile(s, id, a.id, await sealedFile(id, a, key))).status).toBe(200);
    // b uploaded with bytes that do not hash to its ref.
    const impostor = { ...b, bytes: new TextEncoder().encode('not the second file') };
    expect((await putFile(s, id, b.id, await sealedFile(id, impostor, key))).status).toBe(200);
    const missing = await putRequest(s, id, body, key);
    expect(missing.status).toBe(409);
    expect(await missing.json()).toEqual({ error: 'missing_attachments', missing: [b.id] });
    expect((await count(s, 'requests'))).toBe(0);

    expect((await putFile(s, id, b.id, await sealedFile(id, b, key))).status).toBe(200);
    const ok = await putRequest(s, id, body, key);
    expect(ok.status).toBe(201);
    expect((await count(s, 'pending_files'))).toBe(0);
    expect((await count(s, 'request_files'))).toBe(2);

    const detail = await (await s.app.request(`/api/v1/requests/${id}`, { headers: staff })).json();
    expect(detail.attachments.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
    const bytes = new Uint8Array(await (await s.app.request(`/api/v1/${detail.attachments[1].href}`, { headers: staff })).arrayBuffer());
    expect(sha256Hex(bytes)).toBe(b.ref.sha256);

    // A late repeat of a received file is fine; a new file for a received request is not.
    expect((await putFile(s, id, a.id, await sealedFile(id, a, key))).status).toBe(200);
    const extra = file('late');
    expect((await putFile(s, id, extra.id, await sealedFile(id, extra, key))).status).toBe(409);
  });

  it('refuses a file sealed for another request or another file', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const f = file();
    const res = await putFile(s, id, uuid(), await sealedFile(id, f, key));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'decrypt_failed' });
  });

  it('leaves nothing half-received when the commit fails midway, and a retry succeeds once', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const a = file('a');
    const b = file('b');
    for (const f of [a, b]) expect((await putFile(s, id, f.id, await sealedFile(id, f, key))).status).toBe(200);
    // A crash after the request row and the first file: the second file's insert fails.
    const repair = await failInsertsInto(s, 'request_files', 1);
    const failed = await putRequest(s, id, request(id, [a, b]), key);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: 'server_error' });
    expect((await count(s, 'requests'))).toBe(0);
    expect((await count(s, 'request_files'))).toBe(0);
    expect((await count(s, 'pending_files'))).toBe(2);

    await repair();
    const ok = await putRequest(s, id, request(id, [a, b]), key);
    expect(ok.status).toBe(201);
    const again = await putRequest(s, id, request(id, [a, b]), key);
    expect(again.status).toBe(200);
    expect((await again.json()).confirmation).toBe((await ok.json()).confirmation);
    expect((await count(s, 'requests'))).toBe(1);
    expect((await count(s, 'request_files'))).toBe(2);
    expect((await count(s, 'pending_files'))).toBe(0);
  });
});

describe('staff routes', () => {
  it('do not exist without a token, and want the right one', async () => {
    const off = await server({ INTAKE_TOKEN: '' });
    expect((await off.app.request('/api/v1/requests', { headers: staff })).status).toBe(404);
    const s = await server();
    expect((await s.app.request('/api/v1/requests')).status).toBe(401);
    const wrong = await s.app.request('/api/v1/requests', { headers: { Authorization: 'Bearer nope-nope-nope-nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    expect((await s.app.request(`/api/v1/requests/${uuid()}`, { headers: staff })).status).toBe(404);
  });

  it('list and show received requests', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const receipt = await (await putRequest(s, id, request(id), key)).json();
    const list = await s.app.request('/api/v1/requests', { headers: { Authorization: `bearer ${TOKEN}` } });
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(await list.json()).toEqual({
      requests: [
        { id, confirmation: receipt.confirmation, receivedAt: NOW.toISOString(), formTypes: ['I-485'], urgent: false, language: 'es', eventId: null, attachmentCount: 0 },
      ],
      next: null,
    });
    const byNumber = await s.app.request(`/api/v1/requests?confirmation=${receipt.confirmation.toLowerCase()}`, { headers: staff });
    expect((await byNumber.json()).requests).toHaveLength(1);
    const detail = await (await s.app.request(`/api/v1/requests/${id}`, { headers: staff })).json();
    expect(detail.request.person.familyName).toBe('García López');
    expect(detail.attachments).toEqual([]);
  });
});
});
