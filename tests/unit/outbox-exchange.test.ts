/**
 * How the device reads a batch's answer: each request's answer as its PUT's
 * would be read, never one request's answer for another, and never a final
 * refusal for something the batch as a whole met.
 */
import { describe, expect, it } from 'vitest';
import { exchangeBatch, type Link } from '../../src/outbox/exchange';
import type { BatchItem } from '../../src/shared/protocol';

const NOW = Date.parse('2025-06-15T12:00:00.000Z');
const items: BatchItem[] = [
  { id: '11111111-1111-4111-8111-111111111111', body: '{"v":1}' },
  { id: '22222222-2222-4222-8222-222222222222', body: '{"v":1}' },
  { id: '33333333-3333-4333-8333-333333333333', body: '{"v":1}' },
];
const receipt = (id: string) => ({ id, confirmation: 'K7Q-4M2-XP9', receivedAt: '2025-06-15T12:00:00.000Z' });

function link(answer: () => Response | Promise<Response>): Link {
  return { apiBase: '/api/v1', fetch: (async () => answer()) as typeof fetch, now: () => NOW, bytesPerSecond: 8 * 1024 };
}

describe('reading a batch answer', () => {
  it("classifies each request's own answer: delivered, refused with its reasons, or a retry after the server's wait", async () => {
    const results = [
      { id: items[0]!.id, status: 201, body: receipt(items[0]!.id) },
      { id: items[1]!.id, status: 422, body: { error: 'invalid', issues: [{ code: 'required', path: 'person.familyName' }] } },
      { id: items[2]!.id, status: 503, body: { error: 'unavailable' }, retryAfter: 30 },
    ];
    expect(await exchangeBatch(link(() => Response.json({ results })), items)).toEqual([
      { kind: 'delivered', receipt: receipt(items[0]!.id) },
      { kind: 'refused', reasons: [{ code: 'required', path: 'person.familyName' }] },
      { kind: 'retry', code: 'unavailable', retryAfterMs: 30_000 },
    ]);
  });

  it('reads a list out of order, or one answer short, as nobody\'s answer: every request tries again', async () => {
    const swapped = [
      { id: items[1]!.id, status: 409, body: { error: 'conflict' } },
      { id: items[0]!.id, status: 201, body: receipt(items[0]!.id) },
      { id: items[2]!.id, status: 201, body: receipt(items[2]!.id) },
    ];
    const retryAll = items.map(() => ({ kind: 'retry', code: 'bad_response' }));
    expect(await exchangeBatch(link(() => Response.json({ results: swapped })), items)).toEqual(retryAll);
    expect(await exchangeBatch(link(() => Response.json({ results: swapped.slice(1) })), items)).toEqual(retryAll);
  });

  it('never refuses a request for what the batch as a whole met', async () => {
    // A busy or rate-limited server, or a dead link: each request waits.
    const busy = await exchangeBatch(link(() => Response.json({ error: 'busy' }, { status: 503, headers: { 'Retry-After': '120' } })), items);
    expect(busy).toEqual(items.map(() => ({ kind: 'retry', code: 'busy', retryAfterMs: 120_000 })));
    const dead = await exchangeBatch(link(() => Promise.reject(new TypeError('Failed to fetch'))), items);
    expect(dead).toEqual(items.map(() => ({ kind: 'retry', code: 'network' })));
    // Too large, or something in between with its own page: each goes again by its own PUT.
    expect(await exchangeBatch(link(() => Response.json({ error: 'payload_too_large' }, { status: 413 })), items)).toBe('alone');
    expect(await exchangeBatch(link(() => new Response('<h1>Forbidden</h1>', { status: 403 })), items)).toBe('alone');
    // A server from before batches.
    expect(await exchangeBatch(link(() => Response.json({ error: 'not_found' }, { status: 404 })), items)).toBe('unsupported');
  });
});
