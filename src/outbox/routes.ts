/**
 * Where a record goes and what it must show: a request under its wire id
 * (with its claim on each file upload); a follow-up under the request it
 * answers, with that request's status secret in a header (never in the
 * address); feedback under its own id, with nothing to show.
 */
import type { PendingOutboxRecord } from '../storage/outbox-record';
import { REQUEST_CLAIM_HEADER, attachmentUrl, feedbackUrl, followUpAttachmentUrl, followUpUrl, requestUrl } from '../shared/protocol';
import { STATUS_SECRET_HEADER } from '../shared/request-status';
import { wireIdOf } from './seal-request';

export interface Route {
  /** The id the server knows the record by, which every answer echoes. */
  id: string;
  url: string;
  attachmentUrl: (attachmentId: string) => string;
  /** Sent with file uploads and the body alike. */
  headers: Record<string, string>;
  /** Sent with file uploads only. */
  uploadHeaders: Record<string, string>;
  /** What the answer to the body's PUT must echo. */
  expect: { id: string; requestId?: string; feedback?: true };
}

export function routeOf(apiBase: string, record: PendingOutboxRecord): Route {
  if (record.feedback) {
    // Anonymous and file-less: its own id, no secret, nothing to upload.
    return {
      id: record.id,
      url: feedbackUrl(apiBase, record.id),
      attachmentUrl: () => feedbackUrl(apiBase, record.id),
      headers: {},
      uploadHeaders: {},
      expect: { id: record.id, feedback: true },
    };
  }
  const target = record.followUp;
  if (!target) {
    const id = wireIdOf(record);
    return {
      id,
      url: requestUrl(apiBase, id),
      attachmentUrl: (a) => attachmentUrl(apiBase, id, a),
      headers: {},
      uploadHeaders: record.claim !== undefined ? { [REQUEST_CLAIM_HEADER]: record.claim } : {},
      expect: { id },
    };
  }
  return {
    id: record.id,
    url: followUpUrl(apiBase, target.requestId, record.id),
    attachmentUrl: (a) => followUpAttachmentUrl(apiBase, target.requestId, record.id, a),
    headers: { [STATUS_SECRET_HEADER]: target.statusSecret },
    uploadHeaders: {},
    expect: { id: record.id, requestId: target.requestId },
  };
}
