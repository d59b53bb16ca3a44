import type { LookupKind } from './index-keys';

/**
 * The intake store: everything the intake routes, the staff API, the export
 * and the staff console read or write about requests. One implementation
 * (intake-store-sql.ts) runs on either database engine (db/engine.ts).
 *
 * What is stored in the clear, and why: the non-personal metadata the staff
 * list filters and sorts on — receipt time, form types, urgent flag (the
 * "emergency" problem kind), the app language, the outreach event id, the
 * confirmation number, the attachment count — and the key id a row is
 * sealed to. Everything personal (every field of the request, every file,
 * even file names) stays in the device's own sealed envelope, exactly as
 * received. A-number, receipt numbers, e-mail and full name are searchable through
 * blind indexes (HMAC with an index key, index-keys.ts), never stored.
 *
 * Only staff paths call openRequest/openAttachment; they need the private
 * sealing keys, so a copy of the database alone shows no personal data.
 */

/** One uploaded file waiting for its request. */
export interface PendingFile {
  requestId: string;
  attachmentId: string;
  /** SHA-256 (hex) of the sealed bytes: the same file again is the same row. */
  sealedSha256: string;
  sealed: Uint8Array;
  /** Who sent it (the client address); stored only as a keyed hash, for the per-client cap. */
  client: string;
  receivedAt: string;
}

export interface PendingCaps {
  /** All pending bytes together. */
  maxBytes: number;
  /** Pending bytes from one client. */
  maxBytesPerClient: number;
}

export type SavePendingResult = 'saved' | 'client_full' | 'store_full';

/** What a received request answers to a repeat. */
export interface ReceivedAnswer {
  confirmation: string;
  receivedAt: string;
  /** SHA-256 of the canonical plaintext request (it holds a random id, so it reveals nothing). */
  bodySha256: string;
  /** SHA-256 of the envelope bytes as received: the device repeats those bytes exactly. Null for migrated rows. */
  envelopeSha256: string | null;
}

export interface NewRequest {
  id: string;
  receivedAt: string;
  /** The key the envelope is sealed to. */
  kid: string;
  /** The envelope as received (UTF-8 JSON bytes). */
  sealed: Uint8Array;
  envelopeSha256: string;
  bodySha256: string;
  /** SHA-256 (hex) of the status secret the device is given (hearing/status-secret.ts); absent for migrated rows. */
  statusSha256?: string;
  formTypes: readonly string[];
  urgent: boolean;
  language: string;
  eventId: string | null;
  /** Plain values to index blindly; the store normalizes and hashes them. */
  lookups: readonly { kind: LookupKind; value: string }[];
  /** The pending files this request takes, each named by id and sealed hash. */
  files: readonly { attachmentId: string; sealedSha256: string }[];
  /** Only for rows migrated from the plaintext format: the confirmation they were already given. */
  confirmation?: string;
}

export type CommitResult =
  | { kind: 'created' | 'same'; confirmation: string; receivedAt: string }
  | { kind: 'conflict' }
  /** A named pending file was gone by commit time (swept): the device sends it again. */
  | { kind: 'missing'; attachmentIds: string[] };

export interface RequestSummary {
  id: string;
  /** Display form, K7Q-4M2-XP9. */
  confirmation: string;
  receivedAt: string;
  formTypes: string[];
  urgent: boolean;
  language: string;
  eventId: string | null;
  attachmentCount: number;
}

export interface ListFilter {
  /** ISO time, inclusive. */
  from?: string;
  /** ISO time, exclusive. */
  to?: string;
  formType?: string;
  urgent?: boolean;
  language?: string;
  eventId?: string;
  /** Stored (compact) form, see normalizeConfirmation. */
  confirmation?: string;
}

export interface PageOptions {
  /** 1–500; default 50. */
  limit?: number;
  /** The `next` of the previous page. */
  after?: string | null;
  /** Receipt order instead of newest first (the export). */
  oldestFirst?: boolean;
}

export interface Page {
  requests: RequestSummary[];
  /** Cursor for the following page; null at the end. */
  next: string | null;
}

export interface AttachmentSummary {
  id: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export interface OpenedRequest extends RequestSummary {
  /** The request as the device sent it, validated on arrival. */
  request: unknown;
  attachments: AttachmentSummary[];
}

export interface OpenedAttachment extends AttachmentSummary {
  data: Uint8Array;
}

export interface IntakeStore {
  // ── intake (anonymous devices) ──
  /** Keeps an uploaded sealed file until its request comes; refused when a cap would be passed. */
  savePending(file: PendingFile, caps: PendingCaps): Promise<SavePendingResult>;
  /** Every pending upload under this request and attachment id (junk included: the caller picks by content). */
  pendingCandidates(requestId: string, attachmentId: string): Promise<{ sealedSha256: string; sealed: Uint8Array }[]>;
  /** Drops pending files received before `before` (ISO time); returns how many. */
  sweepPending(before: string): Promise<number>;
  findReceived(id: string): Promise<ReceivedAnswer | undefined>;
  hasFile(requestId: string, attachmentId: string): Promise<boolean>;
  /** Receives a request exactly once, across processes: one row, one confirmation. */
  commit(request: NewRequest): Promise<CommitResult>;

  // ── staff reads (metadata only) ──
  list(filter?: ListFilter, page?: PageOptions): Promise<Page>;
  count(filter?: ListFilter): Promise<number>;
  /** Requests whose A-number / receipt number / e-mail / full name is this value (newest first, at most 100). */
  findBy(kind: LookupKind, value: string): Promise<RequestSummary[]>;

  // ── staff reads that open sealed data ──
  openRequest(id: string): Promise<OpenedRequest | undefined>;
  openAttachment(requestId: string, attachmentId: string): Promise<OpenedAttachment | undefined>;
}
