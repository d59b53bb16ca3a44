/**
 * What the intake server prints while it receives, refuses and hands out
 * requests must carry no personal data: no names, addresses, ids, file
 * names or free text, whatever the request looks like.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const printed: string[] = [];

beforeEach(() => {
  // The suite runs with LOG_LEVEL=silent; here the logger must speak, access lines included.
  vi.stubEnv('LOG_LEVEL', '');
  vi.stubEnv('LOG_ACCESS', '1');
  vi.resetModules();
  const keep = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  vi.spyOn(console, 'log').mockImplementation(keep);
  vi.spyOn(console, 'error').mockImplementation(keep);
  vi.spyOn(console, 'warn').mockImplementation(keep);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  printed.length = 0;
});

describe('server logs', () => {
  it('name events and routes, never what a request carries', async () => {
    const h = await import('./intake-helpers');
    const s = await h.makeServer();
    try {
      const key = await h.serverKey(s);
      const id = h.uuid();
      const f = h.file();
      const body = h.request(id, [f]);
      expect((await h.putFile(s, id, f.id, await h.sealedFile(id, f, key))).status).toBeLessThan(300);
      expect((await h.putRequest(s, id, body, key)).status).toBe(201);
      // The same id with other content, a body that fails the schema, and junk.
      expect((await h.putRequest(s, id, h.request(id, [f], { locale: 'fr' }), key)).status).toBe(409);
      const bad = h.uuid();
      expect((await h.putRequest(s, bad, h.request(bad, [], { person: { familyName: 'Secret-Surname<script>' } }), key)).status).toBe(422);
      const junk = await s.app.request(`/api/v1/requests/${bad}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"person":"Secret-Surname"' });
      expect(junk.status).toBe(400);
      expect((await s.app.request(`/api/v1/requests/${id}`, { headers: h.staff })).status).toBe(200);
    } finally {
      await s.close();
    }

    const out = printed.join('\n');
    expect(out).toMatch(/"event":"request_received"/);
    expect(out).toMatch(/"route":"\/api\/v1\/requests\/:id"/);
    const person = h.request('x').person as Record<string, unknown>;
    for (const secret of [String(person.familyName), 'Ana', '100 Main St', 'Austin', 'ana@example.com', 'letter.pdf', 'Secret-Surname', 'pending for two years']) {
      expect(out).not.toContain(secret);
    }
    expect(out).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it('never print a status secret, a follow-up or feedback text, whatever the answer', async () => {
    const h = await import('./intake-helpers');
    const { sealJson } = await import('../../src/shared/seal');
    const s = await h.makeServer();
    let secret = '';
    try {
      const key = await h.serverKey(s);
      const id = h.uuid();
      const delivered = await h.putRequest(s, id, h.request(id), key);
      secret = ((await delivered.json()) as { statusSecret: string }).statusSecret;
      expect((await h.putRequest(s, id, h.request(id), key)).status).toBe(200);
      const status = (given: string) => s.app.request(`/api/v1/requests/${id}/status`, { headers: { 'X-Status-Secret': given } });
      expect((await status(secret)).status).toBe(200);
      expect((await status(`${secret}x`)).status).toBe(404);
      const followUp = { id: h.uuid(), requestId: id, schemaVersion: 1, text: 'Follow-up-words', locale: 'es', submittedAt: '2025-06-15T11:00:00.000Z' };
      const envelope = await sealJson(followUp, key, { requestId: followUp.id, purpose: 'follow-up' });
      const sent = await s.app.request(`/api/v1/requests/${id}/follow-ups/${followUp.id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-Status-Secret': secret },
        body: JSON.stringify(envelope),
      });
      expect(sent.status).toBe(201);
      const feedback = { id: h.uuid(), schemaVersion: 1, locale: 'es', comments: 'Feedback-words', submittedAt: '2025-06-15T11:00:00.000Z' };
      const sealed = await sealJson(feedback, key, { requestId: feedback.id, purpose: 'feedback' });
      const fed = await s.app.request(`/api/v1/feedback/${feedback.id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(sealed) });
      expect(fed.status).toBe(201);
    } finally {
      await s.close();
    }
    const out = printed.join('\n');
    expect(out).toMatch(/"route":"\/api\/v1\/requests\/:id\/status"/);
    expect(out).toMatch(/"event":"follow_up_received"/);
    expect(secret.length).toBeGreaterThan(20);
    for (const text of [secret, secret.slice(0, 16), 'Follow-up-words', 'Feedback-words']) expect(out).not.toContain(text);
    expect(out).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it('never print a request’s claim, whether it is accepted or refused', async () => {
    const h = await import('./intake-helpers');
    const { REQUEST_CLAIM_HEADER } = await import('../../src/shared/protocol');
    const s = await h.makeServer();
    const { id, claim } = await h.claimedId();
    const wrong = (await h.claimedId()).claim;
    try {
      const key = await h.serverKey(s);
      const f = h.file();
      const sealed = await h.sealedFile(id, f, key);
      expect((await h.putFile(s, id, f.id, sealed, undefined, { [REQUEST_CLAIM_HEADER]: wrong })).status).toBe(403);
      expect((await h.putFile(s, id, f.id, sealed, undefined, { [REQUEST_CLAIM_HEADER]: claim })).status).toBe(200);
      expect((await h.putRequest(s, id, h.request(id, [f], { claim: wrong }), key)).status).toBe(422);
      expect((await h.putRequest(s, id, h.request(id, [f], { claim }), key)).status).toBe(201);
    } finally {
      await s.close();
    }
    const out = printed.join('\n');
    expect(out).toMatch(/"event":"request_received"/);
    for (const secret of [claim, wrong, id]) expect(out).not.toContain(secret);
  });

  it('count a client that drops mid-upload as aborted, not as a server fault', async () => {
    const h = await import('./intake-helpers');
    const s = await h.makeServer();
    try {
      const id = h.uuid();
      const routes = [
        { path: `/api/v1/requests/${id}`, method: 'PUT', type: 'application/json' },
        { path: `/api/v1/requests/${id}/attachments/${h.uuid()}`, method: 'PUT', type: 'application/octet-stream' },
        { path: `/api/v1/events/${id}/stats`, method: 'POST', type: 'application/json' },
      ];
      for (const route of routes) {
        // What Node hands the server when the socket closes mid-body.
        const body = new ReadableStream({ pull: (c) => c.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })) });
        const init = { method: route.method, headers: { 'Content-Type': route.type, 'X-Content-SHA256': 'a'.repeat(64) }, body, duplex: 'half' };
        const res = await s.app.request(route.path, init as RequestInit);
        expect(res.status, route.path).toBe(400);
        expect(await res.json()).toEqual({ error: 'request_aborted' });
      }
    } finally {
      await s.close();
    }
    const out = printed.join('\n');
    expect(out).toMatch(/"event":"request_aborted"/);
    expect(out).not.toMatch(/unhandled/);
  });
});
