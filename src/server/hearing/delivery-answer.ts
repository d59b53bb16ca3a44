import type { AppDeps } from '../types';
import { secretHash, statusKeyFor, statusSecretFor } from './status-secret';

/**
 * What a delivery answers: the confirmation and, beside it, the status
 * secret. A device may lose the first answer, so every repeat answers the
 * same secret (it is derived, not drawn).
 */

export function statusFor(deps: AppDeps, requestId: string): { secret: string; sha256: string } {
  const secret = statusSecretFor(statusKeyFor(deps), requestId);
  return { secret, sha256: secretHash(secret) };
}

/**
 * The answer to a repeated delivery. Rows received before status secrets
 * existed get their hash now, when their device first asks again.
 */
export async function repeatAnswer(deps: AppDeps, id: string, received: { confirmation: string; receivedAt: string }) {
  const status = statusFor(deps, id);
  await deps.db.exec('UPDATE requests SET status_sha256 = $2 WHERE id = $1 AND status_sha256 IS NULL', [id, status.sha256]);
  return { id, confirmation: received.confirmation, receivedAt: received.receivedAt, statusSecret: status.secret };
}
