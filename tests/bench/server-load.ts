/**
 * What the server benches share: the rows intake writes, a pool of sealed
 * requests (each sent once), and the autocannon load that sends them.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import autocannon from 'autocannon';
import { canonicalJson } from '../../src/server/intake';
import { importServerPublicKey, keyIdFor, publicJwkOf, sealJson, type SealingKey } from '../../src/shared/seal';
import { validateRequest } from '../../src/shared/request-schema';
import { fullRequest } from './fixtures';
import { BenchError, withTimeout } from './util';

export interface Row {
  id: string;
  body: string;
  bodySha256: string;
  formTypes: string;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

export function makeRow(id: string, today: string, variant: number): { row: Row; plain: Record<string, unknown> } {
  const plain = fullRequest(id, today, variant);
  const checked = validateRequest(plain, today);
  if (!checked.ok) throw new BenchError(`the bench's request fixture is not valid any more: ${JSON.stringify(checked.issues)}`);
  return {
    plain,
    row: { id, body: canonicalJson(checked.value), bodySha256: sha256Hex(canonicalJson(plain)), formTypes: JSON.stringify(checked.value.case.formTypes) },
  };
}

/** One sealing key for every server of the run (SEALING_PRIVATE_KEYS), so one pool serves them all. */
export async function benchKey(): Promise<{ env: Record<string, string>; key: SealingKey }> {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  const pub = publicJwkOf(jwk);
  return {
    env: { SEALING_PRIVATE_KEYS: JSON.stringify([jwk]) },
    key: { kid: await keyIdFor(pub), publicKey: await importServerPublicKey(pub) },
  };
}

export interface Sealed {
  path: string;
  body: string;
}

export async function sealPool(key: SealingKey, today: string, count: number): Promise<Sealed[]> {
  const out: Sealed[] = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    const { plain } = makeRow(id, today, i);
    const envelope = await sealJson(plain, key, { requestId: id, purpose: 'request' });
    out.push({ path: `/api/v1/requests/${id}`, body: JSON.stringify(envelope) });
  }
  return out;
}

/** Sends each pooled request once (taken in order from `pool`, shared by concurrent cannons). */
export function cannon(url: string, pool: { items: Sealed[]; next: number }, connections: number, limit: { duration: number } | { amount: number }) {
  const state = { reused: 0 };
  const run = autocannon({
    url,
    connections,
    timeout: 10,
    ...limit,
    requests: [
      {
        method: 'PUT',
        setupRequest: (req) => {
          if (pool.next >= pool.items.length) state.reused++;
          const item = pool.items[pool.next++ % pool.items.length]!;
          return { ...req, method: 'PUT', path: item.path, body: item.body, headers: { 'content-type': 'application/json' } };
        },
      },
    ],
  });
  return { run, state };
}

export async function finish(c: ReturnType<typeof cannon>, seconds: number, what: string) {
  const result = await withTimeout(Promise.resolve(c.run), (seconds + 30) * 1000, what);
  if (result.non2xx > 0 || result.errors > 0) {
    const codes = Object.entries(result.statusCodeStats).map(([code, s]) => `${code}×${s.count}`).join(', ');
    throw new BenchError(`${what} had ${result.non2xx} non-2xx answers and ${result.errors} errors (${codes})`);
  }
  if (c.state.reused) throw new BenchError(`${what} outran the prepared requests (${c.state.reused} repeats)`);
  return result;
}
