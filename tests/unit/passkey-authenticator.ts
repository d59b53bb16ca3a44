/**
 * A software authenticator for the server's passkey tests: a P-256 key
 * made with node:crypto, 'none' attestation, and assertions signed as a
 * real authenticator signs them (authenticatorData ‖ SHA-256(clientDataJSON)).
 * Every field a test may want to get wrong (origin, RP id, counter, flags,
 * challenge) is a parameter.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

type Cbor = number | string | Uint8Array | Cbor[] | Map<number | string, Cbor>;

function head(major: number, n: number): number[] {
  if (n < 24) return [(major << 5) | n];
  if (n < 256) return [(major << 5) | 24, n];
  if (n < 65536) return [(major << 5) | 25, n >> 8, n & 255];
  return [(major << 5) | 26, (n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The few CBOR types WebAuthn's attestation object and COSE key use. */
function cbor(value: Cbor): number[] {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = [...Buffer.from(value, 'utf8')];
    return [...head(3, bytes.length), ...bytes];
  }
  if (value instanceof Uint8Array) return [...head(2, value.length), ...value];
  if (Array.isArray(value)) return [...head(4, value.length), ...value.flatMap(cbor)];
  return [...head(5, value.size), ...[...value].flatMap(([k, v]) => [...cbor(k), ...cbor(v)])];
}

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export interface Ceremony {
  challenge: string;
  origin: string;
  rpId: string;
  /** User verified (default true). */
  uv?: boolean;
}

export class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly key: { privateKey: KeyObject; publicKey: KeyObject } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  counter = 0;

  get id(): string {
    return b64url(this.credentialId);
  }

  private authData(rpId: string, flags: number, counter: number, attested: number[] = []): Buffer {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), c, Buffer.from(attested)]);
  }

  private coseKey(): Uint8Array {
    const jwk = this.key.publicKey.export({ format: 'jwk' });
    const map = new Map<number, Cbor>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]);
    return Uint8Array.from(cbor(map));
  }

  /** navigator.credentials.create()'s answer, as @simplewebauthn/browser sends it. */
  register(c: Ceremony) {
    const clientDataJSON = JSON.stringify({ type: 'webauthn.create', challenge: c.challenge, origin: c.origin, crossOrigin: false });
    const idLength = [this.credentialId.length >> 8, this.credentialId.length & 255];
    const attested = [...Buffer.alloc(16), ...idLength, ...this.credentialId, ...this.coseKey()];
    const flags = FLAG_UP | FLAG_AT | (c.uv === false ? 0 : FLAG_UV);
    const authData = this.authData(c.rpId, flags, this.counter, attested);
    const attestationObject = Uint8Array.from(cbor(new Map<string, Cbor>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]])));
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ['internal'] },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }

  /** navigator.credentials.get()'s answer; the counter moves on by one unless `counter` is given. */
  assert(c: Ceremony & { counter?: number }) {
    const counter = c.counter ?? (this.counter += 1);
    const clientDataJSON = JSON.stringify({ type: 'webauthn.get', challenge: c.challenge, origin: c.origin, crossOrigin: false });
    const authData = this.authData(c.rpId, FLAG_UP | (c.uv === false ? 0 : FLAG_UV), counter);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.key.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature) },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }
}
