import type { KeyRing } from '../keys';
import { importServerPublicKey, openJson, sealJson } from '../../shared/seal';

/**
 * Office data that may hold personal data (notes, the "referred to" text,
 * the note to the person) and staff TOTP secrets are sealed at rest to the
 * server's current sealing key, the same keys as the requests: a copy of
 * the database alone shows none of it, and key rotation works the same.
 * The AAD binds each item to its row and its kind, so one cannot be moved
 * into another's place.
 */
export interface SealedText {
  seal(value: unknown, rowId: string, kind: string): Promise<Uint8Array>;
  open(sealed: Uint8Array, rowId: string, kind: string): Promise<unknown>;
}

export function sealedText(ring: () => Promise<KeyRing>): SealedText {
  let current: Promise<{ kid: string; publicKey: CryptoKey }> | undefined;
  return {
    async seal(value, rowId, kind) {
      const r = await ring();
      if (!current || (await current).kid !== r.current.kid) {
        current = importServerPublicKey(r.current.publicJwk).then((publicKey) => ({ kid: r.current.kid, publicKey }));
      }
      const envelope = await sealJson(value, await current, { requestId: rowId, purpose: `office:${kind}` });
      return new TextEncoder().encode(JSON.stringify(envelope));
    },
    async open(sealed, rowId, kind) {
      const r = await ring();
      const envelope = JSON.parse(Buffer.from(sealed).toString('utf8')) as unknown;
      return openJson(envelope, (kid) => r.privateKey(kid), { requestId: rowId, purpose: `office:${kind}` });
    },
  };
}

