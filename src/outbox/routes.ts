/**
 * Where a record goes and what it must show: a request under its wire id
 * (with its claim on each file upload); a follow-up under the request it
 * answers, with that request's status secret in a header (never in the
 * address).
 */
import type { PendingOutboxRecord } from '../storage/outbox-record';
import { REQUEST_CLAIM_HEADER, attachmentUrl, followUpAttachmentUrl, followUpUrl, requestUrl } from '../shared/protocol';
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
  expect: { id: string; requestId?: string };
}

export function routeOf(apiBase: string, record: PendingOutboxRecord): Route {
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
