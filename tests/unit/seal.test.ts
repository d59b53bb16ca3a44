import { describe, expect, it } from 'vitest';
import {
  MAX_SEAL_BYTES,
  SEAL_ALG,
  SealError,
  aadString,
  b64urlDecode,
  b64urlEncode,
  decodeBinaryEnvelope,
  encodeBinaryEnvelope,
  importServerPublicKey,
  jwkThumbprint,
  keyIdFor,
  open,
  openJson,
  parseEnvelope,
  publicJwkOf,
  seal,
  sealBytes,
  sealJson,
  type PrivateKeyLookup,
  type SealAad,
  type SealedEnvelope,
  type SealingKey,
} from '../../src/shared/seal';

const subtle = globalThis.crypto.subtle;

interface ServerPair {
  sealing: SealingKey;
  privateKey: CryptoKey;
}

async function serverPair(): Promise<ServerPair> {
  const pair = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const publicJwk = publicJwkOf(await subtle.exportKey('jwk', pair.publicKey));
  const kid = await keyIdFor(publicJwk);
  return { sealing: { kid, publicKey: await importServerPublicKey(publicJwk) }, privateKey: pair.privateKey };
}

const ring =
  (...pairs: ServerPair[]): PrivateKeyLookup =>
  (kid) =>
    pairs.find((p) => p.sealing.kid === kid)?.privateKey;

const REQ: SealAad = { requestId: 'req-0001', purpose: 'request' };
const ATT: SealAad = { requestId: 'req-0001', purpose: 'attachment:att-1' };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof SealError) return err.code;
    throw err;
  }
  return 'opened';
}

function flipByte(b64: string, index: number): string {
  const bytes = b64urlDecode(b64);
  bytes[index] = bytes[index]! ^ 0x01;
  return b64urlEncode(bytes);
}

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let o = 0; o < n; o += 65536) globalThis.crypto.getRandomValues(out.subarray(o, Math.min(n, o + 65536)));
  return out;
}

