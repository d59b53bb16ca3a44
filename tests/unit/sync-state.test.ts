import { describe, expect, it } from 'vitest';
import type { OutboxRecord, PendingOutboxRecord } from '../../src/storage/outbox-record';
import { isDue, isUnsent, transition } from '../../src/outbox/state';

const NOW = 1_000_000;

function waiting(overrides: Partial<PendingOutboxRecord> = {}): PendingOutboxRecord {
  return {
    id: 'r1',
    state: 'waiting',
    formTypes: ['I-485'],
    submittedAt: '2025-05-03T10:00:00.000Z',
    needsSeal: false,
    hasLocalCopy: true,
    attachments: [
      { id: 'a1', sealed: new Blob(['x']), sha256: 'ab'.repeat(32), uploaded: false },
      { id: 'a2', sealed: new Blob(['y']), sha256: 'cd'.repeat(32), uploaded: false },
    ],
    attempts: 0,
    nextTryAt: NOW,
    ...overrides,
  };
}

const claim = (r: OutboxRecord, leaseId = 'L1', now = NOW) => transition(r, { type: 'claim', now, leaseId, leaseMs: 60_000 });
const receipt = { id: 'r1', confirmation: 'K7Q-4M2-XP9', receivedAt: '2025-05-03T12:00:00.000Z' };

