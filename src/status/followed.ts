/**
 * The requests whose status this device follows: those it sent itself
 * (delivered, with the secret the server gave back) and those opened from a
 * status link. Each with its last known answer.
 */
import { listOutbox } from '../outbox/outbox-store';
import { wireIdOf } from '../outbox/seal-request';
import type { DeliveredOutboxRecord, OutboxRecord } from '../storage/outbox-record';
import { listStatuses } from '../storage/statuses';
import type { StatusRecord } from '../storage/status-record';

export interface Followed {
  /** The request's id on the wire: what the status endpoint and the store are keyed by. Never in an address. */
  id: string;
  /** The page's name for it, in /status/<key>: the draft's id, or a link's local id. */
  key: string;
  secret: string;
  /** Present when this device sent the request. */
  sent?: DeliveredOutboxRecord;
  record?: StatusRecord;
}


/** Which request an outbox record answers, if it is an answer (a follow-up). */
export const answerTo = (r: OutboxRecord): string | undefined => (r.state === 'delivered' ? r.answers : r.followUp?.requestId);

export async function listFollowed(): Promise<Followed[]> {
  const [outbox, statuses] = await Promise.all([listOutbox(), listStatuses()]);
  const byId = new Map(statuses.map((s) => [s.id, s]));
  const out: Followed[] = [];
  const seen = new Set<string>();
  for (const r of outbox) {
    if (r.state !== 'delivered' || !r.statusSecret) continue;
    const id = wireIdOf(r);
    seen.add(id);
    const record = byId.get(id);
    out.push({ id, key: r.id, secret: r.statusSecret, sent: r, ...(record ? { record } : {}) });
  }
  for (const s of statuses) {
    if (!seen.has(s.id) && s.secret) out.push({ id: s.id, key: s.localId ?? s.id, secret: s.secret, record: s });
  }
  return out;
}
