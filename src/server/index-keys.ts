import { createHmac } from 'node:crypto';
import { loadKeyList, rotateKeyFile, type KeyListSource } from './key-files';
import { log } from './log';
import { checkANumber, checkEmail, checkReceiptNumber } from '../shared/fields';

/**
 * Blind-index keys: HMAC-SHA-256 keys that turn an A-number, receipt number,
 * e-mail or full name into a digest the database can match without holding the value.
 *
 * Environment: INDEX_KEYS = JSON array of base64url keys (32 bytes or more),
 * the first current. Otherwise the file DATA_DIR/keys/index-keys, one key
 * per line, first current, mode 0600; made on first start.
 * Rotation: put a new key first (`npm run intake -- rotate-index-key` does it
 * for the file); rows keep the digests of the key current when they
 * arrived, and lookups try every key. A lost index key only disables search
 * for the rows indexed with it; it never hides data.
 */

/** `name`: the person's full name (given, middle, family), see normalizeName. */
export type LookupKind = 'a_number' | 'receipt' | 'email' | 'name';

const indexKeySource = (env: Record<string, string | undefined>): KeyListSource => ({
  envName: 'INDEX_KEYS',
  envValue: env.INDEX_KEYS,
  file: 'index-keys',
  generatedEvent: 'index_key_generated',
});

export function loadIndexKeys(dataDir: string, env: Record<string, string | undefined> = process.env): Buffer[] {
  return loadKeyList(dataDir, indexKeySource(env));
}

/** A new current index key in DATA_DIR/keys/index-keys; a running server uses it after a restart. */
export function rotateIndexKey(dataDir: string, env: Record<string, string | undefined> = process.env): void {
  rotateKeyFile(dataDir, indexKeySource(env));
  log.info('index_key_rotated');
}

/** The value as the index keeps it, or null when it is not a valid one of its kind. */
export function normalizeLookup(kind: LookupKind, value: string): string | null {
  if (kind === 'name') return normalizeName(value);
  const checked = kind === 'a_number' ? checkANumber(value) : kind === 'receipt' ? checkReceiptNumber(value) : checkEmail(value);
  if (!checked.ok) return null;
  return kind === 'email' ? checked.value.toLowerCase() : checked.value;
}

/**
 * A name as the index keeps it: compatibility forms folded, accents and
 * case dropped, anything but letters and digits a single space, so
 * "García-López,  Ana" and "garcia lopez ana" are the same.
 */
export function normalizeName(value: string): string | null {
  const n = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return n.length > 0 && n.length <= 400 ? n : null;
}

export function blindDigest(key: Uint8Array, kind: LookupKind | 'client', normalized: string): string {
  return createHmac('sha256', key).update(`${kind}\0${normalized}`).digest('hex');
}
