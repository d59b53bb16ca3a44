/**
 * Files of a request, stored as Blobs beside its draft. Images arrive here
 * already downscaled (src/requests/images.ts); this module checks the
 * limits, computes the SHA-256 the server verifies, and stores.
 */
import { stamp } from './clock';
import { getDb } from './db';
import type { AttachmentRecord } from './types';

/**
 * Same numbers as LIMITS in src/shared/request-vocabulary.ts (a unit test keeps them
 * equal); repeated so the storage layer, which the service worker loads,
 * does not pull in the validation library.
 */
export const ATTACHMENT_LIMITS = {
  fileBytes: 10 * 1024 * 1024,
  requestBytes: 25 * 1024 * 1024,
  count: 20,
  nameLength: 255,
} as const;

export interface NewAttachment {
  name: string;
  type: string;
  blob: Blob;
  thumb?: Blob;
  width?: number;
  height?: number;
}

export type AttachmentErrorCode =
  | 'empty'
  | 'file_too_large'
  | 'request_too_large'
  | 'too_many'
  | 'draft_missing'
  | 'draft_submitted';

export type AddAttachmentResult = { ok: true; record: AttachmentRecord } | { ok: false; code: AttachmentErrorCode };

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keeps the extension and the end of a long name, which say the most. */
function boundedName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = name.replace(/[\u0000-\u001F\u007F]/g, '').trim() || 'file';
  if (clean.length <= ATTACHMENT_LIMITS.nameLength) return clean;
  return clean.slice(clean.length - ATTACHMENT_LIMITS.nameLength);
}

export async function addAttachment(draftId: string, file: NewAttachment): Promise<AddAttachmentResult> {
  if (file.blob.size === 0) return { ok: false, code: 'empty' };
  if (file.blob.size > ATTACHMENT_LIMITS.fileBytes) return { ok: false, code: 'file_too_large' };
  // Hash before the transaction: awaiting crypto inside one would close it.
  const sha256 = await sha256Hex(file.blob);
  const record: AttachmentRecord = {
    id: crypto.randomUUID(),
    draftId,
    name: boundedName(file.name),
    type: file.type,
    size: file.blob.size,
    blob: file.blob,
    sha256,
    createdAt: stamp(),
    ...(file.thumb ? { thumb: file.thumb } : {}),
    ...(file.width !== undefined ? { width: file.width } : {}),
    ...(file.height !== undefined ? { height: file.height } : {}),
  };
  const db = await getDb();
  const tx = db.transaction(['drafts', 'followUps', 'attachments'], 'readwrite');
  const fail = async (code: AttachmentErrorCode): Promise<AddAttachmentResult> => {
    tx.abort();
    await tx.done.catch(() => {});
    return { ok: false, code };
  };
  // Files belong to a request's draft or to an answer to the office (a follow-up).
  const draft = (await tx.objectStore('drafts').get(draftId)) ?? (await tx.objectStore('followUps').get(draftId));
  if (!draft) return fail('draft_missing');
  if (draft.status !== 'editing') return fail('draft_submitted');
  const others = await tx.objectStore('attachments').index('by-draft').getAll(draftId);
  if (others.length >= ATTACHMENT_LIMITS.count) return fail('too_many');
  const total = others.reduce((sum, other) => sum + other.size, 0);
  if (total + record.size > ATTACHMENT_LIMITS.requestBytes) return fail('request_too_large');
  await tx.objectStore('attachments').add(record);
  await tx.done;
  return { ok: true, record };
}

/** A draft's files in the order they were added. */
export async function listAttachments(draftId: string): Promise<AttachmentRecord[]> {
  const db = await getDb();
  const all = await db.getAllFromIndex('attachments', 'by-draft', draftId);
  return all.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Removes one file, unless its request was already submitted. */
export async function removeAttachment(id: string): Promise<boolean> {
  const db = await getDb();
  const tx = db.transaction(['drafts', 'followUps', 'attachments'], 'readwrite');
  const record = await tx.objectStore('attachments').get(id);
  const draft = record ? ((await tx.objectStore('drafts').get(record.draftId)) ?? (await tx.objectStore('followUps').get(record.draftId))) : undefined;
  if (!record || (draft && draft.status !== 'editing')) {
    await tx.done;
    return false;
  }
  await tx.objectStore('attachments').delete(id);
  await tx.done;
  return true;
}

export function totalBytes(records: readonly Pick<AttachmentRecord, 'size'>[]): number {
  return records.reduce((sum, r) => sum + r.size, 0);
}

/** What the wire request says about each file (its bytes travel separately). */
export function attachmentRefs(records: readonly AttachmentRecord[]) {
  return records.map((r) => ({ id: r.id, name: r.name, type: r.type, size: r.size, sha256: r.sha256 }));
}
