/**
 * Seals a follow-up and its files for the outbox, as seal-request.ts does
 * for requests: bound to the follow-up's own id, under the purposes the
 * server opens them with.
 */
import type { SealedAttachment } from '../storage/outbox-record';
import type { AttachmentRecord, FollowUpDraft } from '../storage/types';
import { attachmentRefs } from '../storage/attachments';
import { sealBytes, sealJson, type SealingKey } from '../shared/seal';
import { sha256HexOf, type SealedRequest } from './seal-request';

/** The server's names for what is sealed (src/shared/follow-up-schema.ts); kept here so the worker loads no schema library. */
const FOLLOW_UP_PURPOSE = 'follow-up';
const attachmentPurpose = (attachmentId: string) => `follow-up-attachment:${attachmentId}` as const;
const FOLLOW_UP_SCHEMA_VERSION = 1;

/** The follow-up as the server reads it; the same every time for the same stored answer. */
export function followUpBody(draft: FollowUpDraft, files: readonly AttachmentRecord[]) {
  const text = draft.text.trim();
  return {
    id: draft.id,
    requestId: draft.requestId,
    schemaVersion: FOLLOW_UP_SCHEMA_VERSION,
    ...(text ? { text } : {}),
    attachments: attachmentRefs(files),
    locale: draft.locale,
    submittedAt: draft.submittedAt,
  };
}

export async function sealFollowUp(draft: FollowUpDraft, files: readonly AttachmentRecord[], key: SealingKey): Promise<SealedRequest> {
  const body = await sealJson(followUpBody(draft, files), key, { requestId: draft.id, purpose: FOLLOW_UP_PURPOSE });
  const attachments: SealedAttachment[] = [];
  for (const file of files) {
    const sealed = (await sealBytes(file.blob, key, { requestId: draft.id, purpose: attachmentPurpose(file.id) })) as Uint8Array<ArrayBuffer>;
    attachments.push({ id: file.id, sealed: new Blob([sealed], { type: 'application/octet-stream' }), sha256: await sha256HexOf(sealed), uploaded: false });
  }
  return { body, kid: key.kid, attachments };
}

