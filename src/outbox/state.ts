import type { DeliveredOutboxRecord, OutboxRecord, PendingOutboxRecord, SealedAttachment } from '../storage/outbox-record';
import type { AnswerReceipt, DeliveryReceipt, FeedbackReceipt, Reason } from '../shared/protocol';
import type { SealedEnvelope } from '../shared/seal';
import { MAX_RETRY_AFTER_MS } from '../shared/backoff';

/**
 * The outbox state machine, pure: (record, event) → record. Storage applies
 * it inside one IndexedDB transaction, so every change is read-modify-write
 * on the latest stored copy.
 *
 *   waiting ──claim──▶ sending ──delivered──▶ delivered (final)
 *      ▲                 │ ├─retry / missing-attachments──▶ waiting
 *      │                 │ └─refused──▶ needs-attention
 *      └──── retry-now ──┴──────────────────────┘
 *
 * Events that report a sender's result carry its lease id and apply only
 * while that sender still holds the record, so a slow sender whose lease
 * lapsed cannot overwrite a newer state. "delivered" is the exception: the
 * server has the request, whoever heard it first.
 */

export type OutboxEvent =
  /**
   * `takeOver`: the claimer holds an exclusive lock every sender takes (Web
   * Locks, released by the browser when its holder dies), so a record still
   * 'sending' was left by a sender that is gone, whatever its lease says.
   */
  | { type: 'claim'; now: number; leaseId: string; leaseMs: number; force?: boolean; takeOver?: boolean }
  | { type: 'renew'; now: number; leaseId: string; leaseMs: number }
  | { type: 'sealed'; leaseId: string; body: SealedEnvelope; kid: string; attachments: SealedAttachment[] }
  | { type: 'attachment-uploaded'; leaseId: string; attachmentId: string }
  | { type: 'delivered'; receipt: DeliveryReceipt }
  /** A follow-up arrived. */
  | { type: 'answered'; receipt: AnswerReceipt }
  /** Feedback arrived. */
  | { type: 'received'; receipt: FeedbackReceipt }
  | { type: 'retry'; leaseId: string; now: number; code: string; delayMs: number }
  | { type: 'missing-attachments'; leaseId: string; now: number; ids: string[] }
  | { type: 'refused'; leaseId: string; reasons: Reason[] }
  /** The person asks to try a sent-back request again as it is (e.g. after the server got its key back). */
  | { type: 'retry-now'; now: number };

/** No claim is ever renewed for longer than this; one further off is from a clock that went back. */
export const MAX_LEASE_MS = 10 * 60_000;

/** Whether a flush should pick this record up now. */
export function isDue(record: OutboxRecord, now: number, force = false, takeOver = false): boolean {
  if (record.state === 'waiting') {
    // A next try further off than any wait we ever set means the clock went
    // back (a dead battery, a manual change): try now rather than in days.
    return force || record.nextTryAt <= now || record.nextTryAt - now > MAX_RETRY_AFTER_MS;
  }
  // A sender that crashed (tab closed, worker killed) leaves 'sending' behind.
  if (record.state === 'sending') {
    if (takeOver) return true;
    const until = record.leaseUntil ?? 0;
    return until <= now || until - now > MAX_LEASE_MS;
  }
  return false;
}

/** Counted by the badge: anything not yet delivered. */
export function isUnsent(record: OutboxRecord): boolean {
  return record.state !== 'delivered';
}

function holds(record: PendingOutboxRecord, leaseId: string): boolean {
  return record.state === 'sending' && record.leaseId === leaseId;
}

function released(record: PendingOutboxRecord): PendingOutboxRecord {
  const { leaseId: _l, leaseUntil: _u, ...rest } = record;
  return rest;
}

export function deliveredRecord(record: OutboxRecord, receipt: DeliveryReceipt): DeliveredOutboxRecord {
  return {
    id: record.id,
    state: 'delivered',
    confirmation: receipt.confirmation,
    deliveredAt: receipt.receivedAt,
    formTypes: record.formTypes,
    ...(receipt.id !== record.id ? { wireId: receipt.id } : {}),
    ...(receipt.statusSecret ? { statusSecret: receipt.statusSecret } : {}),
  };
}

/** A delivered follow-up keeps when it arrived and which request it answered; no confirmation of its own. */
export function answeredRecord(record: OutboxRecord, receipt: AnswerReceipt): DeliveredOutboxRecord {
  return { id: record.id, state: 'delivered', confirmation: '', deliveredAt: receipt.receivedAt, formTypes: [], answers: receipt.requestId };
}

/** Delivered feedback keeps only when it arrived, so the outbox can say so (and "Next person" can clear it). */
function receivedRecord(record: OutboxRecord, receipt: FeedbackReceipt): DeliveredOutboxRecord {
  return { id: record.id, state: 'delivered', confirmation: '', deliveredAt: receipt.receivedAt, formTypes: [], feedback: true };
}

/** Returns the same object when the event does not apply, so callers can skip the write. */
export function transition(record: OutboxRecord, event: OutboxEvent): OutboxRecord {
  if (record.state === 'delivered') return record;
  switch (event.type) {
    case 'claim': {
      if (!isDue(record, event.now, event.force, event.takeOver)) return record;
      return {
        ...record,
        state: 'sending',
        attempts: record.attempts + 1,
        leaseId: event.leaseId,
        leaseUntil: event.now + event.leaseMs,
      };
    }
    case 'renew':
      return holds(record, event.leaseId) ? { ...record, leaseUntil: event.now + event.leaseMs } : record;
    case 'sealed':
      if (!holds(record, event.leaseId)) return record;
      return { ...record, needsSeal: false, body: event.body, kid: event.kid, attachments: event.attachments };
    case 'attachment-uploaded': {
      if (!holds(record, event.leaseId)) return record;
      const i = record.attachments.findIndex((a) => a.id === event.attachmentId);
      if (i < 0 || record.attachments[i]!.uploaded) return record;
      const attachments = record.attachments.map((a, j) => (j === i ? { ...a, uploaded: true } : a));
      return { ...record, attachments };
    }
    case 'delivered':
      return deliveredRecord(record, event.receipt);
    case 'answered':
      return answeredRecord(record, event.receipt);
    case 'received':
      return receivedRecord(record, event.receipt);
    case 'retry':
      if (!holds(record, event.leaseId)) return record;
      return {
        ...released(record),
        state: 'waiting',
        lastError: event.code,
        nextTryAt: event.now + Math.max(0, event.delayMs),
      };
    case 'missing-attachments': {
      if (!holds(record, event.leaseId)) return record;
      const missing = new Set(event.ids);
      // An empty list from the server means it did not say which: send them all again.
      const attachments = record.attachments.map((a) =>
        missing.size === 0 || missing.has(a.id) ? { ...a, uploaded: false } : a,
      );
      return { ...released(record), state: 'waiting', attachments, lastError: 'missing_attachments', nextTryAt: event.now };
    }
    case 'refused': {
      if (!holds(record, event.leaseId)) return record;
      const first = event.reasons[0]?.code ?? 'refused';
      return { ...released(record), state: 'needs-attention', reasons: event.reasons, lastError: first };
    }
    case 'retry-now': {
      if (record.state === 'sending') return record;
      if (record.state === 'waiting' && record.nextTryAt <= event.now) return record;
      const { reasons: _r, ...rest } = released(record);
      return { ...rest, state: 'waiting', nextTryAt: event.now };
    }
  }
}
