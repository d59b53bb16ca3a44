/**
 * At the end of a person's session the tablet offers "Questions and
 * feedback" once: not to someone who never used it, not twice, and not
 * from the feedback form itself, nor to someone who already sent some. Kept in the tab's session storage, which
 * "Next person" empties.
 */
import { tabStore } from '../storage/web-storage';
import { sessionTally } from './session';

const OFFERED_KEY = 'ombuds.event.feedbackOffered';

/** Whether to offer now; remembers that it did. */
export function shouldOfferFeedback(path: string): boolean {
  const tally = sessionTally();
  if (path === '/feedback' || !tally?.used || tally.feedback?.length) return false;
  try {
    const store = tabStore();
    if (!store || store.getItem(OFFERED_KEY) === '1') return false;
    store.setItem(OFFERED_KEY, '1');
    return true;
  } catch {
    // Blocked storage: offering could repeat forever; let the person go.
    return false;
  }
}
