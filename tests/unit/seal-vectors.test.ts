import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importServerPrivateKey, importServerPublicKey, keyIdFor, open, publicJwkOf, sealBytes, sealJson, type SealAad, type SealingKey } from '../../src/shared/seal';

/** The test vectors of docs/sealing-format.md: the last JSON block of the page. */
interface Jwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  d: string;
}
interface Vector {
  name: string;
  requestId: string;
  purpose: SealAad['purpose'];
  ephemeralKey: Jwk;
  iv: string;
  plaintext?: string;
  plaintextHex?: string;
  envelope?: Record<string, unknown>;
  binaryHex?: string;
}
const doc = readFileSync('docs/sealing-format.md', 'utf8');
const block = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].at(-1)?.[1];
if (!block) throw new Error('docs/sealing-format.md has no test vectors');
const spec = JSON.parse(block) as { serverKey: Jwk; kid: string; vectors: Vector[] };

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const subtle = globalThis.crypto.subtle;
const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

async function sealingKey(): Promise<SealingKey> {
  return { kid: spec.kid, publicKey: await importServerPublicKey(spec.serverKey) };
}

/** seal.ts draws its ephemeral key and IV from Web Crypto; here they are the vector's. */
async function fixRandomness(vector: Vector) {
  const { d, ...pub } = vector.ephemeralKey;
  const pair = {
    privateKey: await subtle.importKey('jwk', { ...pub, d }, EC, false, ['deriveBits']),
    publicKey: await subtle.importKey('jwk', pub, EC, true, []),
  };
  vi.spyOn(subtle, 'generateKey').mockResolvedValueOnce(pair as never);
  const realRandom = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    if (array instanceof Uint8Array && array.length === 12) {
      array.set(fromHex(vector.iv));
      return array;
    }
    return realRandom(array as never) as T;
  });
}

const lookup = async () => importServerPrivateKey(spec.serverKey);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the sealing format against its specification', () => {
  it('names the server key by its thumbprint', async () => {
    expect(await keyIdFor(publicJwkOf(spec.serverKey))).toBe(spec.kid);
  });

  it('seals a request to exactly the JSON envelope of the first vector', async () => {
    const vector = spec.vectors[0]!;
    await fixRandomness(vector);
    const envelope = await sealJson(JSON.parse(vector.plaintext!), await sealingKey(), { requestId: vector.requestId, purpose: vector.purpose });
    expect(envelope).toEqual(vector.envelope);
    expect(JSON.stringify(envelope)).toBe(JSON.stringify(vector.envelope));
  });

  it('seals a file to exactly the binary envelope of the second vector', async () => {
    const vector = spec.vectors[1]!;
    await fixRandomness(vector);
    const bytes = await sealBytes(fromHex(vector.plaintextHex!), await sealingKey(), { requestId: vector.requestId, purpose: vector.purpose });
    expect(hex(bytes)).toBe(vector.binaryHex);
  });

  it('opens both vectors with the server key, as an installed device sealed them', async () => {
    const [json, binary] = spec.vectors as [Vector, Vector];
    const fromJson = await open(json.envelope, lookup, { requestId: json.requestId, purpose: json.purpose });
    expect(new TextDecoder().decode(fromJson)).toBe(json.plaintext);
    const fromBinary = await open(fromHex(binary.binaryHex!), lookup, { requestId: binary.requestId, purpose: binary.purpose });
    expect(hex(fromBinary)).toBe(binary.plaintextHex);
  });

  it('refuses a vector opened as another request or file', async () => {
    const [json, binary] = spec.vectors as [Vector, Vector];
    await expect(open(json.envelope, lookup, { requestId: json.requestId, purpose: 'attachment:x' })).rejects.toMatchObject({ code: 'decrypt_failed' });
    const moved = { ...json.envelope, aad: undefined };
    await expect(open(moved, lookup, { requestId: 'another-request', purpose: 'request' })).rejects.toMatchObject({ code: 'decrypt_failed' });
    await expect(open(fromHex(binary.binaryHex!), lookup, { requestId: binary.requestId, purpose: 'request' })).rejects.toMatchObject({ code: 'decrypt_failed' });
  });
});
