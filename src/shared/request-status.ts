/**
 * What a device may learn about its delivered request, and how it asks:
 *
 *   GET {apiBase}/requests/{id}/status
 *       X-Status-Secret: <the statusSecret the delivery answered>
 *       → 200 RequestStatus (Cache-Control: no-store)
 *       → 404 not_found for a wrong or missing secret and an unknown id alike
 *
 * The secret travels in a header, never in a URL (proxies and browsers
 * keep URLs). Codes only: the app words each state and reason.
 */
import type { CloseReason, InfoReason, ReferralReason, ReviewState } from './review';

export const STATUS_SECRET_HEADER = 'X-Status-Secret';

export interface RequestStatus {
  state: ReviewState;
  /** When the state last changed (the receipt time while "received"). */
  changedAt: string;
  /** Accepted: the office's case number. */
  caseNumber?: string;
  /** Closed: why. */
  closeReason?: CloseReason;
  /** Referred: where to. */
  referral?: ReferralReason;
  /** Needs information: what is asked, and the office's short note to the person. */
  infoReasons?: InfoReason[];
  infoNote?: string;
}
