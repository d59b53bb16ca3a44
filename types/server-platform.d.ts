/**
 * Node 20 has Web Crypto's key type on `globalThis.crypto` but its typings
 * name it only as `webcrypto.CryptoKey`; the shared sealing code and the
 * server's key ring use the Web name.
 */
type CryptoKey = import('node:crypto').webcrypto.CryptoKey;
