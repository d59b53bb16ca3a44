import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { keysDir, replaceFile } from './keys';
import { log } from './log';

/**
 * Secret HMAC keys kept like the blind-index keys: from an environment
 * variable (JSON array of base64url keys, first current) or from a file in
 * DATA_DIR/keys (one key a line, first current, mode 0600), made on first
 * start. Used for the index keys and the status key.
 */

export interface KeyListSource {
  /** Variable name, for error messages. */
  envName: string;
  envValue: string | undefined;
  /** File name under DATA_DIR/keys. */
  file: string;
  /** Log event when the file is made (a fixed name). */
  generatedEvent: string;
}

const MIN_KEY_BYTES = 32;

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64url');
  if (key.length < MIN_KEY_BYTES) throw new Error(`${where}: a key must be at least ${MIN_KEY_BYTES} bytes (base64url)`);
  return key;
}

function readEnvKeys(name: string, raw: string | undefined): Buffer[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${name} is not valid JSON`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((k) => typeof k === 'string')) {
    throw new Error(`${name} must be a non-empty JSON array of base64url strings`);
  }
  return parsed.map((k, i) => decodeKey(k as string, `${name}[${i}]`));
}

function readFileKeys(path: string, file: string): Buffer[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error(`${file} holds no key`);
  return lines.map((l, i) => decodeKey(l, `${file} line ${i + 1}`));
}

/** Creates the key file once; a second process starting at the same moment reads the winner's. */
function createFileKeys(dir: string, path: string, source: KeyListSource): Buffer[] {
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
    log.info(source.generatedEvent);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readFileKeys(path, source.file);
}

export function loadKeyList(dataDir: string, source: KeyListSource): Buffer[] {
  const fromEnv = readEnvKeys(source.envName, source.envValue);
  if (fromEnv) return fromEnv;
  const dir = keysDir(dataDir);
  const path = join(dir, source.file);
  if (!existsSync(path)) return createFileKeys(dir, path, source);
  chmodSync(path, 0o600);
  return readFileKeys(path, source.file);
}

/**
 * Puts a new key first in the file (made if missing), keeping the old ones
 * after it. Keys from the environment are the operator's to change there.
 */
export function rotateKeyFile(dataDir: string, source: KeyListSource): void {
  if (readEnvKeys(source.envName, source.envValue)) throw new Error(`${source.envName} is set: put a new key first in it instead`);
  const kept = loadKeyList(dataDir, source);
  const lines = [randomBytes(32), ...kept].map((k) => k.toString('base64url'));
  replaceFile(join(keysDir(dataDir), source.file), `${lines.join('\n')}\n`, 0o600);
}