/** toEqual walks a typed array element by element: far too slow for megabytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

const request = { id: 'req-0001', forms: ['I-130'], story: 'Mi caso lleva 14 meses sin respuesta. 日本語も' };

describe('base64url', () => {
  it('round-trips every length and remainder', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = randomBytes(n);
      const text = b64urlEncode(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(text.length).toBe(Math.ceil((n * 4) / 3));
      expect(b64urlDecode(text)).toEqual(bytes);
    }
  });

  it('matches Node base64url and refuses non-canonical input', () => {
    const bytes = randomBytes(1000);
    expect(b64urlEncode(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    expect(() => b64urlDecode('AB=')).toThrow();
    expect(() => b64urlDecode('A')).toThrow();
    expect(() => b64urlDecode('AB+/')).toThrow();
    // "AB" leaves non-zero unused bits: a second spelling of the byte 0x00 must not exist.
    expect(b64urlDecode('AA')).toEqual(new Uint8Array([0]));
    expect(() => b64urlDecode('AB')).toThrow();
  });
});

describe('seal and open', () => {
  it('round-trips a JSON request, and the envelope has the documented shape', async () => {
    const server = await serverPair();
    const env = await sealJson(request, server.sealing, REQ);
    expect(Object.keys(env).sort()).toEqual(['aad', 'alg', 'ct', 'epk', 'iv', 'kid', 'v']);
    expect(env).toMatchObject({ v: 1, alg: SEAL_ALG, kid: server.sealing.kid, aad: aadString(REQ) });
    expect(Object.keys(env.epk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(b64urlDecode(env.iv)).toHaveLength(12);
    expect(JSON.stringify(env)).not.toContain('14 meses');
    // Through JSON, as it travels and as it is stored.
    const wire: unknown = JSON.parse(JSON.stringify(env));
    expect(await openJson(wire, ring(server), REQ)).toEqual(request);
  });

  it('never reuses a key or IV: the same plaintext seals differently each time', async () => {
    const server = await serverPair();
    const a = await sealJson(request, server.sealing, REQ);
    const b = await sealJson(request, server.sealing, REQ);
    expect(a.iv).not.toBe(b.iv);
    expect(a.epk.x).not.toBe(b.epk.x);
    expect(a.ct).not.toBe(b.ct);
  });

  it('round-trips a 3 MB attachment as a Blob, as bytes and as a binary envelope', async () => {
    const server = await serverPair();
    const file = randomBytes(3 * 1024 * 1024);

    const fromBlob = await seal(new Blob([file]), server.sealing, ATT);
    expect(sameBytes(await open(fromBlob, ring(server), ATT), file)).toBe(true);

    const binary = await sealBytes(file, server.sealing, ATT);
    // Raw ciphertext: the tag and a header of a few hundred bytes, not 4/3 of the file.
    expect(binary.length - file.length).toBeGreaterThan(16);
    expect(binary.length - file.length).toBeLessThan(600);
    expect(sameBytes(await open(binary, ring(server), ATT), file)).toBe(true);
    // As a server receives it: an ArrayBuffer, and a view into a larger buffer.
    const copy = binary.slice().buffer;
    expect(sameBytes(await open(copy, ring(server), ATT), file)).toBe(true);
    const padded = new Uint8Array(binary.length + 10);
    padded.set(binary, 5);
    expect(sameBytes(await open(padded.subarray(5, 5 + binary.length), ring(server), ATT), file)).toBe(true);
  });

  it('refuses to seal more than MAX_SEAL_BYTES', async () => {
    const server = await serverPair();
    expect(await codeOf(seal(new Uint8Array(MAX_SEAL_BYTES + 1), server.sealing, ATT))).toBe('too_large');
  });

  it('cannot be opened without the private key, or with another key pair', async () => {
    const server = await serverPair();
    const other = await serverPair();
    const env = await sealJson(request, server.sealing, REQ);
    expect(await codeOf(open(env, () => undefined, REQ))).toBe('unknown_kid');
    expect(await codeOf(open(env, ring(other), REQ))).toBe('unknown_kid');
    // Another private key answering for the kid (a mixed-up key file): still nothing.
    expect(await codeOf(open(env, () => other.privateKey, REQ))).toBe('decrypt_failed');
  });

  it('answers unknown_kid for a kid the ring does not hold', async () => {
    const server = await serverPair();
    const env = await sealJson(request, server.sealing, REQ);
    expect(await codeOf(open({ ...env, kid: 'AAAAAAAAAAAAAAAA' }, ring(server), REQ))).toBe('unknown_kid');
  });

  describe('tampering', () => {
    it('one byte of the ciphertext (body or tag)', async () => {
      const server = await serverPair();
      const env = await sealJson(request, server.sealing, REQ);
      const n = b64urlDecode(env.ct).length;
      for (const i of [0, Math.floor(n / 2), n - 1]) {
        expect(await codeOf(open({ ...env, ct: flipByte(env.ct, i) }, ring(server), REQ))).toBe('decrypt_failed');
      }
    });

    it('one byte of the IV', async () => {
      const server = await serverPair();
      const env = await sealJson(request, server.sealing, REQ);
      expect(await codeOf(open({ ...env, iv: flipByte(env.iv, 3) }, ring(server), REQ))).toBe('decrypt_failed');
    });

    it('the ephemeral key: one byte, or a swap for another valid key', async () => {
      const server = await serverPair();
      const env = await sealJson(request, server.sealing, REQ);
      const other = await sealJson(request, server.sealing, REQ);
      for (const epk of [
        { ...env.epk, x: flipByte(env.epk.x, 31) },
        { ...env.epk, y: flipByte(env.epk.y, 0) },
        other.epk,
      ]) {
        expect(await codeOf(open({ ...env, epk }, ring(server), REQ))).toBe('decrypt_failed');
      }
    });

    it('a different request id or purpose (a body moved elsewhere)', async () => {
      const server = await serverPair();
      const env = await sealJson(request, server.sealing, REQ);
      const elsewhere: SealAad[] = [
        { requestId: 'req-0002', purpose: 'request' },
        { requestId: 'req-0001', purpose: 'attachment:att-1' },
      ];
      for (const aad of elsewhere) {
        expect(await codeOf(open(env, ring(server), aad))).toBe('decrypt_failed');
        // Rewriting the informative aad field does not help: GCM checks the expected one.
        const rewritten = { ...env, aad: aadString(aad) };
        expect(await codeOf(open(rewritten, ring(server), aad))).toBe('decrypt_failed');
        const { aad: _dropped, ...bare } = env;
        expect(await codeOf(open(bare, ring(server), aad))).toBe('decrypt_failed');
      }
      const att = await sealBytes(randomBytes(100), server.sealing, ATT);
      expect(await codeOf(open(att, ring(server), { requestId: 'req-0001', purpose: 'attachment:att-2' }))).toBe(
        'decrypt_failed',
      );
    });

    it('one byte anywhere in a binary envelope never opens', async () => {
      const server = await serverPair();
      const binary = await sealBytes(randomBytes(64), server.sealing, ATT);
      for (let i = 0; i < binary.length; i += 7) {
        const copy = binary.slice();
        copy[i] = copy[i]! ^ 0x20;
        expect(['decrypt_failed', 'bad_envelope', 'unknown_kid']).toContain(await codeOf(open(copy, ring(server), ATT)));
      }
    });
  });

  it('opens an envelope sealed to a rotated key while the ring keeps it', async () => {
    const oldKey = await serverPair();
    const newKey = await serverPair();
    const env = await sealJson(request, oldKey.sealing, REQ);
    expect(await openJson(env, ring(newKey, oldKey), REQ)).toEqual(request);
    expect(await codeOf(open(env, ring(newKey), REQ))).toBe('unknown_kid');
  });
});

describe('envelope validation', () => {
  it('refuses malformed envelopes with bad_envelope', async () => {
    const server = await serverPair();
    const env = await sealJson(request, server.sealing, REQ);
    const bad: unknown[] = [
      null,
      'text',
      42,
      {},
      { ...env, v: 2 },
      { ...env, alg: 'RSA-OAEP' },
      { ...env, extra: true },
      { ...env, iv: 'short' },
      { ...env, ct: 'AAAA' },
      { ...env, ct: `${env.ct}*` },
      { ...env, epk: { ...env.epk, crv: 'P-384' } },
      { ...env, epk: { ...env.epk, d: env.epk.x } },
      { ...env, kid: '../../etc/passwd' },
    ];
    for (const input of bad) {
      expect(await codeOf(open(input, ring(server), REQ))).toBe('bad_envelope');
    }
    expect(() => parseEnvelope({ ...env, v: 2 })).toThrow(SealError);
    expect(parseEnvelope(JSON.parse(JSON.stringify(env)))).toEqual(env);
  });

  it('binary envelope: JSON ⇄ binary round trip, and garbage is bad_envelope', async () => {
    const server = await serverPair();
    const env = await sealJson(request, server.sealing, REQ);
    const binary = encodeBinaryEnvelope(env);
    const decoded = decodeBinaryEnvelope(binary);
    const { ct, ...header } = env;
    expect(decoded.header).toEqual(header);
    expect(b64urlEncode(decoded.ct)).toBe(ct);
    expect(encodeBinaryEnvelope(decoded)).toEqual(binary);
    expect(await openJson(binary, ring(server), REQ)).toEqual(request);
    expect(await openJson(decoded, ring(server), REQ)).toEqual(request);

    const garbage = [
      new Uint8Array(0),
      randomBytes(100),
      binary.subarray(0, 7),
      binary.subarray(0, binary.length - decoded.ct.length + 3),
      (() => {
        const b = binary.slice();
        new DataView(b.buffer).setUint32(4, 0xffffffff);
        return b;
      })(),
    ];
    for (const bytes of garbage) {
      expect(() => decodeBinaryEnvelope(bytes)).toThrow(SealError);
      expect(await codeOf(open(bytes, ring(server), REQ))).toBe('bad_envelope');
    }
  });

  it('refuses sealed content that is not JSON in openJson', async () => {
    const server = await serverPair();
    const env = await seal(new Uint8Array([0xff, 0xfe, 0x00]), server.sealing, REQ);
    expect(await codeOf(openJson(env, ring(server), REQ))).toBe('bad_envelope');
  });
});

describe('keys and AAD', () => {
  it('kid is the RFC 7638 thumbprint prefix (RFC 7638 §3.1 is RSA; check the EC canonical form)', async () => {
    const jwk = publicJwkOf({
      kty: 'EC',
      crv: 'P-256',
      x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
      y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
    });
    const canonical = '{"crv":"P-256","kty":"EC","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}';
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update(canonical).digest('base64url');
    expect(await jwkThumbprint(jwk)).toBe(expected);
    expect(await keyIdFor(jwk)).toBe(expected.slice(0, 16));
  });

  it('importServerPublicKey drops private members and refuses non-P-256 keys', async () => {
    const pair = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const priv = await subtle.exportKey('jwk', pair.privateKey);
    const key = await importServerPublicKey(priv);
    expect(key.type).toBe('public');
    expect(await codeOf(importServerPublicKey({ kty: 'RSA', n: 'AQAB', e: 'AQAB' }))).toBe('bad_key');
    expect(await codeOf(importServerPublicKey({ ...priv, x: priv.y!.replace(/^./, 'A') }))).toBe('bad_key');
  });

  it('seal refuses a key that is not an ECDH public key', async () => {
    const aes = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    expect(await codeOf(sealJson(request, { kid: 'abc', publicKey: aes }, REQ))).toBe('bad_key');
  });

  it('AAD text is canonical and rejects nonsense purposes', () => {
    expect(aadString(REQ)).toBe('["req-0001","request"]');
    expect(aadString(ATT)).toBe('["req-0001","attachment:att-1"]');
    expect(() => aadString({ requestId: '', purpose: 'request' })).toThrow(TypeError);
    expect(() => aadString({ requestId: 'x', purpose: 'attachment:' })).toThrow(TypeError);
    expect(() => aadString({ requestId: 'x', purpose: 'other' as 'request' })).toThrow(TypeError);
  });

  it('a sealed envelope is typed for storage as plain JSON', async () => {
    const server = await serverPair();
    const env: SealedEnvelope = await sealJson(request, server.sealing, REQ);
    expect(structuredClone(env)).toEqual(env);
  });
});
