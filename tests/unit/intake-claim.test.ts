/**
 * A bystander who learnt a request's id (a shared tablet's history, a
 * screenshot) cannot use it against its owner: not by sending another body
 * first, not by filling the id with junk files. Runs on SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { REQUEST_CLAIM_HEADER } from '../../src/shared/protocol';
import { newClaim } from '../../src/shared/request-claim';
import {
  claimedId,
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
} from './intake-helpers';
import { ENGINES, useEngines } from './intake-engines';

const engines = useEngines();

describe.each(ENGINES)('request claims on %s', (engine) => {
  const server = () => engines.server(engine);

  it('refuse a bystander’s body under a known id; the owner’s body afterwards is received', async () => {
    const s = await server();
    const key = await serverKey(s);
    const { id, claim } = await claimedId();

    // Everything a bystander can try: no claim, a claim of their own, a claim in the wrong shape.
    for (const theirs of [undefined, newClaim(), 'x'.repeat(43)]) {
      const forged = request(id, [], { locale: 'fr', ...(theirs === undefined ? {} : { claim: theirs }) });
      const res = await putRequest(s, id, forged, key);
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual({ error: 'invalid', issues: [{ code: 'claim.mismatch', path: 'id' }] });
    }
    expect(await count(s, 'requests')).toBe(0);

    const owner = await putRequest(s, id, request(id, [], { claim }), key);
    expect(owner.status).toBe(201);
    expect((await owner.json()).id).toBe(id);
    const [row] = await s.deps.db.query<{ id: string }>('SELECT id FROM requests');
    expect(row?.id).toBe(id);

    // Staff see the request under the wire id, without the claim: it has done its job.
    const detail = await (await s.app.request(`/api/v1/requests/${id}`, { headers: staff })).json();
    expect(detail.request.id).toBe(id);
    expect(detail.request).not.toHaveProperty('claim');
    expect(JSON.stringify(detail)).not.toContain(claim);
  });

  it('refuse a bystander’s files under a known id, before storing or counting them; the owner’s go through', async () => {
    const s = await server();
    const key = await serverKey(s);
    const { id, claim } = await claimedId();
    const a = file('the real letter');
    const b = file('the real notice');

    for (const f of [a, b]) {
      const junk = await sealedFile(id, { ...f, bytes: new TextEncoder().encode(`junk ${uuid()}`) }, key);
      const attempts: Record<string, string>[] = [{}, { [REQUEST_CLAIM_HEADER]: newClaim() }, { [REQUEST_CLAIM_HEADER]: '' }];
      for (const headers of attempts) {
        const res = await putFile(s, id, f.id, junk, sha256Hex(junk), headers);
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual({ error: 'claim_mismatch' });
      }
    }
    // Refused before the body is looked at: not even a checksum is needed to be turned away.
    const unread = await s.app.request(`/api/v1/requests/${id}/attachments/${a.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(10),
    });
    expect(unread.status).toBe(403);
    expect(await count(s, 'pending_files')).toBe(0);

    for (const f of [a, b]) {
      const res = await putFile(s, id, f.id, await sealedFile(id, f, key), undefined, { [REQUEST_CLAIM_HEADER]: claim });
      expect(res.status).toBe(200);
    }
    const ok = await putRequest(s, id, request(id, [a, b], { claim }), key);
    expect(ok.status).toBe(201);
    expect(await count(s, 'request_files')).toBe(2);
    expect(await count(s, 'pending_files')).toBe(0);
  });

  it('still receive a request from before claims, and junk under its ids does not block the real files', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const a = file('the real letter');

    // A stranger fills the id with well-sealed files that are not the owner's, several per file id.
    for (let i = 0; i < 5; i++) {
      const junk = await sealedFile(id, { ...a, bytes: new TextEncoder().encode(`junk ${i}`) }, key);
      expect((await putFile(s, id, a.id, junk)).status).toBe(200);
    }
    const other = uuid();
    const stray = await sealedFile(id, { ...a, id: other }, key);
    expect((await putFile(s, id, other, stray)).status).toBe(200);

    // The owner's file is kept beside the junk, never instead of it, and is the one taken.
    expect((await putFile(s, id, a.id, await sealedFile(id, a, key))).status).toBe(200);
    const ok = await putRequest(s, id, request(id, [a]), key);
    expect(ok.status).toBe(201);
    const detail = await (await s.app.request(`/api/v1/requests/${id}`, { headers: staff })).json();
    const bytes = new Uint8Array(await (await s.app.request(`/api/v1/${detail.attachments[0].href}`, { headers: staff })).arrayBuffer());
    expect(sha256Hex(bytes)).toBe(a.ref.sha256);
    // The request took its file and dropped every other pending upload under its id.
    expect(await count(s, 'pending_files')).toBe(0);
  });

  it('ignore a claim header on an id from before claims, and refuse a claim inside its body', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const a = file();
    expect((await putFile(s, id, a.id, await sealedFile(id, a, key), undefined, { [REQUEST_CLAIM_HEADER]: newClaim() })).status).toBe(200);
    const withClaim = await putRequest(s, id, request(id, [a], { claim: newClaim() }), key);
    expect(withClaim.status).toBe(422);
    expect(await withClaim.json()).toEqual({ error: 'invalid', issues: [{ code: 'claim.mismatch', path: 'id' }] });
    expect((await putRequest(s, id, request(id, [a]), key)).status).toBe(201);
  });
});
