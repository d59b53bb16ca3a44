import type { ApiRoutes } from '../types';
import { apiError } from '../errors';
import { keyRingFor } from '../keys';
import { getReview, type Review } from '../office/reviews';
import { sealedText } from '../office/sealed-text';
import type { RequestStatus } from '../../shared/request-status';
import { holdsSecret } from './status-access';

/**
 * GET /requests/:id/status: the review state for the device that holds the
 * status secret, and nothing else (no name, no internal note, no "referred
 * to" text, no assignee). See src/shared/request-status.ts.
 */
export const statusRoutes: ApiRoutes = (api, deps) => {
  const sealer = sealedText(() => keyRingFor(deps));

  api.get('/requests/:id/status', async (c) => {
    const id = c.req.param('id');
    const held = await holdsSecret(deps.db, c, id);
    if (!held) return apiError(c, 404, 'not_found');
    const review = await getReview(deps.db, sealer, id);
    c.header('Cache-Control', 'no-store');
    return c.json(statusOf(review, held.receivedAt));
  });
};

export function statusOf(review: Review, receivedAt: string): RequestStatus {
  const status: RequestStatus = { state: review.state, changedAt: review.stateAt ?? receivedAt };
  if (review.state === 'accepted' && review.caseNumber) status.caseNumber = review.caseNumber;
  if (review.state === 'closed' && review.closeReason) status.closeReason = review.closeReason;
  if (review.state === 'referred' && review.referral) status.referral = review.referral;
  if (review.state === 'needs_information') {
    status.infoReasons = review.infoReasons ?? [];
    if (review.infoNote) status.infoNote = review.infoNote;
  }
  return status;
}
