/**
 * Where a record goes and what it must show: a request under its own id; a
 * follow-up under the request it answers, with that request's status
 * secret in a header (never in the address).
 */
import type { PendingOutboxRecord } from '../storage/outbox-record';
import { attachmentUrl, followUpAttachmentUrl, followUpUrl, requestUrl } from '../shared/protocol';
import { STATUS_SECRET_HEADER } from '../shared/request-status';

export interface Route {
  url: string;
  attachmentUrl: (attachmentId: string) => string;
  headers: Record<string, string>;
  /** What the answer to the body's PUT must echo. */
  expect: { id: string; requestId?: string };
}

export function routeOf(apiBase: string, record: PendingOutboxRecord): Route {
  const target = record.followUp;
  if (!target) {
    return { url: requestUrl(apiBase, record.id), attachmentUrl: (a) => attachmentUrl(apiBase, record.id, a), headers: {}, expect: { id: record.id } };
  }
  return {
    url: followUpUrl(apiBase, target.requestId, record.id),
    attachmentUrl: (a) => followUpAttachmentUrl(apiBase, target.requestId, record.id, a),
    headers: { [STATUS_SECRET_HEADER]: target.statusSecret },
    expect: { id: record.id, requestId: target.requestId },
  };
}
