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
    const s = h.makeServer();
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
      s.close();
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
});
