import { createHash } from 'node:crypto';
import type { AppDeps } from '../types';
import type { KeyRing } from '../keys';
import { SealError, open, type SealPurpose } from '../../shared/seal';
import type { AttachmentRef } from '../../shared/request-schema';

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Every referenced file must be pending under `ownerId`, open with its
 * binding, and hash to what the body says; the first upload that does is
 * taken (junk may wait beside it). Those without a match are "missing":
 * the device sends them again. The same rule as the request's own files.
 */
export async function pickPending(
  deps: AppDeps,
  ring: KeyRing,
  ownerId: string,
  refs: readonly AttachmentRef[],
  purposeOf: (attachmentId: string) => SealPurpose,
): Promise<{ files: { attachmentId: string; sealedSha256: string }[] } | { missing: string[] }> {
  const files: { attachmentId: string; sealedSha256: string }[] = [];
  const missing: string[] = [];
  for (const ref of refs) {
    let picked: string | undefined;
    for (const candidate of await deps.store.pendingCandidates(ownerId, ref.id)) {
      try {
        const data = await open(candidate.sealed, ring.privateKey, { requestId: ownerId, purpose: purposeOf(ref.id) });
        if (data.length === ref.size && sha256Hex(data) === ref.sha256) {
          picked = candidate.sealedSha256;
          break;
        }
      } catch (err) {
        if (!(err instanceof SealError)) throw err;
      }
    }
    if (picked) files.push({ attachmentId: ref.id, sealedSha256: picked });
    else missing.push(ref.id);
  }
  return missing.length ? { missing } : { files };
}
