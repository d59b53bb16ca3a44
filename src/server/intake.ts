import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { bodyLimit } from 'hono/body-limit';
import type { ApiRoutes, AppDeps } from './types';
import { apiError } from './errors';
import { keyRingFor, type KeyRing } from './keys';
import { log } from './log';
import { clientAddress } from './client-address';
import { requestMetadata } from './intake-metadata';
import type { NewRequest } from './intake-store';
import { repeatAnswer, statusFor } from './hearing/delivery-answer';
import { SealError, open, openJson } from '../shared/seal';
import { CONTENT_SHA256_HEADER, REQUEST_CLAIM_HEADER } from '../shared/protocol';
import { LIMITS, validateWireRequest, type AttachmentRef } from '../shared/request-schema';
import { claimDerives, isClaimedId } from '../shared/request-claim';
import { checkUuid, serverToday } from '../shared/fields';

/**
 * Receiving requests: PUT /requests/:id/attachments/:attachmentId (a sealed
 * file, kept pending) and PUT /requests/:id (the sealed request; checks,
 * then one transaction). Both are idempotent, so a device may repeat any
 * of them after any failure. See docs/ARCHITECTURE-sync.md.
 */

/** Room for a sealed envelope's header and tag on top of the file itself. */
export const SEAL_OVERHEAD_BYTES = 64 * 1024;
/** How often the timer drops pending files whose request never came. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;

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
export function mediaType(c: Context): { type: string; charsetOk: boolean } {
  const raw = c.req.header('Content-Type') ?? '';
  const [type = '', ...params] = raw.split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  return { type, charsetOk: charset === undefined || charset === 'utf-8' };
}

const validId = (id: string) => checkUuid(id).ok;

/** Pending files are dropped after pendingTtlMs by a timer, whether or not anyone uploads. */
function startSweeper(deps: AppDeps, now: () => Date): void {
  const timer = setInterval(() => {
    const before = new Date(now().getTime() - deps.settings.pendingTtlMs).toISOString();
    deps.store.sweepPending(before).then(
      (dropped) => dropped && log.info('pending_attachments_dropped', { count: dropped }),
      (err: unknown) => log.info('pending_sweep_failed', { code: String((err as { code?: unknown }).code ?? 'unknown') }),
    );
  }, Math.min(SWEEP_EVERY_MS, deps.settings.pendingTtlMs));
  timer.unref();
}

export const intakeRoutes: ApiRoutes = (api, deps: AppDeps) => {
  const { settings, store } = deps;
  const now = () => deps.now?.() ?? new Date();
  const tooLarge = (c: Context) => apiError(c, 413, 'payload_too_large');
  const attachmentLimit = bodyLimit({ maxSize: settings.maxAttachmentBytes + SEAL_OVERHEAD_BYTES, onError: tooLarge });
  const jsonLimit = bodyLimit({ maxSize: settings.maxJsonBytes, onError: tooLarge });
  startSweeper(deps, now);

  api.put('/requests/:id/attachments/:attachmentId', async (c, next) => {
    if (mediaType(c).type !== 'application/octet-stream') return apiError(c, 415, 'unsupported_media_type');
    return attachmentLimit(c, next);
  }, async (c) => {
    const id = c.req.param('id');
    const attachmentId = c.req.param('attachmentId');
    if (!validId(id) || !validId(attachmentId)) return apiError(c, 400, 'invalid_id');
    // Before the body is read: a file under someone else's id is neither stored nor counted.
    if (isClaimedId(id) && !(await claimDerives(c.req.header(REQUEST_CLAIM_HEADER), id))) {
      return apiError(c, 403, 'claim_mismatch');
    }
    const claimed = (c.req.header(CONTENT_SHA256_HEADER) ?? '').trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(claimed)) return apiError(c, 400, 'checksum_missing');
    const body = new Uint8Array(await c.req.arrayBuffer());
    if (sha256Hex(body) !== claimed) return apiError(c, 422, 'checksum_mismatch');
    const receipt = { id, attachmentId, sha256: claimed };

    if (await store.findReceived(id)) {
      // Already received: a late repeat of a file it has is fine, a new file is not.
      return (await store.hasFile(id, attachmentId)) ? c.json(receipt) : apiError(c, 409, 'conflict');
    }
    const ring = await keyRingFor(deps);
    try {
      // Opened now only to refuse forgeries and foreign keys early; opened again on commit.
      const plain = await open(body, ring.privateKey, { requestId: id, purpose: `attachment:${attachmentId}` });
      if (plain.length > LIMITS.attachmentBytes) return apiError(c, 413, 'payload_too_large');
    } catch (err) {
      const { status, body } = sealFailure(err, ring);
      const { error, ...extra } = body;
      return apiError(c, status, String(error), extra);
    }
    const saved = await store.savePending(
      { requestId: id, attachmentId, sealedSha256: claimed, sealed: body, client: clientAddress(c, deps.settings.trustProxyHops), receivedAt: now().toISOString() },
      { maxBytes: settings.pendingMaxBytes, maxBytesPerClient: settings.pendingMaxBytesPerClient },
    );
    if (saved !== 'saved') {
      // Full for now, not forever: files are swept within a day, so the device tries again later.
      log.info('pending_full', { scope: saved === 'client_full' ? 'client' : 'all' });
      c.header('Retry-After', '3600');
      return apiError(c, 503, 'pending_full');
    }
    return c.json(receipt);
  });

  api.put('/requests/:id', async (c, next) => {
    const media = mediaType(c);
    if (media.type !== 'application/json' || !media.charsetOk) return apiError(c, 415, 'unsupported_media_type');
    return jsonLimit(c, next);
  }, async (c) => {
    const id = c.req.param('id');
    // Before the body is read, as the file route does.
    if (!validId(id)) return apiError(c, 400, 'invalid_id');
    const answer = await receiveRequest(deps, id, new Uint8Array(await c.req.arrayBuffer()), now());
    if (answer.status >= 400) c.header('Cache-Control', 'no-store');
    return c.json(answer.body, answer.status);
  });
};

