/**
 * The page's way to ask the office: one run at a time (a later ask waits
 * for the running one, then runs with its own options), the API base read
 * once from /config.json.
 */
import { resolveApiBase } from '../outbox/api-base';
import { refreshStatuses, type RefreshSummary } from './refresh';

let apiBase: Promise<string> | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** `minAgeMs`: skip requests checked more recently than this (automatic checks); 0 asks about all. */
export function checkStatuses(minAgeMs = 0, ids?: readonly string[]): Promise<RefreshSummary> {
  const run = queue.catch(() => {}).then(async () => {
    apiBase ??= resolveApiBase();
    return refreshStatuses({ apiBase: await apiBase, minAgeMs, ...(ids ? { ids } : {}) });
  });
  queue = run;
  return run;
}
