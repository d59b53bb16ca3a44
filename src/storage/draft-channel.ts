/**
 * Tells other tabs of this app that a draft was saved or deleted, so a tab
 * showing the same draft can say "This request was changed in another tab"
 * instead of silently writing over it. Messages carry only the draft's
 * random id and a time stamp, never anything typed.
 */

export type DraftChange =
  | { type: 'saved'; id: string; updatedAt: number; origin: string }
  | { type: 'deleted'; id: string; origin: string }
  | { type: 'submitted'; id: string; origin: string };

const CHANNEL = 'ombuds-drafts';

function isDraftChange(value: unknown): value is DraftChange {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.type === 'saved' || v.type === 'deleted' || v.type === 'submitted') &&
    typeof v.id === 'string' &&
    typeof v.origin === 'string'
  );
}

let sender: BroadcastChannel | null = null;

/** One message for several changes (a flush confirming a batch deletes many drafts at once). */
export function publishDraftChange(...changes: DraftChange[]): void {
  if (typeof BroadcastChannel === 'undefined' || !changes.length) return;
  try {
    sender ??= new BroadcastChannel(CHANNEL);
    sender.postMessage(changes.length === 1 ? changes[0] : changes);
  } catch {
    // A closed or unsupported channel only costs the notice; the updatedAt
    // check on save still catches the conflict.
  }
}

/**
 * Each listener has its own channel object: a channel never hears its own
 * messages, and this way two editors in one process (tests) hear each other.
 */
export function onDraftChange(listener: (change: DraftChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    for (const change of Array.isArray(data) ? data : [data]) if (isDraftChange(change)) listener(change);
  };
  return () => channel.close();
}
