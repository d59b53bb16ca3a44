/**
 * The "Questions and feedback" form as the person types it, kept in kv so
 * a reload loses nothing. One open form per device; on a shared tablet it
 * belongs to a session, and a form left by an earlier session is never
 * shown to the next person. Once handed to the outbox the open form goes;
 * only when no server key was known yet does the plaintext wait (under its
 * id) until the outbox can seal it.
 */
import { stamp } from './clock';
import { getDb } from './db';

export const KV_FEEDBACK_OPEN = 'feedback.open';
/** kv prefix: plaintext of submitted feedback waiting for a server key. */
export const KV_FEEDBACK_COPY = 'feedback.copy.';

export interface FeedbackDraft {
  /** UUID made on the device: the feedback's id on the wire. */
  id: string;
  /** Event-mode session that owns it; absent in personal mode. */
  sessionId?: string;
  createdAt: number;
  updatedAt: number;
  satisfaction?: number;
  /** Answer code per fixed question (src/shared/feedback-schema.ts). */
  answers: Record<string, string>;
  questions: string;
  comments: string;
  /** "I want an answer": only then are contact details kept and sent. */
  wantsAnswer: boolean;
  contact: { name: string; email: string; phone: string };
}

const isDraft = (value: unknown): value is FeedbackDraft =>
  typeof value === 'object' && value !== null && typeof (value as FeedbackDraft).id === 'string' && typeof (value as FeedbackDraft).answers === 'object';

function fresh(sessionId: string | null): FeedbackDraft {
  const now = stamp();
  return {
    id: crypto.randomUUID(),
    ...(sessionId ? { sessionId } : {}),
    createdAt: now,
    updatedAt: now,
    answers: {},
    questions: '',
    comments: '',
    wantsAnswer: false,
    contact: { name: '', email: '', phone: '' },
  };
}

/** The open form for this session (null: personal mode), made if there is none or if it was another person's. */
export async function openFeedbackDraft(sessionId: string | null): Promise<FeedbackDraft> {
  const tx = (await getDb()).transaction('kv', 'readwrite');
  const stored = await tx.store.get(KV_FEEDBACK_OPEN);
  if (isDraft(stored) && (stored.sessionId ?? null) === sessionId) {
    await tx.done;
    return stored;
  }
  const made = fresh(sessionId);
  await tx.store.put(made, KV_FEEDBACK_OPEN);
  await tx.done;
  return made;
}

/** Saves the form as typed; false when it was sent or wiped meanwhile (another tab, "Next person"). */
export async function saveFeedbackDraft(draft: FeedbackDraft): Promise<boolean> {
  const tx = (await getDb()).transaction('kv', 'readwrite');
  const stored = await tx.store.get(KV_FEEDBACK_OPEN);
  if (!isDraft(stored) || stored.id !== draft.id) {
    await tx.done;
    return false;
  }
  await tx.store.put({ ...draft, updatedAt: Math.max(stamp(), stored.updatedAt + 1) }, KV_FEEDBACK_OPEN);
  await tx.done;
  return true;
}
