import { describe, expect, it } from 'vitest';
import { TOKEN, putRequest, request, serverKey, serversPerTest, staff, uuid, type TestServer } from './intake-helpers';
import { FAILURE_BURST } from '../../src/server/staff-auth';
import { readSettings } from '../../src/server/settings';

const server = serversPerTest();

const PROXY = '10.0.0.2';
/** What @hono/node-server hands the app: the socket the request came in on. */
const fromSocket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

/** A cheap write any client can make: malformed JSON, refused with 400 after the rate limit. */
function write(s: TestServer, headers: Record<string, string> = {}, socket = PROXY) {
  return s.app.request(
    `/api/v1/requests/${uuid()}`,
    { method: 'PUT', headers: { 'Content-Type': 'application/json', ...headers }, body: '{' },
    fromSocket(socket),
  );
}

async function statuses(calls: (() => Response | Promise<Response>)[]): Promise<number[]> {
  const out: number[] = [];
  for (const call of calls) out.push((await call()).status);
  return out;
}

describe('one rate-limit budget per client', () => {
  it('spans every API route: intake, events, keys and health draw from the same budget', async () => {
    const s = await server({ RATE_LIMIT_PER_MINUTE: '4' });
    const env = fromSocket('192.0.2.10');
    const got = await statuses([
      () => write(s, {}, '192.0.2.10'),
      () => s.app.request(`/api/v1/events/${uuid()}/stats`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' }, env),
      () => s.app.request('/api/v1/keys', {}, env),
      () => s.app.request('/api/v1/health', {}, env),
      () => s.app.request('/api/v1/health', {}, env),
    ]);
    expect(got).toEqual([400, 400, 200, 200, 429]);
    const limited = await s.app.request('/api/v1/keys', {}, env);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toEqual({ error: 'rate_limited' });
    // Another client still has its own budget.
    expect((await s.app.request('/api/v1/health', {}, fromSocket('192.0.2.11'))).status).toBe(200);
  });

  it('behind a trusted proxy, two clients with different X-Forwarded-For get separate budgets', async () => {
    const s = await server({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' });
    const a = { 'X-Forwarded-For': '203.0.113.7' };
    const b = { 'X-Forwarded-For': '198.51.100.9' };
    expect(await statuses([() => write(s, a), () => write(s, a), () => write(s, a)])).toEqual([400, 400, 429]);
    expect(await statuses([() => write(s, b), () => write(s, b), () => write(s, b)])).toEqual([400, 400, 429]);
  });

  it('without TRUST_PROXY, every client behind the proxy shares the proxy’s budget', async () => {
    const s = await server({ RATE_LIMIT_PER_MINUTE: '2' });
    const got = await statuses([
      () => write(s, { 'X-Forwarded-For': '203.0.113.7' }),
      () => write(s, { 'X-Forwarded-For': '198.51.100.9' }),
      () => write(s, { 'X-Forwarded-For': '192.0.2.77' }),
    ]);
    expect(got).toEqual([400, 400, 429]);
  });

  it('ignores an X-Forwarded-For the client wrote itself', async () => {
    // No proxy: a client rotating a made-up header still has one budget.
    const direct = await server({ RATE_LIMIT_PER_MINUTE: '2' });
    const spoof = (n: number) => () => write(direct, { 'X-Forwarded-For': `10.9.9.${n}` }, '203.0.113.50');
    expect(await statuses([spoof(1), spoof(2), spoof(3)])).toEqual([400, 400, 429]);
    // One trusted proxy: only the address that proxy appended counts, not what the client put before it.
    const proxied = await server({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' });
    const prefixed = (n: number) => () => write(proxied, { 'X-Forwarded-For': `10.9.9.${n}, 203.0.113.50` });
    expect(await statuses([prefixed(1), prefixed(2), prefixed(3)])).toEqual([400, 400, 429]);
    // Junk where the proxy's entry should be falls back to the socket (the proxy), never a free budget.
    const junk = (n: number) => () => write(proxied, { 'X-Forwarded-For': `<script>${n}` });
    expect(await statuses([junk(1), junk(2), junk(3)])).toEqual([400, 400, 429]);
  });

  it('reads TRUST_PROXY as a number of proxies and refuses anything else', () => {
    expect(readSettings({}).trustProxyHops).toBe(0);
    expect(readSettings({ TRUST_PROXY: '2' }).trustProxyHops).toBe(2);
    expect(() => readSettings({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });
});

describe('failed staff sign-in', () => {
  const asClient = (s: TestServer, address: string, authorization: string) =>
    s.app.request('/api/v1/requests', { headers: { Authorization: authorization } }, fromSocket(address));

  it(`allows ${FAILURE_BURST} wrong tokens, then makes that client wait before any token is checked`, async () => {
    const s = await server();
    for (let i = 0; i < FAILURE_BURST; i++) expect((await asClient(s, '192.0.2.30', `Bearer wrong-token-${i}-xxxxxxxx`)).status).toBe(401);
    const blocked = await asClient(s, '192.0.2.30', `Bearer ${TOKEN}`);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(60);
    // Staff elsewhere are not locked out, and their right tokens never count as failures.
    for (let i = 0; i < FAILURE_BURST + 2; i++) expect((await asClient(s, '192.0.2.31', `Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('keeps the bearer answers: 404 with no token configured, 401 with the challenge otherwise', async () => {
    expect((await (await server({ INTAKE_TOKEN: '' })).app.request('/api/v1/requests', { headers: staff })).status).toBe(404);
    const s = await server();
    for (const authorization of ['', 'Basic abc', 'Bearer', 'Bearer a b']) {
      const res = await s.app.request('/api/v1/requests', authorization ? { headers: { Authorization: authorization } } : {});
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toEqual({ error: 'unauthorized' });
    }
    expect((await s.app.request('/api/v1/requests', { headers: staff })).status).toBe(200);
  });
});

describe('bodies read at once', () => {
  it('answers 503 with Retry-After beyond the cap, and accepts again once a body is done', async () => {
    const s = await server({ MAX_BODIES_IN_FLIGHT: '2', RATE_LIMIT_PER_MINUTE: '0' });
    const held: ReadableStreamDefaultController<Uint8Array>[] = [];
    const slowUpload = () =>
      s.app.request(
        new Request(`http://x/api/v1/requests/${uuid()}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: new ReadableStream<Uint8Array>({ start: (controller) => void held.push(controller) }),
          duplex: 'half',
        } as RequestInit),
      );
    const first = slowUpload();
    const second = slowUpload();
    await expect.poll(() => held.length).toBe(2);
    const refused = await write(s);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toEqual({ error: 'busy' });
    // Reads carry no body and are never held back.
    expect((await s.app.request('/api/v1/health')).status).toBe(200);
    for (const controller of held) {
      controller.enqueue(new TextEncoder().encode('{'));
      controller.close();
    }
    expect((await first).status).toBe(400);
    expect((await second).status).toBe(400);
    expect((await write(s)).status).toBe(400);
  });
});

describe('hostile input in a 422', () => {
  it('never echoes an unknown key: it is reported at its parent as unknown_field', async () => {
    const s = await server();
    const key = await serverKey(s);
    const id = uuid();
    const hostile = '<img src=x onerror=alert(1)>';
    const body = request(id, [], { [hostile]: 1 });
    (body.person as Record<string, unknown>)[hostile] = 'x';
    const res = await putRequest(s, id, body, key);
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).not.toContain('<img');
    expect(text).not.toContain('onerror');
    expect(JSON.parse(text).issues).toEqual([
      { code: 'unknown_field', path: 'person' },
      { code: 'unknown_field', path: '' },
    ]);
  });
});
