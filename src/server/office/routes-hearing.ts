import type { Hono } from 'hono';
import { apiError } from '../errors';
import { openFollowUpFile } from '../hearing/follow-up-view';
import { countFeedback, feedbackWithText, type FeedbackFilter } from '../hearing/feedback-store';
import { checkUuid } from '../../shared/fields';
import { feedbackPurpose, type Feedback } from '../../shared/feedback-schema';
import { openJson } from '../../shared/seal';
import { noStore, signedIn, type Office, type OfficeEnv } from './context';
import { extensionOf } from './request-view';

/** What people sent after their request (follow-ups' files) and listening-session feedback. */

const INLINE = new Set(['image/jpeg', 'image/png', 'image/webp']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Texts opened per view: a session's worth; the counts cover everything. */
const TEXTS_SHOWN = 200;

export function hearingRoutes(app: Hono<OfficeEnv>, office: Office): void {
  const officer = signedIn(office, 'officer');
  const supervisor = signedIn(office, 'supervisor');
  const validId = (id: string) => checkUuid(id).ok;

  app.get('/requests/:id/follow-ups/:followUpId/attachments/:attachmentId', officer, async (c) => {
    const { id, followUpId, attachmentId } = c.req.param();
    const file =
      validId(id) && validId(followUpId) && validId(attachmentId)
        ? await openFollowUpFile(office.db, await office.ring(), id, followUpId, attachmentId)
        : undefined;
    if (!file) return apiError(c, 404, 'not_found');
    await office.audit(c, { actorId: c.get('session').me.id, action: 'view_attachment', target: `${id}/${followUpId}/${attachmentId}` });
    const disposition = INLINE.has(file.type) ? 'inline' : 'attachment';
    return new Response(new Uint8Array(file.data), {
      headers: {
        'Content-Type': file.type,
        'Content-Length': String(file.data.length),
        'Content-Disposition': `${disposition}; filename="${attachmentId}.${extensionOf(file.type)}"`,
        'Cache-Control': 'no-store',
      },
    });
  });

  app.get('/feedback', supervisor, async (c) => {
    const filter: FeedbackFilter = {};
    const event = c.req.query('event');
    const from = c.req.query('from');
    const to = c.req.query('to');
    if (event) {
      if (!validId(event)) return apiError(c, 400, 'invalid_event');
      filter.eventId = event;
    }
    if (from) {
      if (!DAY.test(from)) return apiError(c, 400, 'invalid_from');
      filter.from = from;
    }
    if (to) {
      if (!DAY.test(to)) return apiError(c, 400, 'invalid_to');
      filter.to = to;
    }
    const ring = await office.ring();
    const [groups, stored] = await Promise.all([countFeedback(office.db, filter), feedbackWithText(office.db, filter, TEXTS_SHOWN)]);
    const texts = await Promise.all(
      stored.map(async (s) => {
        const f = (await openJson(JSON.parse(s.sealed.toString('utf8')) as unknown, ring.privateKey, { requestId: s.id, purpose: feedbackPurpose })) as Feedback;
        return {
          id: s.id,
          receivedAt: s.receivedAt,
          locale: s.locale,
          eventId: s.eventId,
          satisfaction: f.satisfaction ?? null,
          questions: f.questions ?? null,
          comments: f.comments ?? null,
          contact: f.contact && (f.contact.name || f.contact.email || f.contact.phone) ? f.contact : null,
        };
      }),
    );
    await office.audit(c, { actorId: c.get('session').me.id, action: 'view_feedback', detail: `texts=${texts.length}` });
    noStore(c);
    return c.json({ groups, texts });
  });
}
