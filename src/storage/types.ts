/**
 * Record shapes of the IndexedDB stores. The draft payload and the outbox
 * payload are typed by their own modules (src/requests, src/sync); here
 * they are what the database holds.
 */

/** Where a draft stands: being written, or handed to the outbox (read-only). */
export type DraftStatus = 'editing' | 'submitted';

export interface DraftRecord {
  /**
   * UUID made on the device: the page's own name for the draft (URLs, keys).
   * Requests submitted before claims went on the wire under it; now the wire
   * id is derived from `claim`.
   */
  id: string;
  createdAt: number;
  /**
   * Last save, in device milliseconds. Never goes backwards for one draft
   * (a save stamps max(now, previous + 1)), so two tabs can tell whether
   * the stored copy is the one they last saw.
   */
  updatedAt: number;
  /** Version of the draft payload's shape (src/requests/form-model.ts), for migrations. */
  schemaVersion: number;
  /** The form state as the person typed it (partial, unvalidated). */
  data: unknown;
  /** Which step the person was on, to resume there. */
  step?: string;
  /** Event-mode session that owns the draft, if any. */
  sessionId?: string;
  status: DraftStatus;
  /** When the person pressed "Submit" (device clock). */
  submittedAt?: number;
  /**
   * The validated, normalized wire request (CaseRequest of
   * src/shared/request-schema.ts), written when the person submits. The outbox
   * reads it from here; editing is then closed.
   */
  request?: unknown;
  /**
   * The secret behind the request's wire id (src/shared/request-claim.ts),
   * made at the first submit and kept through a refusal, so the request
   * goes again under the same wire id.
   */
  claim?: string;
}

export interface AttachmentRecord {
  /** UUID made on the device; the attachment's id on the wire. */
  id: string;
  draftId: string;
  /** File name as shown to the person (extension follows the stored type). */
  name: string;
  /** MIME type of `blob` after downscaling (image/jpeg, image/webp, application/pdf...). */
  type: string;
  /** Bytes of `blob`: what will be sent, not the original's size. */
  size: number;
  blob: Blob;
  /** Small JPEG preview of images (about 240 px); none for PDFs. */
  thumb?: Blob;
  /** SHA-256 of `blob` as 64 lowercase hex digits, computed when added. */
  sha256: string;
  createdAt: number;
  /** Pixel size of a stored image, for the print view and the list. */
  width?: number;
  height?: number;
}

/** Outbox records are typed beside the outbox (src/storage/outbox-record.ts). */
export type { OutboxRecord, PendingOutboxRecord, DeliveredOutboxRecord, SealedAttachment } from './outbox-record';

/** Event records are typed beside event mode's storage (src/storage/event-record.ts). */
export type { EventRecord, EventCounts } from './event-record';

/** Status records are typed beside the status store (src/storage/status-record.ts). */
export type { StatusRecord, KnownStatus } from './status-record';
export type { FollowUpDraft } from './follow-up-record';
