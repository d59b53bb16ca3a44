import type { Hono } from 'hono';
import { apiError } from '../errors';
import { AUDIT_ACTIONS } from './model';
import { listAudit, decodeAuditCursor } from './audit';
import { noStore, signedIn, type Office, type OfficeEnv } from './context';
import { EXPORT_TYPES, exportStream, type ExportFormat } from './export';
import { SEARCH, SEARCH_HEADER, readInboxQuery, searchHeader } from './inbox';
import { listEvents } from './events';
import { checkUuid } from '../../shared/fields';

/** Supervisors' views: the audit log, exports of the filtered inbox, and outreach event counts. */
export function reportRoutes(app: Hono<OfficeEnv>, office: Office): void {
  const supervisor = signedIn(office, 'supervisor');

  app.get('/audit', supervisor, async (c) => {
    const cursor = c.req.query('cursor');
    const actor = c.req.query('actor');
    const action = c.req.query('action');
    const limit = Number(c.req.query('limit') ?? 100);
    if (cursor && decodeAuditCursor(cursor) === null) return apiError(c, 400, 'invalid_cursor');
    if (actor && !checkUuid(actor).ok) return apiError(c, 400, 'invalid_actor');
    if (action && !(AUDIT_ACTIONS as readonly string[]).includes(action)) return apiError(c, 400, 'invalid_action');
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) return apiError(c, 400, 'invalid_limit');
    noStore(c);
    return c.json(await listAudit(office.db, { cursor, actor, action, limit }));
  });

  app.get('/export', supervisor, async (c) => {
    const format = c.req.query('format') as ExportFormat | undefined;
    if (!format || !(format in EXPORT_TYPES)) return apiError(c, 400, 'invalid_format');
    const me = c.get('session').me;
    const query = readInboxQuery(
      (name) => (name === 'cursor' || name === 'limit' ? undefined : name === SEARCH ? searchHeader(c.req.header(SEARCH_HEADER)) : c.req.query(name)),
      me,
    );
    if ('forbidden' in query) return apiError(c, 403, 'forbidden');
    if ('invalid' in query) return apiError(c, 400, `invalid_${query.invalid}`);
    // Audited before the first byte: an export cut short was still an export.
    await office.audit(c, { actorId: me.id, action: 'export', detail: `format=${format}${query.q ? ' search' : ''}` });
    const day = office.now().toISOString().slice(0, 10);
    return new Response(exportStream(office, query, format), {
      headers: {
        'Content-Type': EXPORT_TYPES[format],
        'Content-Disposition': `attachment; filename="requests-${day}.${format}"`,
        'Cache-Control': 'no-store',
      },
    });
  });

  app.get('/events', supervisor, async (c) => {
    noStore(c);
    return c.json({ events: await listEvents(office.db) });
  });
}
