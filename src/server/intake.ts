import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiRoutes, AppDeps } from './types';
import { apiError } from './errors';
import { keyRingFor, type KeyRing } from './keys';
import { log } from './log';
import {
  commitRequest,
  dropStalePending,
  findRequest,
  getPending,
  hasFinalAttachment,
  pendingUsage,
  savePending,
  type FinalAttachment,
} from './intake-store';
import { SealError, open, openJson } from '../shared/seal';
import { CONTENT_SHA256_HEADER } from '../shared/protocol';
import { LIMITS, validateRequest, type AttachmentRef } from '../shared/request-schema';
import { checkUuid, serverToday } from '../shared/fields';

/**
 * Receiving requests: PUT /requests/:id/attachments/:attachmentId (a sealed
 * file, kept pending) and PUT /requests/:id (the sealed request; checks,
 * then one transaction). Both are idempotent, so a device may repeat any
 * of them after any failure. See docs/ARCHITECTURE-sync.md.
 */

/** Room for a sealed envelope's header and tag on top of the file itself. */
export const SEAL_OVERHEAD_BYTES = 64 * 1024;
/** Files whose request never came are dropped after this. */
const PENDING_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Media type without parameters, lowercased; `charset` must be UTF-8 when given. */
function mediaType(c: Context): { type: string; charsetOk: boolean } {
  const raw = c.req.header('Content-Type') ?? '';
  const [type = '', ...params] = raw.split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  return { type, charsetOk: charset === undefined || charset === 'utf-8' };
}

const validId = (id: string) => checkUuid(id).ok;

function sealFailure(c: Context, err: unknown, ring: KeyRing) {
  if (err instanceof SealError) {
    if (err.code === 'unknown_kid') return apiError(c, 409, 'unknown_kid', { current: ring.current.kid });
    if (err.code === 'bad_envelope') return apiError(c, 422, 'bad_envelope');
    return apiError(c, 422, 'decrypt_failed');
  }
  throw err;
}