describe('outbox state machine', () => {
  it('claims a due record: sending, one more attempt, a lease', () => {
    const r = claim(waiting());
    expect(r).toMatchObject({ state: 'sending', attempts: 1, leaseId: 'L1', leaseUntil: NOW + 60_000 });
  });

  it('does not claim before the next try time unless forced (Send now)', () => {
    const later = waiting({ nextTryAt: NOW + 5_000 });
    expect(claim(later)).toBe(later);
    expect(transition(later, { type: 'claim', now: NOW, leaseId: 'L', leaseMs: 1, force: true }).state).toBe('sending');
  });

  it('treats a next try absurdly far off as due: the device clock went back', () => {
    const r = waiting({ nextTryAt: NOW + 3 * 24 * 3600_000 });
    expect(isDue(r, NOW)).toBe(true);
    expect(isDue(waiting({ nextTryAt: NOW + 10 * 60_000 }), NOW)).toBe(false);
    expect(isDue(waiting({ state: 'sending', leaseUntil: NOW + 86_400_000 }), NOW)).toBe(true);
  });

  it('lets nobody else claim a sending record until its lease lapses (a crashed sender)', () => {
    const sending = claim(waiting());
    expect(claim(sending, 'L2', NOW + 59_999)).toBe(sending);
    const stolen = claim(sending, 'L2', NOW + 60_000);
    expect(stolen).toMatchObject({ state: 'sending', leaseId: 'L2', attempts: 2 });
  });

  it('takes over a "sending" record at once when the claimer holds the exclusive lock', () => {
    const sending = claim(waiting());
    const taken = transition(sending, { type: 'claim', now: NOW + 1, leaseId: 'L2', leaseMs: 1, takeOver: true });
    expect(taken).toMatchObject({ state: 'sending', leaseId: 'L2', attempts: 2 });
  });

  it('counts attempts monotonically, whatever the clock does', () => {
    let r: OutboxRecord = waiting();
    const clock = [NOW, NOW - 10_000_000, NOW + 3, 0];
    for (const [i, now] of clock.entries()) {
      r = transition(r, { type: 'claim', now, leaseId: `L${i}`, leaseMs: 1, force: true });
      expect(r.state).toBe('sending');
      expect((r as PendingOutboxRecord).attempts).toBe(i + 1);
      r = transition(r, { type: 'retry', leaseId: `L${i}`, now, code: 'network', delayMs: 1000 });
      expect(r.state).toBe('waiting');
    }
  });

  it('marks files uploaded one by one, only for the lease holder', () => {
    const s = claim(waiting());
    const one = transition(s, { type: 'attachment-uploaded', leaseId: 'L1', attachmentId: 'a1' }) as PendingOutboxRecord;
    expect(one.attachments.map((a) => a.uploaded)).toEqual([true, false]);
    expect(transition(one, { type: 'attachment-uploaded', leaseId: 'other', attachmentId: 'a2' })).toBe(one);
    expect(transition(one, { type: 'attachment-uploaded', leaseId: 'L1', attachmentId: 'nope' })).toBe(one);
  });

  it('waits after a retryable failure, with the error and next try time, and releases the lease', () => {
    const r = transition(claim(waiting()), { type: 'retry', leaseId: 'L1', now: NOW, code: 'network', delayMs: 4_000 });
    expect(r).toMatchObject({ state: 'waiting', lastError: 'network', nextTryAt: NOW + 4_000 });
    expect(r).not.toHaveProperty('leaseId');
    expect(isDue(r, NOW + 3_999)).toBe(false);
    expect(isDue(r, NOW + 4_000)).toBe(true);
  });

  it('ignores a late answer from a sender whose lease lapsed', () => {
    const mine = claim(waiting());
    const theirs = claim(mine, 'L2', NOW + 60_000);
    expect(transition(theirs, { type: 'retry', leaseId: 'L1', now: NOW, code: 'timeout', delayMs: 1 })).toBe(theirs);
    expect(transition(theirs, { type: 'refused', leaseId: 'L1', reasons: [{ code: 'x' }] })).toBe(theirs);
  });

  it('delivered is final and keeps only the summary', () => {
    const d = transition(claim(waiting()), { type: 'delivered', receipt });
    expect(d).toEqual({ id: 'r1', state: 'delivered', confirmation: 'K7Q-4M2-XP9', deliveredAt: receipt.receivedAt, formTypes: ['I-485'] });
    expect(isUnsent(d)).toBe(false);
    for (const e of [
      { type: 'claim', now: NOW, leaseId: 'x', leaseMs: 1, force: true },
      { type: 'retry', leaseId: 'x', now: NOW, code: 'n', delayMs: 0 },
      { type: 'retry-now', now: NOW },
    ] as const) {
      expect(transition(d, e)).toBe(d);
    }
  });

  it('accepts delivery from a lapsed sender: the server has it', () => {
    const theirs = claim(claim(waiting()), 'L2', NOW + 60_000);
    expect(transition(theirs, { type: 'delivered', receipt }).state).toBe('delivered');
  });

  it('sends a refused request to needs-attention with its reasons, and back on retry-now', () => {
    const reasons = [{ code: 'date.future', path: 'person.dateOfBirth' }];
    const r = transition(claim(waiting()), { type: 'refused', leaseId: 'L1', reasons });
    expect(r).toMatchObject({ state: 'needs-attention', reasons, lastError: 'date.future' });
    expect(isDue(r, NOW + 1e9, true)).toBe(false);
    expect(isUnsent(r)).toBe(true);
    const again = transition(r, { type: 'retry-now', now: NOW + 5 });
    expect(again).toMatchObject({ state: 'waiting', nextTryAt: NOW + 5 });
    expect(again).not.toHaveProperty('reasons');
  });

  it('re-uploads exactly the files the server says are missing (all when it does not say)', () => {
    const s = claim(waiting({ attachments: waiting().attachments.map((a) => ({ ...a, uploaded: true })) }));
    const some = transition(s, { type: 'missing-attachments', leaseId: 'L1', now: NOW, ids: ['a2'] }) as PendingOutboxRecord;
    expect(some.state).toBe('waiting');
    expect(some.attachments.map((a) => a.uploaded)).toEqual([true, false]);
    const all = transition(s, { type: 'missing-attachments', leaseId: 'L1', now: NOW, ids: [] }) as PendingOutboxRecord;
    expect(all.attachments.map((a) => a.uploaded)).toEqual([false, false]);
  });

  it('stores a new seal under the lease, clearing needsSeal', () => {
    const s = claim(waiting({ needsSeal: true, attachments: [] }));
    const body = { v: 1, alg: 'ECDH-P256+HKDF-SHA256+A256GCM', kid: 'k2', epk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, iv: 'i', ct: 'c' } as const;
    const sealed = transition(s, { type: 'sealed', leaseId: 'L1', body, kid: 'k2', attachments: [] });
    expect(sealed).toMatchObject({ state: 'sending', needsSeal: false, kid: 'k2', body });
    expect(transition(s, { type: 'sealed', leaseId: 'nope', body, kid: 'k2', attachments: [] })).toBe(s);
  });

  it('never claims needs-attention or delivered records', () => {
    expect(isDue({ id: 'x', state: 'delivered', confirmation: 'A', deliveredAt: '', formTypes: [] }, NOW, true)).toBe(false);
    expect(isDue(waiting({ state: 'needs-attention' }), NOW, true)).toBe(false);
  });
});
