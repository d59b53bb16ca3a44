import type { Hono } from 'hono';
import * as v from 'valibot';
import { apiError } from '../errors';
import { checkUuid } from '../../shared/fields';
import { noStore, readBody, signedIn, type Office, type OfficeEnv } from './context';
import { SEARCH, SEARCH_HEADER, inboxPage, readInboxQuery, searchHeader } from './inbox';
import { canMove, CLOSE_REASONS, INFO_REASONS, REFERRAL_REASONS, REVIEW_LIMITS, REVIEW_STATES } from '../../shared/review';
import { extensionOf, requestDetail, withNames } from './request-view';
import { addNote, applyReview, assign, getReview, releaseIfHeld, takeIfFree } from './reviews';
import { hasRole, LIMITS } from './model';
import { staffById } from './staff-store';
import { assignDetail } from './audit';

/** The inbox, one request, its files, review, notes and assignment. */

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(max, 'too_long'));

const Review = v.pipe(
  v.object({
    state: v.picklist(REVIEW_STATES),
    caseNumber: v.optional(text(REVIEW_LIMITS.caseNumber)),
    referral: v.optional(v.picklist(REFERRAL_REASONS)),
    referredTo: v.optional(text(REVIEW_LIMITS.referredTo)),
    closeReason: v.optional(v.picklist(CLOSE_REASONS)),
    infoReasons: v.optional(v.pipe(v.array(v.picklist(INFO_REASONS)), v.minLength(1), v.maxLength(INFO_REASONS.length))),
    infoNote: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(REVIEW_LIMITS.infoNote, 'too_long'))),
  }),
  v.forward(v.check((r) => r.state !== 'accepted' || r.caseNumber !== undefined, 'required'), ['caseNumber']),
  v.forward(v.check((r) => r.state !== 'referred' || r.referral !== undefined, 'required'), ['referral']),
  v.forward(v.check((r) => r.state !== 'closed' || r.closeReason !== undefined, 'required'), ['closeReason']),
  v.forward(v.check((r) => r.state !== 'needs_information' || r.infoReasons !== undefined, 'required'), ['infoReasons']),
  // Each state keeps only what belongs to it.
  v.transform((r) => ({
    state: r.state,
    ...(r.state === 'accepted' ? { caseNumber: r.caseNumber } : {}),
    ...(r.state === 'referred' ? { referral: r.referral, ...(r.referredTo ? { referredTo: r.referredTo } : {}) } : {}),
    ...(r.state === 'closed' ? { closeReason: r.closeReason } : {}),
    ...(r.state === 'needs_information' ? { infoReasons: [...new Set(r.infoReasons)], ...(r.infoNote ? { infoNote: r.infoNote } : {}) } : {}),
  })),
);
const NoteBody = v.object({ text: text(LIMITS.note) });
const AssignBody = v.object({ staffId: v.nullable(v.pipe(v.string(), v.uuid())) });

const INLINE = new Set(['image/jpeg', 'image/png', 'image/webp']);

