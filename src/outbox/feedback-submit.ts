/**
 * Handing the person's feedback to the outbox (page side), as submit.ts
 * does for requests: shape it as the wire object, check it with the shared
 * schema, seal it to the server's key before any transaction, then store
 * the sealed record and close the form together. Contact details travel
 * only when the person asked for an answer.
 */
import type { FeedbackDraft } from '../storage/feedback-drafts';
import type { PendingOutboxRecord } from '../storage/outbox-record';
import { FEEDBACK_SCHEMA_VERSION, validateFeedback } from '../shared/feedback-schema';
import type { RequestIssue } from '../shared/request-issues';
import { resolveApiBase } from './api-base';
import { putFeedbackSubmitted, sealFeedback, type FeedbackBody } from './feedback-store';
import { OutboxError } from './outbox-store';
import { currentSealingKey, SUBMIT_KEY_REUSE_MS } from './sealing-key';
import { requestDelivery } from './triggers';

/** Why feedback cannot go as it is: nothing said, or a field the schema refuses (by path). */
export class InvalidFeedbackError extends OutboxError {
  constructor(readonly issues: RequestIssue[]) {
    super('invalid');
    this.name = 'InvalidFeedbackError';
  }
  get empty(): boolean {
    return this.issues.some((i) => i.path === '');
  }
}

export interface FeedbackStamp {
  locale: string;
  /** The event, when collected on a tablet in event mode. */
  eventId?: string | null;
  submittedAt: string;
}

const filled = (text: string) => (text.trim() ? text.trim() : undefined);

/** The wire object: only what the person gave; contact only with "I want an answer". */
export function feedbackBody(draft: FeedbackDraft, stamp: FeedbackStamp): FeedbackBody {
  const contact = draft.wantsAnswer
    ? Object.fromEntries(Object.entries(draft.contact).filter(([, value]) => value.trim() !== '').map(([k, value]) => [k, value.trim()]))
    : {};
  const answers = Object.fromEntries(Object.entries(draft.answers).filter(([, a]) => !!a));
  const body: FeedbackBody = {
    id: draft.id,
    schemaVersion: FEEDBACK_SCHEMA_VERSION,
    locale: stamp.locale,
    ...(stamp.eventId ? { eventId: stamp.eventId } : {}),
    ...(draft.satisfaction !== undefined ? { satisfaction: draft.satisfaction } : {}),
    answers,
    ...(filled(draft.questions) ? { questions: filled(draft.questions) } : {}),
    ...(filled(draft.comments) ? { comments: filled(draft.comments) } : {}),
    ...(Object.keys(contact).length ? { contact } : {}),
    submittedAt: stamp.submittedAt,
  };
  return body;
}

/** Problems the person must fix before sending: the schema's, plus a way to answer when they asked for one. */
export function feedbackProblems(draft: FeedbackDraft, body: FeedbackBody): RequestIssue[] {
  const checked = validateFeedback(body);
  const issues = checked.ok ? [] : checked.issues;
  // An answer needs somewhere to go: an e-mail address or a phone number.
  if (draft.wantsAnswer && !draft.contact.email.trim() && !draft.contact.phone.trim()) issues.push({ code: 'required', path: 'contact.email' });
  return issues;
}

export interface FeedbackSubmit extends Omit<FeedbackStamp, 'submittedAt'> {
  draft: FeedbackDraft;
  apiBase?: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Start sending at once (default); tests turn it off. */
  deliver?: boolean;
}

export async function submitFeedback(options: FeedbackSubmit): Promise<void> {
  const now = options.now?.() ?? new Date();
  const body = feedbackBody(options.draft, { locale: options.locale, eventId: options.eventId ?? null, submittedAt: now.toISOString() });
  const issues = feedbackProblems(options.draft, body);
  if (issues.length) throw new InvalidFeedbackError(issues);

  const apiBase = options.apiBase ?? (await resolveApiBase(options.fetch));
  const key = await currentSealingKey({ apiBase, fetch: options.fetch, now: () => now.getTime(), reuseWithinMs: SUBMIT_KEY_REUSE_MS });
  const sealed = key ? await sealFeedback(body, key) : undefined;
  const record: PendingOutboxRecord = {
    id: body.id,
    feedback: true,
    state: 'waiting',
    formTypes: [],
    submittedAt: body.submittedAt as string,
    needsSeal: !sealed,
    // Sealed, nothing readable stays: feedback is never reopened for editing.
    hasLocalCopy: false,
    attachments: [],
    attempts: 0,
    nextTryAt: now.getTime(),
    ...(sealed ? { body: sealed.body, kid: sealed.kid } : {}),
  };
  await putFeedbackSubmitted(record, sealed ? undefined : body);
  if (options.deliver !== false) requestDelivery();
}
