import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { log } from './log';
import { importServerPrivateKey, keyIdFor, publicJwkOf, type PublicEcJwk } from '../shared/seal';

/**
 * The intake server's sealing keys.
 *
 * Files: DATA_DIR/keys/<kid>.jwk holds one private JWK (mode 0600, folder
 * 0700) and DATA_DIR/keys/current names the key to seal to. On first start
 * with neither files nor SEALING_PRIVATE_KEYS, one key is generated.
 *
 * Environment: SEALING_PRIVATE_KEYS = JSON array of private EC P-256 JWKs,
 * the first one current. Key files already in DATA_DIR are still loaded so
 * requests sealed to them can be opened, but none is generated.
 *
 * Rotation: make a new key current (rotateFileKey, or put it first in the
 * environment) and keep the old ones as long as devices may still hold
 * requests sealed to them; removing a key makes those answer unknown_kid.
 * A lost private key makes everything sealed to it unreadable: back up
 * DATA_DIR/keys with the database.
 */

export interface KeyRingEntry {
  kid: string;
  publicJwk: PublicEcJwk;
}

export interface KeyRing {
  readonly current: KeyRingEntry;
  /** Every key that can still open, the current one first. */
  publicKeys(): KeyRingEntry[];
  privateKey(kid: string): CryptoKey | undefined;
}

export interface LoadKeyRingOptions {
  dataDir: string;
  env?: Record<string, string | undefined>;
}

interface PrivateJwk extends PublicEcJwk {
  d: string;
}

const CURRENT_FILE = 'current';
const KID_FILE = /^([A-Za-z0-9_-]{1,64})\.jwk$/;

export function keysDir(dataDir: string): string {
  return join(dataDir, 'keys');
}

export async function loadKeyRing(options: LoadKeyRingOptions): Promise<KeyRing> {
  const env = options.env ?? process.env;
  const dir = keysDir(options.dataDir);
  const fromEnv = readEnvKeys(env.SEALING_PRIVATE_KEYS);
  const fromFiles = readKeyFiles(dir);
  let ordered: PrivateJwk[];
  if (fromEnv) {
    ordered = [...fromEnv, ...fromFiles.keys];
  } else {
    const current = fromFiles.current ?? generateFileKey(dir);
    ordered = [current, ...fromFiles.keys.filter((k) => k !== current)];
  }
  return buildRing(ordered);
}

/**
 * Generates a new file key and makes it current; the old ones stay for
 * opening. A running server sees it after a restart. Returns the new kid.
 */
export function rotateFileKey(dataDir: string): string {
  const dir = keysDir(dataDir);
  const jwk = createKeyFile(dir);
  const kid = kidSync(jwk);
  replaceFile(join(dir, CURRENT_FILE), `${kid}\n`);
  log.info('sealing_key_rotated', { kid });
  return kid;
}

/** What keyRingFor needs of the app's deps (structural, so this module need not know the app). */
interface KeyRingOwner {
  settings: { dataDir: string };
  ring?: Promise<KeyRing>;
}

const rings = new WeakMap<KeyRingOwner, Promise<KeyRing>>();

/**
 * One ring per app (per deps object), loaded on first use. Route modules
 * that open sealed bodies call this with the deps they were mounted with.
 */
export function keyRingFor(deps: KeyRingOwner, env: Record<string, string | undefined> = process.env): Promise<KeyRing> {
  let ring = deps.ring ?? rings.get(deps);
  if (!ring) {
    ring = loadKeyRing({ dataDir: deps.settings.dataDir, env });
    rings.set(deps, ring);
  }
  return ring;
}

// ───────────────────────── internals ─────────────────────────

async function buildRing(ordered: PrivateJwk[]): Promise<KeyRing> {
  const entries: KeyRingEntry[] = [];
  const privates = new Map<string, CryptoKey>();
  for (const jwk of ordered) {
    const publicJwk = publicJwkOf(jwk);
    const kid = await keyIdFor(publicJwk);
    if (privates.has(kid)) continue;
    privates.set(kid, await importServerPrivateKey(jwk));
    entries.push({ kid, publicJwk });
  }
  const current = entries[0];
  if (!current) throw new Error('no sealing key');
  return {
    current,
    publicKeys: () => entries.map((e) => ({ ...e })),
    privateKey: (kid) => privates.get(kid),
  };
}

function isPrivateJwk(value: unknown): value is PrivateJwk {
  if (!value || typeof value !== 'object') return false;
  const j = value as Record<string, unknown>;
  const coord = (s: unknown) => typeof s === 'string' && /^[A-Za-z0-9_-]{43}$/.test(s);
  return j.kty === 'EC' && j.crv === 'P-256' && coord(j.x) && coord(j.y) && coord(j.d);
}

