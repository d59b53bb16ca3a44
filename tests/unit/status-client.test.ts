import { describe, expect, it, vi } from 'vitest';
import { fetchStatus } from '../../src/status/client';
import { readStatusBody } from '../../src/status/contract';

const ID = '0d9e8f7a-1b2c-4d3e-8f4a-5b6c7d8e9f00';
const SECRET = 'q1w2e3r4t5y6u7i8o9p0aAsSdDfF';

function answering(status: number, body: unknown) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

describe('fetchStatus', () => {
  it('asks with the secret in a header, never in the address, and uncached', async () => {
    const fetchFn = answering(200, { state: 'in_review', changedAt: '2026-01-05T10:00:00.000Z' });
    const answer = await fetchStatus('/api/v1/', ID, SECRET, fetchFn as unknown as typeof fetch);
    expect(answer).toEqual({ kind: 'found', status: { state: 'in_review', changedAt: '2026-01-05T10:00:00.000Z' } });
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe(`/api/v1/requests/${ID}/status`);
    expect(String(url)).not.toContain(SECRET);
    expect((init!.headers as Record<string, string>)['X-Status-Secret']).toBe(SECRET);
    expect(init!.cache).toBe('no-store');
    expect(init!.method).toBe('GET');
  });

  it('reads 404 as "not found" and anything else that is not a status as "unavailable"', async () => {
    const as = (status: number, body: unknown) => fetchStatus('/api/v1', ID, SECRET, answering(status, body) as unknown as typeof fetch);
    expect(await as(404, { error: 'not_found' })).toEqual({ kind: 'not-found' });
    expect(await as(503, { error: 'busy' })).toEqual({ kind: 'unavailable' });
    expect(await as(429, { error: 'rate_limited' })).toEqual({ kind: 'unavailable' });
    expect(await as(200, { state: 'teleported', changedAt: '2026-01-05T10:00:00.000Z' })).toEqual({ kind: 'unavailable' });
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchStatus('/api/v1', ID, SECRET, offline as unknown as typeof fetch)).toEqual({ kind: 'unavailable' });
  });
});

describe('readStatusBody', () => {
  it('keeps what each state carries and drops what is not shaped as expected', () => {
    expect(
      readStatusBody({
        state: 'needs_information',
        changedAt: '2026-01-06T09:00:00.000Z',
        infoReasons: ['missing_consent', 7, 'brand_new_code'],
        infoNote: 'Please send page 2 of the notice.',
        caseNumber: null,
        extra: 'ignored',
      }),
    ).toEqual({
      state: 'needs_information',
      changedAt: '2026-01-06T09:00:00.000Z',
      infoReasons: ['missing_consent', 'brand_new_code'],
      infoNote: 'Please send page 2 of the notice.',
    });
    expect(readStatusBody({ state: 'accepted', stateAt: '2026-01-07T09:00:00.000Z', caseNumber: 'OMB-2026-0042' })).toEqual({
      state: 'accepted',
      changedAt: '2026-01-07T09:00:00.000Z',
      caseNumber: 'OMB-2026-0042',
    });
    expect(readStatusBody({ state: 'closed', changedAt: 'yesterday' })).toBeNull();
    expect(readStatusBody(null)).toBeNull();
    expect(readStatusBody({ changedAt: '2026-01-07T09:00:00.000Z' })).toBeNull();
  });
});
