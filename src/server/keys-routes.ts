import type { ApiRoutes } from './types';
import { keyRingFor, type KeyRing } from './keys';
import { log } from './log';
import { SEAL_ALG } from '../shared/seal';

/** Body of GET /api/v1/keys; parsed on the device by src/outbox/server-key.ts. */
export function keysResponse(ring: KeyRing) {
  return {
    current: ring.current.kid,
    keys: ring.publicKeys().map(({ kid, publicJwk }) => ({ kid, jwk: publicJwk, alg: SEAL_ALG })),
  };
}

/**
 * The sealing keys are public: `no-cache` (not no-store) lets the service
 * worker and the HTTP cache keep them for offline use while every online
 * fetch revalidates, so a rotation reaches devices on their next connection.
 */
export const keysRoutes: ApiRoutes = (api, deps) => {
  // Start loading now so a first start generates its key before any request
  // needs it, and a broken key configuration shows in the log at boot.
  keyRingFor(deps).catch((err: unknown) => log.error('sealing_keys_unavailable', err));

  api.get('/keys', async (c) => {
    const ring = await keyRingFor(deps);
    const etag = `"${ring.publicKeys().map((k) => k.kid).join('.')}"`;
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', etag);
    const inm = c.req.header('If-None-Match');
    if (inm && inm.split(/\s*,\s*/).includes(etag)) return c.body(null, 304);
    return c.json(keysResponse(ring));
  });
};
