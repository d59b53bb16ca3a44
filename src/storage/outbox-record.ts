import type { SealedEnvelope } from '../shared/seal';
import type { Reason } from '../shared/protocol';

/**
 * What the outbox store holds: the single source of truth for where each
 * submitted request stands. Nothing here is readable personal data: the
 * request and its files are sealed to the intake server's key; the summary
 * is form types and times.
 */

/** One file, sealed as a binary envelope, uploaded on its own. */
export interface SealedAttachment {
  id: string;
  /** The binary envelope (application/octet-stream): the body of the attachment PUT. */
  sealed: Blob;
  /** SHA-256 (hex) of the sealed bytes: the X-Content-SHA256 header. */
  sha256: string;
  uploaded: boolean;
}

/**
 * What a record carries to the office: a request (the default), or the
 * person's answer to a request that needs information (a follow-up, sent
 * under the request with its status secret).
 */
export interface FollowUpTarget {
  kind: 'follow-up';
  /** The request it answers, by its id on the wire. */
  requestId: string;
  /** The request's status secret: what lets the answer in. */
  statusSecret: string;
}

/** A request still on its way (or sent back). */
export interface PendingOutboxRecord {
  /** The draft's id: the page's own name for the request, never sent (a follow-up: its own id, also on the wire). */
  id: string;
  /**
   * The id the request and its files travel under (derived from `claim`).
   * Absent on records from before claims, and on follow-ups: those travel under `id`.
   */
  wireId?: string;
  /** The secret behind `wireId`, sent with each file upload; gone once delivered. */
  claim?: string;
  /** Present on follow-ups only. */
  followUp?: FollowUpTarget;
  /** Listening-session feedback: travels under `id`, no files, no plaintext kept once sealed. */
  feedback?: true;
  state: 'waiting' | 'sending' | 'needs-attention';
  /** Summary kept for the person's records: no names, no answers. */
  formTypes: string[];
  /** Device clock, as written into the sealed request; informational only. */
  submittedAt: string;
  /**
   * True when no server key was known at submit: nothing is sealed yet and
   * the plaintext stays in the drafts store (locked) until a flush can seal it.
   */
  needsSeal: boolean;
  /** Personal mode: a locked plaintext copy waits in the drafts store until delivery. */
  hasLocalCopy: boolean;
  /** The sealed request (absent while needsSeal). */
  body?: SealedEnvelope;
  /** Key id the body and files are sealed to. */
  kid?: string;
  attachments: SealedAttachment[];
  /** Tries so far. Only ever grows: device clocks jump, counters do not. */
  attempts: number;
  /** Device milliseconds; before this the record is not retried (Send now overrides). */
  nextTryAt: number;
  lastError?: string;
  /** Who is sending it and until when (device ms): a crashed sender's claim lapses. */
  leaseId?: string;
  leaseUntil?: number;
  /** Why the server refused it (needs-attention), by code and field path. */
  reasons?: Reason[];
}

/** After the server confirmed: the sealed data is gone; this is kept for the person's records. */
export interface DeliveredOutboxRecord {
  id: string;
  /** The id the office knows it by, when not `id` (a claimed request): what its status is asked under. */
  wireId?: string;
  state: 'delivered';
  confirmation: string;
  /** The server's clock (ISO 8601). */
  deliveredAt: string;
  formTypes: string[];
  /** What the office's status endpoint asks for; absent from servers before statuses and on a shared tablet once the person has gone. */
  statusSecret?: string;
  /** A delivered follow-up: the request it answered (the secret is not kept). */
  answers?: string;
  /** Delivered feedback: nothing is kept of it but when it arrived. */
  feedback?: true;
}

export type OutboxRecord = PendingOutboxRecord | DeliveredOutboxRecord;
