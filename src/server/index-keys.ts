import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { keysDir } from './keys';
import { log } from './log';
import { checkANumber, checkEmail, checkReceiptNumber } from '../shared/fields';

/**
 * Blind-index keys: HMAC-SHA-256 keys that turn an A-number, receipt number,
 * e-mail or full name into a digest the database can match without holding the value.
 *
 * Environment: INDEX_KEYS = JSON array of base64url keys (32 bytes or more),
 * the first current. Otherwise the file DATA_DIR/keys/index-keys, one key
 * per line, first current, mode 0600; made on first start.
 * Rotation: put a new key first; rows keep the digests of the key current
 * when they arrived, and lookups try every key. A lost index key only
 * disables search for the rows indexed with it; it never hides data.
 */

/** `name`: the person's full name (given, middle, family), see normalizeName. */
export type LookupKind = 'a_number' | 'receipt' | 'email' | 'name';

const FILE = 'index-keys';
const MIN_KEY_BYTES = 32;

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64url');
  if (key.length < MIN_KEY_BYTES) throw new Error(`${where}: an index key must be at least ${MIN_KEY_BYTES} bytes (base64url)`);
  return key;
}

function readEnvKeys(raw: string | undefined): Buffer[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('INDEX_KEYS is not valid JSON');
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((k) => typeof k === 'string')) {
    throw new Error('INDEX_KEYS must be a non-empty JSON array of base64url strings');
  }
  return parsed.map((k, i) => decodeKey(k as string, `INDEX_KEYS[${i}]`));
}

function readFileKeys(path: string): Buffer[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error(`${FILE} holds no key`);
  return lines.map((l, i) => decodeKey(l, `${FILE} line ${i + 1}`));
}

/** Creates the key file once; a second process starting at the same moment reads the winner's. */
function createFileKeys(dir: string, path: string): Buffer[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, `${randomBytes(32).toString('base64url')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(path, 0o600);
    log.info('index_key_generated');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readFileKeys(path);
}

export function loadIndexKeys(dataDir: string, env: Record<string, string | undefined> = process.env): Buffer[] {
  const fromEnv = readEnvKeys(env.INDEX_KEYS);
  if (fromEnv) return fromEnv;
  const dir = keysDir(dataDir);
  const path = join(dir, FILE);
  if (!existsSync(path)) return createFileKeys(dir, path);
  chmodSync(path, 0o600);
  return readFileKeys(path);
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
