/**
 * What the statuses store holds: the last answer the office's status
 * endpoint gave for one request, and when the device asked. Codes only; the
 * words are the page's (src/status/texts.ts). A request this device sent
 * keeps its status secret on its delivered outbox record; one opened from a
 * status link (event mode's QR code) keeps it here.
 */

/** The office's answer as stored: a review state and the codes and text that go with it. */
export interface KnownStatus {
  state: string;
  /** When the state last changed (the server's clock, ISO 8601). */
  changedAt: string;
  caseNumber?: string;
  closeReason?: string;
  referral?: string;
  infoReasons?: string[];
  /** The office's short note to the person (needs information). */
  infoNote?: string;
}

export interface StatusRecord {
  /** The request's id on the wire. */
  id: string;
  /** Only for a request opened from a status link; see above. */
  secret?: string;
  /** The page's own name for a request opened from a link (its address), so the wire id never shows in one. */
  localId?: string;
  /** The confirmation number the link carried, to name the request. */
  confirmation?: string;
  /** Device milliseconds when the link was opened on this device. */
  addedAt?: number;
  known?: KnownStatus;
  /** Device milliseconds of the last answer from the office (found or not). */
  checkedAt?: number;
  /** The office answered "not found" at checkedAt: the link is wrong, or the request was removed. */
  notFound?: boolean;
}
