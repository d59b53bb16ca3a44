/** Shared by the outbox tests: drafts closed for submit, as the form closes them. */
import { addAttachment } from '../../src/storage/attachments';
import { createDraft, markSubmitted } from '../../src/storage/drafts';
import { validateRequest } from '../../src/shared/request-schema';
import { getOutboxRecord } from '../../src/outbox/outbox-store';
import { request, type FileFixture } from './intake-helpers';

/** A draft filled in, with files, closed for submit as the form does it. */
export async function submittedDraft(files: FileFixture[] = [], overrides: Record<string, unknown> = {}) {
  const draft = await createDraft();
  const refs = [];
  for (const f of files) {
    const added = await addAttachment(draft.id, { name: 'letter.pdf', type: 'application/pdf', blob: new Blob([f.bytes as Uint8Array<ArrayBuffer>]) });
    if (!added.ok) throw new Error(added.code);
    refs.push({ id: added.record.id, name: added.record.name, type: 'application/pdf' as const, size: added.record.size, sha256: added.record.sha256 });
  }
  const input = { ...request(draft.id, [], overrides), attachments: refs };
  const checked = validateRequest(input, '2025-06-15');
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  await markSubmitted(draft.id, checked.value);
  return draft.id;
}


/** The id a submitted draft travels under; read before delivery (a delivered record keeps no wire id). */
export async function wireIdOf(draftId: string): Promise<string> {
  const record = await getOutboxRecord(draftId);
  if (!record || record.state === 'delivered' || !record.wireId) throw new Error('no wire id for this draft');
  return record.wireId;
}