/** What one request's delivery answers: the status and body a PUT sends, or a batch lists for it. */
export interface DeliveryAnswer {
  status: ContentfulStatusCode;
  body: Record<string, unknown>;
}

const failed = (status: ContentfulStatusCode, error: string, extra: Record<string, unknown> = {}): DeliveryAnswer => ({
  status,
  body: { error, ...extra },
});

function sealFailure(err: unknown, ring: KeyRing): DeliveryAnswer {
  if (err instanceof SealError) {
    if (err.code === 'unknown_kid') return failed(409, 'unknown_kid', { current: ring.current.kid });
    if (err.code === 'bad_envelope') return failed(422, 'bad_envelope');
    return failed(422, 'decrypt_failed');
  }
  throw err;
}

/**
 * One sealed request, as `PUT /requests/:id` and each item of a batch
 * (intake-batch.ts) receive it: the bytes as sent, checks, then one
 * transaction. A database fault is thrown (DbUnavailableError), for the
 * caller to answer as retryable.
 */
export async function receiveRequest(deps: AppDeps, id: string, raw: Uint8Array, at: Date): Promise<DeliveryAnswer> {
  const { store } = deps;
  if (!validId(id)) return failed(400, 'invalid_id');
  let envelope: unknown;
  try {
    envelope = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return failed(400, 'malformed_json');
  }
  const envelopeSha256 = sha256Hex(raw);
  const existing = await store.findReceived(id);
  // The device repeats the very bytes it sent: answer them without opening
  // (the key they were sealed to may have been removed since).
  if (existing && existing.envelopeSha256 === envelopeSha256) {
    return { status: 200, body: await repeatAnswer(deps, id, existing) };
  }
  const ring = await keyRingFor(deps);
  let plain: unknown;
  try {
    plain = await openJson(envelope, ring.privateKey, { requestId: id, purpose: 'request' });
  } catch (err) {
    return sealFailure(err, ring);
  }
  // For a version-8 id this also proves the sender holds its claim: a bystander's body stops here.
  const checked = await validateWireRequest(plain, serverToday(at));
  if (!checked.ok) return failed(422, 'invalid', { issues: checked.issues });
  const request = checked.value;
  if (request.id !== id) return failed(422, 'invalid', { issues: [{ code: 'id_mismatch', path: 'id' }] });

  const bodySha256 = sha256Hex(canonicalJson(plain));
  if (existing) {
    if (existing.bodySha256 !== bodySha256) return failed(409, 'conflict');
    return { status: 200, body: await repeatAnswer(deps, id, existing) };
  }

  const files = await pickPendingFiles(deps, ring, id, request.attachments);
  if ('missing' in files) return failed(409, 'missing_attachments', { missing: files.missing });

  const meta = requestMetadata(request);
  const status = statusFor(deps, id);
  const row: NewRequest = {
    id,
    receivedAt: at.toISOString(),
    kid: (envelope as { kid: string }).kid,
    sealed: raw,
    envelopeSha256,
    bodySha256,
    statusSha256: status.sha256,
    formTypes: meta.formTypes,
    urgent: meta.urgent,
    language: meta.language,
    eventId: null,
    lookups: meta.lookups,
    files: files.files,
  };
  const result = await store.commit(row);
  if (result.kind === 'conflict') return failed(409, 'conflict');
  if (result.kind === 'missing') return failed(409, 'missing_attachments', { missing: result.attachmentIds });
  if (result.kind === 'created') log.info('request_received', { attachments: files.files.length });
  if (result.kind === 'same') return { status: 200, body: await repeatAnswer(deps, id, result) };
  return { status: 201, body: { id, confirmation: result.confirmation, receivedAt: result.receivedAt, statusSecret: status.secret } };
}

/**
 * Every referenced file must be pending under this id, open with this
 * request's binding, and hash to what the request says. Several uploads
 * may wait under one id (someone else's junk among them): the first that
 * matches is taken. Any without a match are "missing": the device sends them again.
 */
async function pickPendingFiles(
  deps: AppDeps,
  ring: KeyRing,
  id: string,
  refs: readonly AttachmentRef[],
): Promise<{ files: NewRequest['files'] } | { missing: string[] }> {
  const files: { attachmentId: string; sealedSha256: string }[] = [];
  const missing: string[] = [];
  for (const ref of refs) {
    let picked: string | undefined;
    for (const candidate of await deps.store.pendingCandidates(id, ref.id)) {
      try {
        const data = await open(candidate.sealed, ring.privateKey, { requestId: id, purpose: `attachment:${ref.id}` });
        if (data.length === ref.size && sha256Hex(data) === ref.sha256) {
          picked = candidate.sealedSha256;
          break;
        }
      } catch (err) {
        if (!(err instanceof SealError)) throw err;
      }
    }
    if (picked) files.push({ attachmentId: ref.id, sealedSha256: picked });
    else missing.push(ref.id);
  }
  return missing.length ? { missing } : { files };
}
