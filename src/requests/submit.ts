/**
 * The one place the request form hands over to delivery. The outbox
 * (src/outbox/submit.ts) exports `submitDraft(draftId)`; it
 * finds the draft already closed for editing (`status: 'submitted'`) with
 * the validated, normalized wire request in `draft.request` and the files in
 * the attachments store, and takes it from there (seal, queue, send). It
 * rejects if it cannot take the request; the form then opens the draft again.
 */
import { submitDraft } from '../outbox/submit';

export async function handOverToOutbox(draftId: string): Promise<void> {
  await submitDraft(draftId);
}