function stripJwk(j: PrivateJwk): PrivateJwk {
  return { kty: j.kty, crv: j.crv, x: j.x, y: j.y, d: j.d };
}

/** Error messages never quote the variable: it holds secrets. */
function readEnvKeys(raw: string | undefined): PrivateJwk[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('SEALING_PRIVATE_KEYS is not valid JSON');
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new Error('SEALING_PRIVATE_KEYS must be a non-empty JSON array of private EC P-256 JWKs');
  }
  return parsed.map((k, i) => {
    if (!isPrivateJwk(k)) throw new Error(`SEALING_PRIVATE_KEYS[${i}] is not a private EC P-256 JWK`);
    return stripJwk(k);
  });
}

function readKeyFiles(dir: string): { keys: PrivateJwk[]; current: PrivateJwk | null } {
  if (!existsSync(dir)) return { keys: [], current: null };
  const byKid = new Map<string, { jwk: PrivateJwk; mtime: number }>();
  for (const name of readdirSync(dir).sort()) {
    const kid = KID_FILE.exec(name)?.[1];
    if (!kid) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if ((stat.mode & 0o077) !== 0) {
      chmodSync(path, 0o600);
      log.info('sealing_key_mode_fixed', { kid });
    }
    let jwk: unknown;
    try {
      jwk = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new Error(`sealing key file ${name} is not valid JSON`);
    }
    if (!isPrivateJwk(jwk)) throw new Error(`sealing key file ${name} is not a private EC P-256 JWK`);
    // The file name is what `current` points to: it must be the key's own id.
    if (kidSync(jwk) !== kid) throw new Error(`sealing key file ${name} is named after a different key id`);
    byKid.set(kid, { jwk: stripJwk(jwk), mtime: stat.mtimeMs });
  }
  // Newest first, so that without a `current` file the latest key is the one sealed to.
  const keys = [...byKid.values()].sort((a, b) => b.mtime - a.mtime).map((k) => k.jwk);
  let current: PrivateJwk | null = null;
  const pointer = join(dir, CURRENT_FILE);
  if (existsSync(pointer)) {
    const kid = readFileSync(pointer, 'utf8').trim();
    current = byKid.get(kid)?.jwk ?? null;
    if (!current) log.info('sealing_key_current_missing', { kid: KID_FILE.test(`${kid}.jwk`) ? kid : 'invalid' });
  }
  return { keys, current: current ?? keys[0] ?? null };
}

/**
 * First start. Two processes starting at once on one DATA_DIR must agree:
 * the `current` pointer is created with link(), which fails if it exists,
 * and the loser uses the winner's key.
 */
function generateFileKey(dir: string): PrivateJwk {
  const jwk = createKeyFile(dir);
  const kid = kidSync(jwk);
  const pointer = join(dir, CURRENT_FILE);
  const tmp = join(dir, `.current-${randomBytes(6).toString('hex')}`);
  writeDurably(tmp, `${kid}\n`, 0o644);
  try {
    linkSync(tmp, pointer);
    syncDir(dir);
    log.info('sealing_key_generated', { kid });
    return jwk;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    unlinkSync(join(dir, `${kid}.jwk`));
    const winner = readKeyFiles(dir).current;
    if (!winner) throw new Error('sealing key pointer exists without a key', { cause: err });
    return winner;
  } finally {
    unlinkSync(tmp);
  }
}

function createKeyFile(dir: string): PrivateJwk {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const exported = privateKey.export({ format: 'jwk' });
  if (!isPrivateJwk(exported)) throw new Error('generated key is not an EC P-256 JWK');
  const jwk = stripJwk(exported);
  // 'wx': never overwrite a key file, whatever happens.
  writeDurably(join(dir, `${kidSync(jwk)}.jwk`), `${JSON.stringify(jwk)}\n`, 0o600, 'wx');
  syncDir(dir);
  return jwk;
}

/**
 * The same RFC 7638 thumbprint prefix as keyIdFor, synchronously, so all
 * file work happens before the first await (see keyRingFor).
 */
function kidSync(jwk: PublicEcJwk): string {
  const canonical = `{"crv":"${jwk.crv}","kty":"${jwk.kty}","x":"${jwk.x}","y":"${jwk.y}"}`;
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

function writeDurably(path: string, text: string, mode: number, flag = 'w'): void {
  const fd = openSync(path, flag, mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // umask may have removed bits; it cannot add any, but be explicit.
  chmodSync(path, mode);
}

/** Replaces a file whole, so a crash leaves the old one or the new one, never half of either. */
export function replaceFile(path: string, text: string, mode = 0o644): void {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeDurably(tmp, text, mode);
  renameSync(tmp, path);
  syncDir(join(path, '..'));
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems refuse fsync on a directory; the file itself is synced.
  }
}
