import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { apiError } from '../errors';
import { canonicalJson } from '../intake';
import type { KeyRing } from '../keys';
import { SealError, openJson, type SealAad } from '../../shared/seal';

/**
 * Reading a sealed JSON body the way the request PUT does (the same codes
 * for the same faults), for follow-ups and feedback.
 */

export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export interface Envelope {
  raw: Uint8Array;
  json: unknown;
  sha256: string;
}

type Answer<T> = { ok: true; value: T } | { ok: false; response: Response };

/** Media type without parameters, lowercased; `charset` must be UTF-8 when given. */
export function mediaType(c: Context): { type: string; charsetOk: boolean } {
  const [type = '', ...params] = (c.req.header('Content-Type') ?? '').split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  return { type, charsetOk: charset === undefined || charset === 'utf-8' };
}

export async function readEnvelope(c: Context): Promise<Answer<Envelope>> {
  const media = mediaType(c);
  if (media.type !== 'application/json' || !media.charsetOk) return { ok: false, response: apiError(c, 415, 'unsupported_media_type') };
  const raw = new Uint8Array(await c.req.arrayBuffer());
  try {
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    return { ok: true, value: { raw, json, sha256: sha256Hex(raw) } };
  } catch {
    return { ok: false, response: apiError(c, 400, 'malformed_json') };
  }
}

export function sealFailure(c: Context, err: unknown, ring: KeyRing): Response {
  if (err instanceof SealError) {
    if (err.code === 'unknown_kid') return apiError(c, 409, 'unknown_kid', { current: ring.current.kid });
    if (err.code === 'bad_envelope') return apiError(c, 422, 'bad_envelope');
    return apiError(c, 422, 'decrypt_failed');
  }
  throw err;
}

/** The opened plaintext and the hash of its canonical form (what "the same body" means). */
export async function openEnvelope(c: Context, ring: KeyRing, envelope: Envelope, aad: SealAad): Promise<Answer<{ plain: unknown; bodySha256: string; kid: string }>> {
  try {
    const plain = await openJson(envelope.json, ring.privateKey, aad);
    return { ok: true, value: { plain, bodySha256: sha256Hex(canonicalJson(plain)), kid: (envelope.json as { kid: string }).kid } };
  } catch (err) {
    return { ok: false, response: sealFailure(c, err, ring) };
  }
}
