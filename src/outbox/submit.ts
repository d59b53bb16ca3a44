/**
 * Handing a submitted request to the outbox (page side). The form closes the
 * draft (status 'submitted', the validated wire request in `draft.request`)
 * and calls submitDraft(draftId); from here:
 *
 *  1. read the draft and its files; give the request its wire id: a claim
 *     (src/shared/request-claim.ts) made at the draft's first submit and
 *     kept on the draft, so a request reopened after a refusal goes again
 *     under the same id; check it with the shared schema and the device's date;
 *  2. get the server's current key (network, else the copy cached in kv);
 *  3. seal the request and each file, all before any transaction opens;
 *  4. in ONE transaction: put the sealed outbox record and, in event mode,
 *     delete the draft and its files. In personal mode the submitted draft
 *     stays, locked, until delivery, so a refusal can reopen it for editing
 *     and a rotated key can be sealed to again (docs/ARCHITECTURE-sync.md).
 *
 * With no key known at all (a first visit that never reached the server),
 * the record waits with needsSeal and the plaintext stays until a flush can
 * seal it.
 *
 * Rejects (OutboxError, SealError) when it cannot take the request; the
 * form then reopens the draft.
 */
import { OutboxError, applyOutboxEvent, getOutboxRecord, isEventMode, putSubmitted, readLocalCopy } from './outbox-store';
import type { PendingOutboxRecord } from '../storage/outbox-record';
import { validateWireRequest, type RequestIssue } from '../shared/request-schema';
import { newClaim, wireIdFor } from '../shared/request-claim';
import { deviceToday } from '../shared/fields';
import { resolveApiBase } from './api-base';
import { currentSealingKey, SUBMIT_KEY_REUSE_MS } from './sealing-key';
import { onTheWire, referencedAttachmentIds, sealRequest } from './seal-request';
import { requestDelivery } from './triggers';

export { OutboxError } from './outbox-store';
export { listOutbox, getOutboxRecord, onOutboxChange, removeOutboxRecord, type OutboxChange } from './outbox-store';
export type { OutboxRecord, PendingOutboxRecord, DeliveredOutboxRecord } from '../storage/outbox-record';

export class InvalidSubmissionError extends OutboxError {
  constructor(readonly issues: RequestIssue[]) {
    super('invalid');
    this.name = 'InvalidSubmissionError';
  }
}

export interface SubmitOptions {
  apiBase?: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Start sending at once (default); tests turn it off. */
  deliver?: boolean;
}

export interface SubmitResult {
  id: string;
  /** True when nothing could be sealed yet (no server key known). */
  needsSeal: boolean;
}

export async function submitDraft(draftId: string, options: SubmitOptions = {}): Promise<SubmitResult> {
  const now = options.now?.() ?? new Date();
  const stored = await readLocalCopy(draftId);
  if (!stored) throw new OutboxError('missing');
  const { files } = stored;

  // The draft's own id stays on the page (its URLs are in the browser's
  // history); the wire id comes from a secret only this device holds.
  const claim = stored.claim ?? newClaim();
  const wireId = await wireIdFor(claim);
  const wire = onTheWire(stored.request, { wireId, claim });
  const checked = await validateWireRequest(wire, deviceToday(now));
  if (!checked.ok) throw new InvalidSubmissionError(checked.issues);
  const request = checked.value;
  const fileIds = new Set(files.map((f) => f.id));
  const missing = referencedAttachmentIds(request).filter((id) => !fileIds.has(id));
  if (missing.length) throw new InvalidSubmissionError(missing.map(() => ({ code: 'required', path: 'attachments' })));

  const apiBase = options.apiBase ?? (await resolveApiBase(options.fetch));
  const [eventMode, key] = await Promise.all([
    isEventMode(),
    currentSealingKey({ apiBase, fetch: options.fetch, now: () => now.getTime(), reuseWithinMs: SUBMIT_KEY_REUSE_MS }),
  ]);
  const hasLocalCopy = !eventMode;
  // Sealed as stored (not as normalized by the check), so a later re-seal gives the same content.
  const sealed = key ? await sealRequest(wireId, wire, files, key) : undefined;

  const record: PendingOutboxRecord = {
    id: draftId,
    wireId,
    claim,
    state: 'waiting',
    formTypes: [...request.case.formTypes],
    submittedAt: request.submittedAt,
    needsSeal: !sealed,
    hasLocalCopy,
    attachments: sealed?.attachments ?? [],
    attempts: 0,
    nextTryAt: now.getTime(),
    ...(sealed ? { body: sealed.body, kid: sealed.kid } : {}),
  };
  await putSubmitted(record, !!sealed && !hasLocalCopy);
  if (options.deliver !== false) requestDelivery();
  return { id: draftId, needsSeal: !sealed };
}

/**
 * "Try again" on a request the server sent back that the device cannot
 * reopen (event mode: no plaintext copy), e.g. once the server's old key is
 * restored. Answers false when the record is not there or not sent back.
 */
export async function retryOutboxRecord(id: string): Promise<boolean> {
  const before = await getOutboxRecord(id);
  if (before?.state !== 'needs-attention') return false;
  const after = await applyOutboxEvent(id, { type: 'retry-now', now: Date.now() });
  requestDelivery();
  return after?.state === 'waiting';
}
