import * as v from 'valibot';
import {
  KidSchema,
  PublicEcJwkSchema,
  SEAL_ALG,
  importServerPublicKey,
  keyIdFor,
  publicJwkOf,
  type SealingKey,
} from '../shared/seal';

/**
 * The intake server's sealing keys as the page and the worker see them:
 * fetch, validate, choose, import. No storage here; whoever keeps the
 * outbox caches the parsed response (the worker also runtime-caches the URL).
 */

export type ServerKeyErrorCode =
  /** The server answered with a non-2xx status. */
  | 'http_status'
  /** The body is not a keys response. */
  | 'bad_response'
  /** No key in the response uses an algorithm this app can seal with. */
  | 'no_usable_key'
  /** The published kid is not the thumbprint of the published key. */
  | 'kid_mismatch';

export class ServerKeyError extends Error {
  override readonly name = 'ServerKeyError';
  constructor(
    readonly code: ServerKeyErrorCode,
    readonly status?: number,
  ) {
    super(code);
  }
}

const KeyEntrySchema = v.object({
  kid: KidSchema,
  // Any string: a newer server may publish keys for algorithms this build does not know.
  alg: v.pipe(v.string(), v.maxLength(100)),
  // Not strict: a JWK may carry more public members (kid, use, alg); only these four are kept.
  jwk: v.object({ kty: v.string(), crv: v.string(), x: v.string(), y: v.string() }),
});

export const KeysResponseSchema = v.pipe(
  v.object({
    current: KidSchema,
    keys: v.pipe(v.array(KeyEntrySchema), v.minLength(1), v.maxLength(32)),
  }),
  v.check((r) => r.keys.some((k) => k.kid === r.current), 'current key is not listed'),
);

export interface ServerKeyEntry {
  kid: string;
  alg: string;
  /** Public members only for supported keys; as published otherwise. */
  jwk: { kty: string; crv: string; x: string; y: string };
}

export interface KeysResponse {
  current: string;
  keys: ServerKeyEntry[];
}

export function parseKeysResponse(json: unknown): KeysResponse {
  const result = v.safeParse(KeysResponseSchema, json);
  if (!result.success) throw new ServerKeyError('bad_response');
  const { current, keys } = result.output;
  return {
    current,
    keys: keys.map(({ kid, alg, jwk }) => {
      if (alg !== SEAL_ALG) return { kid, alg, jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } };
      const pub = v.safeParse(PublicEcJwkSchema, { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
      if (!pub.success) throw new ServerKeyError('bad_response');
      return { kid, alg, jwk: pub.output };
    }),
  };
}

/**
 * The key to seal to: the current one when this build supports its
 * algorithm, otherwise another published key it supports (the server still
 * opens what is sealed to any key it publishes). Undefined when none fits.
 */
export function pickSealingKey(keys: KeysResponse): ServerKeyEntry | undefined {
  const usable = keys.keys.filter((k) => k.alg === SEAL_ALG);
  return usable.find((k) => k.kid === keys.current) ?? usable[0];
}

/** Imports a picked entry for seal(), checking that its kid really names its key. */
export async function importSealingKey(entry: ServerKeyEntry): Promise<SealingKey> {
  if (entry.alg !== SEAL_ALG) throw new ServerKeyError('no_usable_key');
  const publicKey = await importServerPublicKey(entry.jwk);
  const kid = await keyIdFor(publicJwkOf(entry.jwk));
  if (kid !== entry.kid) throw new ServerKeyError('kid_mismatch');
  return { kid, publicKey };
}

export interface FetchServerKeysOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/**
 * GET {apiBase}/keys, where apiBase is the `apiBase` of config.json
 * (e.g. "/api/v1" or "https://intake.example.org/api/v1"). Network errors
 * reject as fetch rejects; a bad status or body as ServerKeyError.
 */
export async function fetchServerKeys(apiBase: string, options: FetchServerKeysOptions = {}): Promise<KeysResponse> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = `${apiBase.replace(/\/+$/, '')}/keys`;
  const res = await doFetch(url, { headers: { Accept: 'application/json' }, signal: options.signal });
  if (!res.ok) throw new ServerKeyError('http_status', res.status);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ServerKeyError('bad_response', res.status);
  }
  return parseKeysResponse(json);
}
