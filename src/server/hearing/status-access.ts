import type { Context } from 'hono';
import type { SqlEngine } from '../db/engine';
import { STATUS_SECRET_HEADER } from '../../shared/request-status';
import { secretMatches } from './status-secret';

/**
 * Whether the caller holds the request's status secret. The row is looked
 * up and the hash compared whatever the id or the header hold, so a wrong
 * secret and an unknown id cost the same and answer the same.
 */
export async function holdsSecret(db: SqlEngine, c: Context, requestId: string): Promise<{ receivedAt: string } | null> {
  const given = c.req.header(STATUS_SECRET_HEADER)?.trim();
  // A URL segment longer than any id is no id; it still pays the look-up.
  const [row] = await db.query<{ status_sha256: string | null; received_at: string }>(
    'SELECT status_sha256, received_at FROM requests WHERE id = $1',
    [requestId.slice(0, 64)],
  );
  return secretMatches(given, row?.status_sha256) && row ? { receivedAt: row.received_at } : null;
}
