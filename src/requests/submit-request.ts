/**
 * Submit: validate the whole form with the shared schema, close the draft
 * for editing with the normalized request beside it, then hand it to the
 * outbox. If the hand-over fails the draft opens again, unchanged.
 */
import { attachmentRefs, listAttachments } from '../storage/attachments';
import { DraftError, getDraft, markSubmitted, reopenDraft } from '../storage/drafts';
import { deviceToday } from '../shared/fields';
import { type RequestForm } from './form-model';
import { formPathOf, toWireInput } from './form-wire';
import { validateRequest, type RequestIssue } from '../shared/request-schema';
import { handOverToOutbox } from './submit';

export type SubmitOutcome =
  | { ok: true }
  | { ok: false; reason: 'invalid'; issues: RequestIssue[] }
  | { ok: false; reason: 'missing' | 'already-submitted' | 'hand-over-failed' };

export async function submitRequest(id: string, form: RequestForm, locale: string, origin = ''): Promise<SubmitOutcome> {
  const draft = await getDraft(id);
  if (!draft) return { ok: false, reason: 'missing' };
  if (draft.status !== 'editing') return { ok: false, reason: 'already-submitted' };
  const files = await listAttachments(id);
  const input = toWireInput(form, { id, locale, createdAt: draft.createdAt, submittedAt: Date.now(), attachments: attachmentRefs(files) });
  const result = validateRequest(input, deviceToday());
  if (!result.ok) {
    return { ok: false, reason: 'invalid', issues: result.issues.map((i) => ({ code: i.code, path: formPathOf(form, i.path) })) };
  }
  try {
    await markSubmitted(id, result.value, origin);
  } catch (err) {
    if (err instanceof DraftError) return { ok: false, reason: err.code === 'missing' ? 'missing' : 'already-submitted' };
    throw err;
  }
  try {
    await handOverToOutbox(id);
  } catch {
    await reopenDraft(id).catch(() => undefined);
    return { ok: false, reason: 'hand-over-failed' };
  }
  return { ok: true };
}
