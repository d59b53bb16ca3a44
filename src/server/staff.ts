import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ApiRoutes } from './app';
import { apiError } from './errors';
import { getAttachmentData, getRequest, listRequests } from './intake-store';
import { normalizeConfirmation } from './confirmation';
import { checkUuid } from '../shared/fields';

/**
 * Staff side, read only: the list, one request with its files' details,
 * and each file's bytes. Behind `Authorization: Bearer $INTAKE_TOKEN`;
 * without a configured token the routes do not exist (404), so a
 * deployment that forgot the token exposes nothing.
 */

/** Compares digests, so neither the token's length nor its bytes leak through timing. */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function bearerAuth(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return apiError(c, 404, 'not_found');
    const header = c.req.header('Authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m || !tokenMatches(m[1]!, token)) {
      c.header('WWW-Authenticate', 'Bearer');
      return apiError(c, 401, 'unauthorized');
    }
    await next();
  };
}

export const staffRoutes: ApiRoutes = (api, deps) => {
  const { db } = deps;
  const auth = bearerAuth(deps.settings.intakeToken);

  api.get('/requests', auth, (c) => {
    const since = c.req.query('since');
    if (since !== undefined && !Number.isFinite(Date.parse(since))) return apiError(c, 400, 'invalid_since');
    const rawConfirmation = c.req.query('confirmation');
    const confirmation = rawConfirmation === undefined ? undefined : normalizeConfirmation(rawConfirmation);
    if (confirmation === null) return apiError(c, 400, 'invalid_confirmation');
    const limit = Number(c.req.query('limit') ?? 500);
    const requests = listRequests(db, {
      since: since === undefined ? undefined : new Date(since).toISOString(),
      confirmation,
      limit: Number.isFinite(limit) ? limit : 500,
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ requests });
  });

  api.get('/requests/:id', auth, (c) => {
    const id = c.req.param('id');
    const found = checkUuid(id).ok ? getRequest(db, id) : undefined;
    if (!found) return apiError(c, 404, 'not_found');
    c.header('Cache-Control', 'no-store');
    return c.json({
      ...found,
      attachments: found.attachments.map((a) => ({ ...a, href: `requests/${id}/attachments/${a.id}` })),
    });
  });

  api.get('/requests/:id/attachments/:attachmentId', auth, (c) => {
    const id = c.req.param('id');
    const attachmentId = c.req.param('attachmentId');
    const file = checkUuid(id).ok && checkUuid(attachmentId).ok ? getAttachmentData(db, id, attachmentId) : undefined;
    if (!file) return apiError(c, 404, 'not_found');
    return new Response(new Uint8Array(file.data), {
      headers: {
        'Content-Type': file.type,
        'Content-Length': String(file.data.length),
        // The file's own name may be personal: the download is named by its id.
        'Content-Disposition': `attachment; filename="${attachmentId}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
};
