/**
 * A follow-up: the person's answer when the office needs information, sent
 * through the same outbox as the request, sealed to the server's key
 * (binding: the follow-up's id, purposes `follow-up` and
 * `follow-up-attachment:<attachmentId>`) and delivered exactly once by its id.
 *
 *   PUT {apiBase}/requests/{requestId}/follow-ups/{id}/attachments/{attachmentId}
 *   PUT {apiBase}/requests/{requestId}/follow-ups/{id}
 *       both with X-Status-Secret: <the request's status secret>
 *       → 200/201 {id, requestId, receivedAt}; 409 request_closed when the
 *         office has closed the request (final: keep the text, tell the person).
 */
import * as v from 'valibot';
import { checkIsoDateTime, checkLanguageTag, checkUuid } from './fields';
import { AttachmentListSchema, validateWith, type ValidationResult } from './request-schema';
import { crossCheck, field, isRecord, optionalText, strict, type Issue } from './schema-blocks';
import type { ErrorCode } from './field-codes';

export const FOLLOW_UP_SCHEMA_VERSION = 1;
export const FOLLOW_UP_TEXT_MAX = 5000;

export const followUpPurpose = 'follow-up' as const;
export const followUpAttachmentPurpose = (attachmentId: string) => `follow-up-attachment:${attachmentId}` as const;

export const FollowUpSchema = v.pipe(
  strict({
    id: field(checkUuid),
    /** The request it answers (its wire id). */
    requestId: field(checkUuid),
    schemaVersion: v.literal(FOLLOW_UP_SCHEMA_VERSION, (issue: Issue): ErrorCode => (issue.input === undefined ? 'required' : 'version.unsupported')),
    text: optionalText(FOLLOW_UP_TEXT_MAX, true),
    attachments: v.optional(AttachmentListSchema, []),
    locale: field(checkLanguageTag),
    submittedAt: field(checkIsoDateTime),
  }),
  // An answer says something or sends something.
  crossCheck((root, issues) => {
    if (!isRecord(root) || issues?.length) return [];
    const empty = (root.text ?? '') === '' && !(Array.isArray(root.attachments) && root.attachments.length);
    return empty ? [{ code: 'required', at: ['text'] }] : [];
  }),
);

export type FollowUp = v.InferOutput<typeof FollowUpSchema>;

export function validateFollowUp(input: unknown): ValidationResult<FollowUp> {
  return validateWith(FollowUpSchema, input);
}

/** What a delivered follow-up answers. */
export interface FollowUpReceipt {
  id: string;
  requestId: string;
  receivedAt: string;
}
