import type { KeyRing } from '../keys';
import type { SqlEngine } from '../db/engine';
import { followUpAttachmentPurpose, followUpPurpose, type FollowUp } from '../../shared/follow-up-schema';
import { open, openJson } from '../../shared/seal';
import { followUpFile, listFollowUps } from './follow-up-store';

/** Follow-ups opened for the office: what the person wrote and the files they sent. */

export interface OpenedFollowUp {
  id: string;
  receivedAt: string;
  locale: string;
  text: string;
  attachments: { id: string; name: string; type: string; size: number }[];
}

export async function openFollowUps(db: SqlEngine, ring: KeyRing, requestId: string): Promise<OpenedFollowUp[]> {
  return Promise.all(
    (await listFollowUps(db, requestId)).map(async (f) => {
      const body = (await openJson(JSON.parse(f.sealed.toString('utf8')) as unknown, ring.privateKey, {
        requestId: f.id,
        purpose: followUpPurpose,
      })) as FollowUp;
      return {
        id: f.id,
        receivedAt: f.receivedAt,
        locale: f.locale,
        text: body.text ?? '',
        attachments: (body.attachments ?? []).map(({ id, name, type, size }) => ({ id, name, type, size })),
      };
    }),
  );
}

/** One file of a follow-up, with its details from the sealed follow-up; undefined when any part is unknown. */
export async function openFollowUpFile(db: SqlEngine, ring: KeyRing, requestId: string, followUpId: string, attachmentId: string) {
  const meta = (await openFollowUps(db, ring, requestId)).find((f) => f.id === followUpId)?.attachments.find((a) => a.id === attachmentId);
  const sealed = meta && (await followUpFile(db, requestId, followUpId, attachmentId));
  if (!meta || !sealed) return undefined;
  return { ...meta, data: await open(sealed, ring.privateKey, { requestId: followUpId, purpose: followUpAttachmentPurpose(attachmentId) }) };
}
