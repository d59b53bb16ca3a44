import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiRoutes, AppDeps } from '../types';
import { apiError } from '../errors';
import { clientAddress } from '../client-address';
import { SEAL_OVERHEAD_BYTES } from '../intake';
import { keyRingFor } from '../keys';
import { log } from '../log';
import { getReview } from '../office/reviews';
import { sealedText } from '../office/sealed-text';
import { checkUuid } from '../../shared/fields';
import { followUpAttachmentPurpose, followUpPurpose, validateFollowUp, type FollowUpReceipt } from '../../shared/follow-up-schema';
import { CONTENT_SHA256_HEADER } from '../../shared/protocol';
import { isFinal } from '../../shared/review';
import { LIMITS } from '../../shared/request-schema';
import { open } from '../../shared/seal';
import { commitFollowUp, findFollowUp, hasFollowUpFile } from './follow-up-store';
import { pickPending } from './pending-pick';
import { mediaType, openEnvelope, readEnvelope, sealFailure, sha256Hex } from './sealed-body';
import { holdsSecret } from './status-access';

/**
 * The person's answer to "needs information": PUT
 * /requests/:id/follow-ups/:followUpId (and its files under it), authorized
 * by the request's status secret, sealed, exactly once by followUpId. See
 * src/shared/follow-up-schema.ts.
 */
export const followUpRoutes: ApiRoutes = (api, deps: AppDeps) => {
  const { settings, store } = deps;
  const now = () => deps.now?.() ?? new Date();
  const sealer = sealedText(() => keyRingFor(deps));
  const tooLarge = (c: Context) => apiError(c, 413, 'payload_too_large');
  const attachmentLimit = bodyLimit({ maxSize: settings.maxAttachmentBytes + SEAL_OVERHEAD_BYTES, onError: tooLarge });
  const jsonLimit = bodyLimit({ maxSize: settings.maxJsonBytes, onError: tooLarge });
  const validId = (id: string) => checkUuid(id).ok;
  const receipt = (id: string, requestId: string, receivedAt: string): FollowUpReceipt => ({ id, requestId, receivedAt });
  /** A follow-up id already taken by another request's follow-up is a conflict, never a way in. */
  const ownedBy = async (followUpId: string, requestId: string) => {
    const existing = await findFollowUp(deps.db, followUpId);
    return { existing, foreign: existing !== undefined && existing.requestId !== requestId };
  };

  api.put('/requests/:id/follow-ups/:followUpId/attachments/:attachmentId', async (c, next) => {
    if (mediaType(c).type !== 'application/octet-stream') return apiError(c, 415, 'unsupported_media_type');
    return attachmentLimit(c, next);
  }, async (c) => {
    const { id, followUpId, attachmentId } = c.req.param();
    if (!(await holdsSecret(deps.db, c, id))) return apiError(c, 404, 'not_found');
    if (!validId(followUpId) || !validId(attachmentId)) return apiError(c, 400, 'invalid_id');
    const claimed = (c.req.header(CONTENT_SHA256_HEADER) ?? '').trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(claimed)) return apiError(c, 400, 'checksum_missing');
    const body = new Uint8Array(await c.req.arrayBuffer());
    if (sha256Hex(body) !== claimed) return apiError(c, 422, 'checksum_mismatch');
    const answer = { id: followUpId, attachmentId, sha256: claimed };

    const { existing, foreign } = await ownedBy(followUpId, id);
    if (foreign) return apiError(c, 409, 'conflict');
    if (existing) return (await hasFollowUpFile(deps.db, followUpId, attachmentId)) ? c.json(answer) : apiError(c, 409, 'conflict');
    const ring = await keyRingFor(deps);
    try {
      const plain = await open(body, ring.privateKey, { requestId: followUpId, purpose: followUpAttachmentPurpose(attachmentId) });
      if (plain.length > LIMITS.attachmentBytes) return apiError(c, 413, 'payload_too_large');
    } catch (err) {
      return sealFailure(c, err, ring);
    }
    const saved = await store.savePending(
      { requestId: followUpId, attachmentId, sealedSha256: claimed, sealed: body, client: clientAddress(c, settings.trustProxyHops), receivedAt: now().toISOString() },
      { maxBytes: settings.pendingMaxBytes, maxBytesPerClient: settings.pendingMaxBytesPerClient },
    );
    if (saved !== 'saved') {
      log.info('pending_full', { scope: saved === 'client_full' ? 'client' : 'all' });
      c.header('Retry-After', '3600');
      return apiError(c, 503, 'pending_full');
    }
    return c.json(answer);
  });

  api.put('/requests/:id/follow-ups/:followUpId', async (c, next) => jsonLimit(c, next), async (c) => {
    const { id, followUpId } = c.req.param();
    if (!(await holdsSecret(deps.db, c, id))) return apiError(c, 404, 'not_found');
    if (!validId(followUpId)) return apiError(c, 400, 'invalid_id');
    const envelope = await readEnvelope(c);
    if (!envelope.ok) return envelope.response;
    const { existing, foreign } = await ownedBy(followUpId, id);
    if (foreign) return apiError(c, 409, 'conflict');
    // The very bytes again: the same answer, without opening.
    if (existing && existing.envelopeSha256 === envelope.value.sha256) return c.json(receipt(followUpId, id, existing.receivedAt));
    const ring = await keyRingFor(deps);
    const opened = await openEnvelope(c, ring, envelope.value, { requestId: followUpId, purpose: followUpPurpose });
    if (!opened.ok) return opened.response;
    const checked = validateFollowUp(opened.value.plain);
    if (!checked.ok) return apiError(c, 422, 'invalid', { issues: checked.issues });
    const followUp = checked.value;
    if (followUp.id !== followUpId) return apiError(c, 422, 'invalid', { issues: [{ code: 'id_mismatch', path: 'id' }] });
    if (followUp.requestId !== id) return apiError(c, 422, 'invalid', { issues: [{ code: 'id_mismatch', path: 'requestId' }] });
    if (existing) {
      return existing.bodySha256 === opened.value.bodySha256 ? c.json(receipt(followUpId, id, existing.receivedAt)) : apiError(c, 409, 'conflict');
    }
    // Final: the device keeps the text and tells the person; sending again will not help.
    if (isFinal((await getReview(deps.db, sealer, id)).state)) return apiError(c, 409, 'request_closed');

    const files = await pickPending(deps, ring, followUpId, followUp.attachments, followUpAttachmentPurpose);
    if ('missing' in files) return apiError(c, 409, 'missing_attachments', { missing: files.missing });
    const at = now().toISOString();
    const result = await commitFollowUp(deps.db, {
      id: followUpId,
      requestId: id,
      receivedAt: at,
      locale: followUp.locale,
      kid: opened.value.kid,
      sealed: envelope.value.raw,
      envelopeSha256: envelope.value.sha256,
      bodySha256: opened.value.bodySha256,
      files: files.files,
    });
    if (result.kind === 'conflict') return apiError(c, 409, 'conflict');
    if (result.kind === 'missing') return apiError(c, 409, 'missing_attachments', { missing: result.attachmentIds });
    if (result.kind === 'created') log.info('follow_up_received', { attachments: files.files.length });
    return c.json(receipt(followUpId, id, result.receivedAt), result.kind === 'created' ? 201 : 200);
  });
};

