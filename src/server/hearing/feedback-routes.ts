import { bodyLimit } from 'hono/body-limit';
import type { ApiRoutes } from '../types';
import { apiError } from '../errors';
import { keyRingFor } from '../keys';
import { log } from '../log';
import { checkUuid } from '../../shared/fields';
import { feedbackPurpose, hasContact, validateFeedback } from '../../shared/feedback-schema';
import { findFeedback, saveFeedback } from './feedback-store';
import { openEnvelope, readEnvelope } from './sealed-body';

/** A rating, three answers and two short texts, sealed: far less than this. */
export const FEEDBACK_MAX_BYTES = 32 * 1024;

/**
 * PUT /feedback/:id: listening-session feedback, sealed, exactly once by
 * id (the same body again answers the same; another body 409). Anonymous:
 * nothing but the shared per-client rate limit stands before it, so it is
 * small and bounded. See src/shared/feedback-schema.ts.
 */
export const feedbackRoutes: ApiRoutes = (api, deps) => {
  const now = () => deps.now?.() ?? new Date();
  const sizeLimit = bodyLimit({ maxSize: FEEDBACK_MAX_BYTES, onError: (c) => apiError(c, 413, 'payload_too_large') });

  api.put('/feedback/:id', sizeLimit, async (c) => {
    const id = c.req.param('id');
    if (!checkUuid(id).ok) return apiError(c, 400, 'invalid_id');
    const envelope = await readEnvelope(c);
    if (!envelope.ok) return envelope.response;
    const existing = await findFeedback(deps.db, id);
    if (existing && existing.envelopeSha256 === envelope.value.sha256) return c.json({ id, receivedAt: existing.receivedAt });
    const ring = await keyRingFor(deps);
    const opened = await openEnvelope(c, ring, envelope.value, { requestId: id, purpose: feedbackPurpose });
    if (!opened.ok) return opened.response;
    const checked = validateFeedback(opened.value.plain);
    if (!checked.ok) return apiError(c, 422, 'invalid', { issues: checked.issues });
    const f = checked.value;
    if (f.id !== id) return apiError(c, 422, 'invalid', { issues: [{ code: 'id_mismatch', path: 'id' }] });
    if (existing) return existing.bodySha256 === opened.value.bodySha256 ? c.json({ id, receivedAt: existing.receivedAt }) : apiError(c, 409, 'conflict');
    const at = now();
    const result = await saveFeedback(deps.db, {
      id,
      receivedAt: at.toISOString(),
      // The server's UTC day: the device's clock is the person's, not a fact.
      day: at.toISOString().slice(0, 10),
      locale: f.locale,
      eventId: f.eventId ?? null,
      satisfaction: f.satisfaction ?? null,
      answers: Object.fromEntries(Object.entries(f.answers).filter(([, a]) => a !== undefined)),
      hasText: !!(f.questions || f.comments),
      hasContact: hasContact(f),
      kid: opened.value.kid,
      sealed: envelope.value.raw,
      envelopeSha256: envelope.value.sha256,
      bodySha256: opened.value.bodySha256,
    });
    if (result.kind === 'conflict') return apiError(c, 409, 'conflict');
    if (result.kind === 'created') log.info('feedback_received');
    c.header('Cache-Control', 'no-store');
    return c.json({ id, receivedAt: result.receivedAt }, result.kind === 'created' ? 201 : 200);
  });
};
