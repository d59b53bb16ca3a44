import type { ApiRoutes } from './types';
import { apiError } from './errors';
import { clientAddress } from './client-address';
import { staffAuth } from './staff-auth';
import { getAttachmentData, getRequest, listRequests } from './intake-store';
import { normalizeConfirmation } from './confirmation';
import { checkUuid } from '../shared/fields';

/**
 * Staff side, read only: the list, one request with its files' details,
 * and each file's bytes. Behind `Authorization: Bearer $INTAKE_TOKEN`;
 * without a configured token the routes do not exist (404), so a
 * deployment that forgot the token exposes nothing.
 */
export const staffRoutes: ApiRoutes = (api, deps) => {
  const { db } = deps;
  const auth = staffAuth({
    token: deps.settings.intakeToken,
    client: (c) => clientAddress(c, deps.settings.trustProxyHops),
    now: () => deps.now?.() ?? new Date(),
  });

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
