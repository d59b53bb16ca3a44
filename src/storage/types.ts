/**
 * Record shapes of the IndexedDB stores. The draft payload and the outbox
 * payload are typed by their own modules (src/requests, src/sync); here
 * they are what the database holds.
 */

export interface DraftRecord {
  /** UUID made on the device; becomes the request id on the wire. */
  id: string;
  createdAt: number;
  updatedAt: number;
  /** Version of the draft payload's shape, for migrations. */
  schemaVersion: number;
  /** The form state as the person typed it (partial, unvalidated). */
  data: unknown;
  /** Which step the person was on, to resume there. */
  step?: string;
  /** Event-mode session that owns the draft, if any. */
  sessionId?: string;
}

export interface AttachmentRecord {
  id: string;
  draftId: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  thumb?: Blob;
  sha256?: string;
  createdAt: number;
}

export interface OutboxRecord {
  /** Same id as the draft and the request on the wire. */
  id: string;
  state: 'waiting' | 'sending' | 'delivered' | 'needs-attention';
  [key: string]: unknown;
}

export interface EventRecord {
  id: string;
  [key: string]: unknown;
}
