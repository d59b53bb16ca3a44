import type { SealedAttachment } from '../storage/outbox-record';
import type { AttachmentRecord } from '../storage/types';
import { sealBytes, sealJson, type SealedEnvelope, type SealingKey } from '../shared/seal';

/**
 * Seals a submitted request and its files for the outbox. Runs before any
 * IndexedDB transaction opens (Web Crypto must not be awaited inside one).
 * The request is sealed exactly as stored, so sealing it again later (a
 * rotated key) gives the server the same content and the same idempotency
 * hash.
 */
export interface SealedRequest {
  body: SealedEnvelope;
  kid: string;
  attachments: SealedAttachment[];
}

export async function sha256HexOf(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let out = '';
  for (const b of digest) out += b.toString(16).padStart(2, '0');
  return out;
}

/** The attachment ids the request refers to, in its order. */
export function referencedAttachmentIds(request: unknown): string[] {
  const list = (request as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(list)) return [];
  return list.map((a) => (a as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string');
}

/** Where a record travels: its wire id, or its own id for a record from before claims. */
export const wireIdOf = (record: { id: string; wireId?: string }): string => record.wireId ?? record.id;

/**
 * The request as it is sealed: the draft's request under the wire id, with
 * the claim that proves it. A record from before claims goes exactly as
 * stored (its request already carries the draft's id).
 */
export function onTheWire(request: unknown, record: { wireId?: string; claim?: string }): unknown {
  if (record.wireId === undefined || typeof request !== 'object' || request === null) return request;
  return { ...request, id: record.wireId, claim: record.claim };
}

export class MissingFileError extends Error {
  override readonly name = 'MissingFileError';
  constructor(readonly attachmentId: string) {
    super('a file the request refers to is not on this device');
  }
}

/** `id` is the wire id both the request and its files are bound to. */
export async function sealRequest(
  id: string,
  request: unknown,
  files: readonly AttachmentRecord[],
  key: SealingKey,
): Promise<SealedRequest> {
  const body = await sealJson(request, key, { requestId: id, purpose: 'request' });
  const attachments: SealedAttachment[] = [];
  for (const attachmentId of referencedAttachmentIds(request)) {
    const file = files.find((f) => f.id === attachmentId);
    if (!file) throw new MissingFileError(attachmentId);
    const sealed = await sealBytes(file.blob, key, { requestId: id, purpose: `attachment:${attachmentId}` });
    attachments.push({
      id: attachmentId,
      sealed: new Blob([sealed as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
      sha256: await sha256HexOf(sealed as Uint8Array<ArrayBuffer>),
      uploaded: false,
    });
  }
  return { body, kid: key.kid, attachments };
}
