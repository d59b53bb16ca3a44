import type { AppDeps } from './types';
import { openEngine } from './db/open';
import { loadIndexKeys } from './index-keys';
import { sealLegacyRequests } from './intake-legacy';
import { createIntakeStore } from './intake-store-sql';
import { loadKeyRing } from './keys';
import type { ServerSettings } from './settings';

/**
 * Everything the server (and the office CLI) opens at start, in order:
 * the database (migrated), the sealing keys, the index keys, the store,
 * then plaintext rows from older versions sealed. Any failure throws, so
 * the server does not start half-configured.
 */
export async function openIntake(
  settings: ServerSettings,
  env: Record<string, string | undefined> = process.env,
): Promise<Omit<AppDeps, 'now'>> {
  const db = await openEngine(settings);
  try {
    const ring = loadKeyRing({ dataDir: settings.dataDir, env });
    const { privateKey } = await ring;
    const indexKeys = loadIndexKeys(settings.dataDir, env);
    const store = createIntakeStore(db, async () => ({ privateKey, indexKeys }));
    await sealLegacyRequests(db, store, await ring);
    return { settings, db, store, ring };
  } catch (err) {
    await db.close();
    throw err;
  }
}
