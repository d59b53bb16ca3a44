import type { ApiRoutes } from './types';
import { apiError } from './errors';
import { clientAddress } from './client-address';
import { staffAuth } from './staff-auth';
import type { ListFilter } from './intake-store';
import { decodeCursor } from './intake-store-sql';
import type { LookupKind } from './index-keys';
import { normalizeConfirmation } from './confirmation';
import { checkFormType, checkLanguageTag, checkUuid } from '../shared/fields';

const LOOKUP_KINDS: readonly LookupKind[] = ['a_number', 'receipt', 'email'];
const isIso = (s: string) => Number.isFinite(Date.parse(s));

/**
 * Staff side, read only: the list, one request with its files' details,
 * and each file's bytes. Behind `Authorization: Bearer $INTAKE_TOKEN`;
 * without a configured token the routes do not exist (404), so a
 * deployment that forgot the token exposes nothing.
 */
/** The list's query parameters as a filter, or the name of the one that is wrong. */
function readFilter(q: (name: string) => string | undefined): ListFilter | { invalid: string } {
  const filter: ListFilter = {};
  const since = q('since') ?? q('from');
  if (since !== undefined) {
    if (!isIso(since)) return { invalid: 'since' };
    filter.from = new Date(since).toISOString();
  }
  const to = q('to');
  if (to !== undefined) {
    if (!isIso(to)) return { invalid: 'to' };
    filter.to = new Date(to).toISOString();
  }
  const confirmation = q('confirmation');
  if (confirmation !== undefined) {
    const c = normalizeConfirmation(confirmation);
    if (c === null) return { invalid: 'confirmation' };
    filter.confirmation = c;
  }
  const formType = q('formType');
  if (formType !== undefined) {
    const f = checkFormType(formType);
    if (!f.ok) return { invalid: 'formType' };
    filter.formType = f.value;
  }
  const urgent = q('urgent');
  if (urgent !== undefined) {
    if (urgent !== 'true' && urgent !== 'false') return { invalid: 'urgent' };
    filter.urgent = urgent === 'true';
  }
  const language = q('language');
  if (language !== undefined) {
    const l = checkLanguageTag(language);
    if (!l.ok) return { invalid: 'language' };
    filter.language = l.value;
  }
  const eventId = q('eventId');
  if (eventId !== undefined) {
    if (!checkUuid(eventId).ok) return { invalid: 'eventId' };
    filter.eventId = eventId;
  }
  return filter;
}

export const staffRoutes: ApiRoutes = (api, deps) => {
  const { store } = deps;
  const auth = staffAuth({
    token: deps.settings.intakeToken,
    client: (c) => clientAddress(c, deps.settings.trustProxyHops),
    now: () => deps.now?.() ?? new Date(),
  });

  // Newest first, keyset paging: `next` goes back as `after`. Filters are
  // non-personal metadata only; personal values are searched by POST below.
  api.get('/requests', auth, async (c) => {
    const filter = readFilter((name) => c.req.query(name));
    if ('invalid' in filter) return apiError(c, 400, `invalid_${filter.invalid}`);
    const after = c.req.query('after');
    if (after !== undefined && !decodeCursor(after)) return apiError(c, 400, 'invalid_after');
    const limit = Number(c.req.query('limit') ?? 50);
    const page = await store.list(filter, { limit: Number.isFinite(limit) ? limit : 50, after });
    c.header('Cache-Control', 'no-store');
    return c.json(page);
  });

  // A body, not a query string: A-numbers and e-mails never go into URLs or access logs.
  api.post('/requests/search', auth, async (c) => {
    let body: { kind?: unknown; value?: unknown };
    try {
      body = (await c.req.json()) as typeof body;
    } catch {
      return apiError(c, 400, 'malformed_json');
    }
    const kind = LOOKUP_KINDS.find((k) => k === body?.kind);
    if (!kind || typeof body.value !== 'string' || body.value.length > 320) return apiError(c, 400, 'invalid_search');
    c.header('Cache-Control', 'no-store');
    return c.json({ requests: await store.findBy(kind, body.value) });
  });

  api.get('/requests/:id', auth, async (c) => {
    const id = c.req.param('id');
    const found = checkUuid(id).ok ? await store.openRequest(id) : undefined;
    if (!found) return apiError(c, 404, 'not_found');
    c.header('Cache-Control', 'no-store');
    return c.json({
      ...found,
      attachments: found.attachments.map((a) => ({ ...a, href: `requests/${id}/attachments/${a.id}` })),
    });
  });

  api.get('/requests/:id/attachments/:attachmentId', auth, async (c) => {
    const id = c.req.param('id');
    const attachmentId = c.req.param('attachmentId');
    const file = checkUuid(id).ok && checkUuid(attachmentId).ok ? await store.openAttachment(id, attachmentId) : undefined;
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
