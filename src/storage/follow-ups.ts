/**
 * Answers to "needs information" on this device. One answer at a time is
 * open per request: asking for it again gives the same one, so a person
 * who leaves and comes back finds what they wrote.
 */
import { stamp } from './clock';
import { getDb } from './db';
import type { FollowUpDraft } from './follow-up-record';

export const FOLLOW_UP_TEXT_MAX = 5000;

/** The answer being written for this request, made if there is none. */
export async function openFollowUp(requestId: string): Promise<FollowUpDraft> {
  const tx = (await getDb()).transaction('followUps', 'readwrite');
  const mine = await tx.store.index('by-request').getAll(requestId);
  const open = mine.find((f) => f.status === 'editing');
  if (open) {
    await tx.done;
    return open;
  }
  const now = stamp();
  const fresh: FollowUpDraft = { id: crypto.randomUUID(), requestId, text: '', createdAt: now, updatedAt: now, status: 'editing' };
  await tx.store.add(fresh);
  await tx.done;
  return fresh;
}

/** Saves the text of an answer still being written; false when it was sent meanwhile (another tab). */
export async function saveFollowUpText(id: string, text: string): Promise<boolean> {
  const tx = (await getDb()).transaction('followUps', 'readwrite');
  const current = await tx.store.get(id);
  if (!current || current.status !== 'editing') {
    await tx.done;
    return false;
  }
  await tx.store.put({ ...current, text: text.slice(0, FOLLOW_UP_TEXT_MAX), updatedAt: Math.max(stamp(), current.updatedAt + 1) });
  await tx.done;
  return true;
}
