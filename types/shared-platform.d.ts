/**
 * The few Web platform globals src/shared may use: the ones that browsers,
 * service workers and Node 20 all provide (Web Crypto, TextEncoder/Decoder).
 * Declared here rather than through the DOM or Node libraries, so code that
 * needs `document`, `window` or `node:*` fails to type-check in shared/.
 */
type SharedBytes = ArrayBuffer | ArrayBufferView;
type SharedAlgorithm = string | { name: string; [param: string]: unknown };

interface CryptoKey {
  readonly algorithm: { name: string };
  readonly extractable: boolean;
  readonly type: 'public' | 'private' | 'secret';
  readonly usages: string[];
}
interface CryptoKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}
interface JsonWebKey {
  [member: string]: unknown;
}
interface SubtleCrypto {
  digest(algorithm: SharedAlgorithm, data: SharedBytes): Promise<ArrayBuffer>;
  importKey(format: 'jwk', key: JsonWebKey, algorithm: SharedAlgorithm, extractable: boolean, usages: string[]): Promise<CryptoKey>;
  importKey(format: 'raw', key: SharedBytes, algorithm: SharedAlgorithm, extractable: boolean, usages: string[]): Promise<CryptoKey>;
  exportKey(format: 'jwk', key: CryptoKey): Promise<JsonWebKey>;
  generateKey(algorithm: SharedAlgorithm, extractable: boolean, usages: string[]): Promise<CryptoKeyPair>;
  deriveBits(algorithm: SharedAlgorithm, baseKey: CryptoKey, length: number): Promise<ArrayBuffer>;
  deriveKey(algorithm: SharedAlgorithm, baseKey: CryptoKey, derivedKeyType: SharedAlgorithm, extractable: boolean, usages: string[]): Promise<CryptoKey>;
  encrypt(algorithm: SharedAlgorithm, key: CryptoKey, data: SharedBytes): Promise<ArrayBuffer>;
  decrypt(algorithm: SharedAlgorithm, key: CryptoKey, data: SharedBytes): Promise<ArrayBuffer>;
}
interface Crypto {
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  randomUUID(): string;
}
// A global must be a `var` to sit on globalThis.
// eslint-disable-next-line no-var
declare var crypto: Crypto;

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: SharedBytes): string;
}

declare class Blob {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}
