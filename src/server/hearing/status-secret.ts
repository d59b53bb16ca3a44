import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { loadKeyList } from '../key-files';

/**
 * The status secret a device gets with its confirmation: the one thing that
 * lets it ask about its request. It is HMAC-SHA-256(status key, id) — 256
 * bits, base64url — so every repeat of a delivery answers the same secret
 * without the server keeping it; the database keeps only its SHA-256.
 *
 * The status key: STATUS_KEYS (JSON array of base64url keys, 32+ bytes) or
 * DATA_DIR/keys/status-key (0600, made on first start). Only the first key
 * is used: a new first key would change every secret, so rotate it only to
 * cut off every device's status link at once (stored hashes then stop
 * matching and those requests answer 404 until re-delivered).
 */

export function loadStatusKey(dataDir: string, env: Record<string, string | undefined> = process.env): Buffer {
  return loadKeyList(dataDir, { envName: 'STATUS_KEYS', envValue: env.STATUS_KEYS, file: 'status-key', generatedEvent: 'status_key_generated' })[0]!;
}

interface StatusKeyOwner {
  settings: { dataDir: string };
}

const keys = new WeakMap<StatusKeyOwner, Buffer>();

/** One key per app (per deps object), loaded on first use like the sealing keys. */
export function statusKeyFor(deps: StatusKeyOwner, env: Record<string, string | undefined> = process.env): Buffer {
  let key = keys.get(deps);
  if (!key) {
    key = loadStatusKey(deps.settings.dataDir, env);
    keys.set(deps, key);
  }
  return key;
}

export function statusSecretFor(key: Uint8Array, requestId: string): string {
  return createHmac('sha256', key).update(`status\0${requestId}`).digest('base64url');
}

export const secretHash = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** A hash nothing matches, compared when there is no row, so both answers cost the same. */
const NO_ROW = secretHash('\0no row\0');

/**
 * Whether `given` is the secret whose hash is `stored`. Always hashes and
 * always compares (in constant time), row or not, secret or not.
 */
export function secretMatches(given: string | undefined, stored: string | null | undefined): boolean {
  const a = Buffer.from(secretHash(given ?? ''), 'hex');
  const b = Buffer.from(stored && /^[0-9a-f]{64}$/.test(stored) ? stored : NO_ROW, 'hex');
  return timingSafeEqual(a, b) && given !== undefined && given !== '' && !!stored;
}
