/**
 * The status endpoint as this app reads it (src/shared/request-status.ts is
 * the contract): its address, and its answer checked before it is kept.
 */
import { joinUrl } from '../shared/protocol';
import { REVIEW_STATES, type ReviewState } from '../shared/review';
import type { KnownStatus } from '../storage/status-record';

export { STATUS_SECRET_HEADER } from '../shared/request-status';
export { CLOSE_REASONS, INFO_REASONS, REFERRAL_REASONS, REVIEW_STATES } from '../shared/review';

export function statusUrl(apiBase: string, id: string): string {
  return joinUrl(apiBase, 'requests', id, 'status');
}

const isState = (v: unknown): v is ReviewState => (REVIEW_STATES as readonly unknown[]).includes(v);
const text = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);

/**
 * The answer's body → what the device keeps, or null when it is not a
 * status at all. Codes are kept as sent: one this version has no words
 * for reads as "other" (src/status/texts.ts), so a newer server's code
 * still shows something true.
 */
export function readStatusBody(body: unknown): KnownStatus | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const changedAt = text(b.changedAt ?? b.stateAt, 40);
  if (!isState(b.state) || !changedAt || Number.isNaN(Date.parse(changedAt))) return null;
  const out: KnownStatus = { state: b.state, changedAt };
  const caseNumber = text(b.caseNumber, 64);
  const closeReason = text(b.closeReason, 64);
  const referral = text(b.referral, 64);
  const infoNote = text(b.infoNote, 2000);
  if (caseNumber) out.caseNumber = caseNumber;
  if (closeReason) out.closeReason = closeReason;
  if (referral) out.referral = referral;
  if (infoNote) out.infoNote = infoNote;
  if (Array.isArray(b.infoReasons)) {
    const reasons = b.infoReasons.filter((r): r is string => typeof r === 'string' && r.length > 0 && r.length <= 64);
    if (reasons.length) out.infoReasons = reasons.slice(0, 20);
  }
  return out;
}