export const intakeRoutes: ApiRoutes = (api, deps: AppDeps) => {
  const { settings, db } = deps;
  const now = () => deps.now?.() ?? new Date();
  const tooLarge = (c: Context) => apiError(c, 413, 'payload_too_large');
  const attachmentLimit = bodyLimit({ maxSize: settings.maxAttachmentBytes + SEAL_OVERHEAD_BYTES, onError: tooLarge });
  const jsonLimit = bodyLimit({ maxSize: settings.maxJsonBytes, onError: tooLarge });
  let lastSweep = 0;

  api.put('/requests/:id/attachments/:attachmentId', async (c, next) => {
    if (mediaType(c).type !== 'application/octet-stream') return apiError(c, 415, 'unsupported_media_type');
    return attachmentLimit(c, next);
  }, async (c) => {
    const id = c.req.param('id');
    const attachmentId = c.req.param('attachmentId');
    if (!validId(id) || !validId(attachmentId)) return apiError(c, 400, 'invalid_id');
    const claimed = (c.req.header(CONTENT_SHA256_HEADER) ?? '').trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(claimed)) return apiError(c, 400, 'checksum_missing');
    const body = new Uint8Array(await c.req.arrayBuffer());
    if (sha256Hex(body) !== claimed) return apiError(c, 422, 'checksum_mismatch');
    const receipt = { id, attachmentId, sha256: claimed };

    if (findRequest(db, id)) {
      // Already received: a late repeat of a file it has is fine, a new file is not.
      return hasFinalAttachment(db, id, attachmentId) ? c.json(receipt) : apiError(c, 409, 'conflict');
    }
    const ring = await keyRingFor(deps);
    try {
      // Opened now only to refuse forgeries and foreign keys early; opened again on commit.
      const plain = await open(body, ring.privateKey, { requestId: id, purpose: `attachment:${attachmentId}` });
      if (plain.length > LIMITS.attachmentBytes) return apiError(c, 413, 'payload_too_large');
    } catch (err) {
      return sealFailure(c, err, ring);
    }
    const usage = pendingUsage(db, id, attachmentId);
    if (usage.count >= LIMITS.attachments) return apiError(c, 413, 'too_many_attachments');
    if (usage.bytes + body.length > LIMITS.requestAttachmentBytes + LIMITS.attachments * SEAL_OVERHEAD_BYTES) {
      return apiError(c, 413, 'payload_too_large');
    }
    const at = now();
    savePending(db, { requestId: id, attachmentId, sealed: Buffer.from(body), sealedSha256: claimed }, at.toISOString());
    if (at.getTime() - lastSweep > 60 * 60 * 1000) {
      lastSweep = at.getTime();
      const dropped = dropStalePending(db, new Date(at.getTime() - PENDING_TTL_MS).toISOString());
      if (dropped) log.info('pending_attachments_dropped', { count: dropped });
    }
    return c.json(receipt);
  });

  api.put('/requests/:id', async (c, next) => {
    const media = mediaType(c);
    if (media.type !== 'application/json' || !media.charsetOk) return apiError(c, 415, 'unsupported_media_type');
    return jsonLimit(c, next);
  }, async (c) => {
    const id = c.req.param('id');
    if (!validId(id)) return apiError(c, 400, 'invalid_id');
    let envelope: unknown;
    try {
      envelope = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer()));
    } catch {
      return apiError(c, 400, 'malformed_json');
    }
    const ring = await keyRingFor(deps);
    let plain: unknown;
    try {
      plain = await openJson(envelope, ring.privateKey, { requestId: id, purpose: 'request' });
    } catch (err) {
      return sealFailure(c, err, ring);
    }
    const at = now();
    const checked = validateRequest(plain, serverToday(at));
    if (!checked.ok) return apiError(c, 422, 'invalid', { issues: checked.issues });
    const request = checked.value;
    if (request.id !== id) return apiError(c, 422, 'invalid', { issues: [{ code: 'id_mismatch', path: 'id' }] });

    const bodyJson = canonicalJson(plain);
    const bodySha256 = sha256Hex(bodyJson);
    const existing = findRequest(db, id);
    if (existing) {
      if (existing.bodySha256 !== bodySha256) return apiError(c, 409, 'conflict');
      return c.json({ id, confirmation: existing.confirmation, receivedAt: existing.receivedAt });
    }

    const files = await openAttachments(deps, ring, id, request.attachments);
    if ('missing' in files) return apiError(c, 409, 'missing_attachments', { missing: files.missing });

    const kid = (envelope as { kid: string }).kid;
    const result = commitRequest(db, {
      id,
      bodyJson: canonicalJson(request),
      bodySha256,
      formTypes: request.case.formTypes,
      kid,
      receivedAt: at.toISOString(),
      attachments: files.files,
    });
    if (result.kind === 'conflict') return apiError(c, 409, 'conflict');
    if (result.kind === 'created') log.info('request_received', { attachments: files.files.length });
    return c.json({ id, confirmation: result.confirmation, receivedAt: result.receivedAt }, result.kind === 'created' ? 201 : 200);
  });
};

/**
 * Every referenced file must be pending, open with this request's binding,
 * and hash to what the request says. Any that do not are "missing": the
 * device sends them again.
 */
async function openAttachments(
  deps: AppDeps,
  ring: KeyRing,
  id: string,
  refs: readonly AttachmentRef[],
): Promise<{ files: FinalAttachment[] } | { missing: string[] }> {
  const files: FinalAttachment[] = [];
  const missing: string[] = [];
  for (const ref of refs) {
    const pending = getPending(deps.db, id, ref.id);
    if (!pending) {
      missing.push(ref.id);
      continue;
    }
    try {
      const data = await open(pending.sealed, ring.privateKey, { requestId: id, purpose: `attachment:${ref.id}` });
      if (data.length !== ref.size || sha256Hex(data) !== ref.sha256) missing.push(ref.id);
      else files.push({ attachmentId: ref.id, name: ref.name, type: ref.type, size: ref.size, sha256: ref.sha256, data });
    } catch (err) {
      if (!(err instanceof SealError)) throw err;
      missing.push(ref.id);
    }
  }
  return missing.length ? { missing } : { files };
}