export function requestRoutes(app: Hono<OfficeEnv>, office: Office): void {
  const officer = signedIn(office, 'officer');
  const validId = (id: string) => checkUuid(id).ok;
  const exists = async (id: string) => validId(id) && (await office.store.findReceived(id)) !== undefined;

  app.get('/requests', officer, async (c) => {
    const me = c.get('session').me;
    const query = readInboxQuery((name) => (name === SEARCH ? searchHeader(c.req.header(SEARCH_HEADER)) : c.req.query(name)), me);
    if ('forbidden' in query) return apiError(c, 403, 'forbidden');
    if ('invalid' in query) return apiError(c, 400, `invalid_${query.invalid}`);
    const page = await inboxPage(office, query);
    noStore(c);
    return c.json({ requests: await withNames(office, page.rows), nextCursor: page.nextCursor, counts: page.counts });
  });

  app.get('/requests/:id', officer, async (c) => {
    const id = c.req.param('id');
    const detail = validId(id) ? await requestDetail(office, id) : undefined;
    if (!detail) return apiError(c, 404, 'not_found');
    await office.audit(c, { actorId: c.get('session').me.id, action: 'view_request', target: id });
    noStore(c);
    return c.json(detail);
  });

  app.get('/requests/:id/attachments/:attachmentId', officer, async (c) => {
    const { id, attachmentId } = c.req.param();
    const file = validId(id) && validId(attachmentId) ? await office.store.openAttachment(id, attachmentId) : undefined;
    if (!file) return apiError(c, 404, 'not_found');
    await office.audit(c, { actorId: c.get('session').me.id, action: 'view_attachment', target: `${id}/${attachmentId}` });
    const disposition = INLINE.has(file.type) ? 'inline' : 'attachment';
    return new Response(new Uint8Array(file.data), {
      headers: {
        'Content-Type': file.type,
        'Content-Length': String(file.data.length),
        // Named by its id: the person's own file name never goes into a header.
        'Content-Disposition': `${disposition}; filename="${attachmentId}.${extensionOf(file.type)}"`,
        'Cache-Control': 'no-store',
      },
    });
  });

  app.post('/requests/:id/review', officer, async (c) => {
    const id = c.req.param('id');
    if (!(await exists(id))) return apiError(c, 404, 'not_found');
    const body = await readBody(c, Review);
    if (!body.ok) return body.response;
    const me = c.get('session').me;
    const current = await getReview(office.db, office.sealer, id);
    if (!canMove(current.state, body.value.state)) return apiError(c, 409, 'invalid_transition');
    const at = office.now().toISOString();
    if (!(await applyReview(office.db, office.sealer, id, current.state, body.value, me.id, at))) return apiError(c, 409, 'conflict');
    await office.audit(c, { actorId: me.id, action: 'review', target: id, detail: `${current.state}->${body.value.state}` });
    noStore(c);
    return c.json(await requestDetail(office, id));
  });

  app.post('/requests/:id/notes', officer, async (c) => {
    const id = c.req.param('id');
    if (!(await exists(id))) return apiError(c, 404, 'not_found');
    const body = await readBody(c, NoteBody);
    if (!body.ok) return body.response;
    const me = c.get('session').me;
    const note = await addNote(office.db, office.sealer, id, { id: me.id, email: me.email }, body.value.text, office.now().toISOString());
    await office.audit(c, { actorId: me.id, action: 'note', target: id });
    noStore(c);
    return c.json(note, 201);
  });

  /**
   * As help desks do: an officer takes a request nobody has, or gives back
   * their own; a supervisor gives any request to any active colleague, or
   * to nobody.
   */
  app.post('/requests/:id/assign', officer, async (c) => {
    const id = c.req.param('id');
    if (!(await exists(id))) return apiError(c, 404, 'not_found');
    const body = await readBody(c, AssignBody);
    if (!body.ok) return body.response;
    const { staffId } = body.value;
    const me = c.get('session').me;
    const at = office.now().toISOString();
    if (hasRole(me.role, 'supervisor')) {
      if (staffId !== null && (await staffById(office.db, staffId))?.status !== 'active') return apiError(c, 422, 'invalid_staff');
      await assign(office.db, id, staffId, at);
    } else {
      if (staffId !== null && staffId !== me.id) return apiError(c, 403, 'forbidden');
      const done = staffId ? await takeIfFree(office.db, id, me.id, at) : await releaseIfHeld(office.db, id, me.id, at);
      if (!done) {
        const holder = (await getReview(office.db, office.sealer, id)).assignee?.id ?? null;
        // Already so: nothing to change. Someone else's: a supervisor's call.
        if (holder !== staffId) return apiError(c, staffId ? 409 : 403, staffId ? 'already_assigned' : 'forbidden');
      }
    }
    await office.audit(c, { actorId: me.id, action: 'assign', target: id, detail: assignDetail(staffId) });
    noStore(c);
    return c.json(await requestDetail(office, id));
  });
}
