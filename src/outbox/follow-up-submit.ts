/**
 * Handing the person's answer to "needs information" to the outbox (page
 * side), as submit.ts does for requests: check it, seal it and its files
 * to the server's key before any transaction, then store the sealed record
 * and close the answer for editing in one transaction. The plaintext stays
 * on the device until the office has it, so an answer sent back (the
 * request was closed meanwhile) keeps the person's words.
 */
import type { PendingOutboxRecord } from '../storage/outbox-record';
import type { FollowUpDraft } from '../storage/types';
import { FOLLOW_UP_TEXT_MAX } from '../storage/follow-ups';
import { resolveApiBase } from './api-base';
import { putFollowUpSubmitted, readFollowUpCopy } from './follow-up-store';
import { OutboxError } from './outbox-store';
import { currentSealingKey, SUBMIT_KEY_REUSE_MS } from './sealing-key';
import { sealFollowUp } from './seal-follow-up';
import { requestDelivery } from './triggers';

/** Why an answer cannot go as it is: empty (no words, no file) or too long. */
export class InvalidFollowUpError extends OutboxError {
  constructor(readonly problem: 'empty' | 'too_long') {
    super('invalid');
    this.name = 'InvalidFollowUpError';
  }
}

export interface FollowUpSubmit {
  followUpId: string;
  /** The status secret of the request it answers: what lets the answer in. */
  statusSecret: string;
  locale: string;
  apiBase?: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Start sending at once (default); tests turn it off. */
  deliver?: boolean;
}

export async function submitFollowUp(options: FollowUpSubmit): Promise<void> {
  const copy = await readFollowUpCopy(options.followUpId);
  if (!copy || copy.draft.status !== 'editing') throw new OutboxError('missing');
  if (!copy.draft.text.trim() && copy.files.length === 0) throw new InvalidFollowUpError('empty');
  if (copy.draft.text.length > FOLLOW_UP_TEXT_MAX) throw new InvalidFollowUpError('too_long');
  const now = options.now?.() ?? new Date();
  const stamped = { submittedAt: now.toISOString(), locale: options.locale };
  const draft: FollowUpDraft = { ...copy.draft, ...stamped };

  const apiBase = options.apiBase ?? (await resolveApiBase(options.fetch));
  const key = await currentSealingKey({ apiBase, fetch: options.fetch, now: () => now.getTime(), reuseWithinMs: SUBMIT_KEY_REUSE_MS });
  const sealed = key ? await sealFollowUp(draft, copy.files, key) : undefined;
  const record: PendingOutboxRecord = {
    id: draft.id,
    followUp: { kind: 'follow-up', requestId: draft.requestId, statusSecret: options.statusSecret },
    state: 'waiting',
    formTypes: [],
    submittedAt: stamped.submittedAt,
    needsSeal: !sealed,
    hasLocalCopy: true,
    attachments: sealed?.attachments ?? [],
    attempts: 0,
    nextTryAt: now.getTime(),
    ...(sealed ? { body: sealed.body, kid: sealed.kid } : {}),
  };
  await putFollowUpSubmitted(record, stamped);
  if (options.deliver !== false) requestDelivery();
}
