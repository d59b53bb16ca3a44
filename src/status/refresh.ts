/**
 * Asks the office about every followed request, one at a time, and keeps
 * each answer. Run by the page (on open, when back online, on "Check now")
 * and by the worker (Periodic Background Sync). No DOM.
 */
import { recordCheck } from '../storage/statuses';
import { fetchStatus } from './client';
import { listFollowed } from './followed';

export const PERIODIC_TAG = 'status-refresh';

export interface RefreshOptions {
  apiBase: string;
  /** Only these requests (by wire id); all when absent. */
  ids?: readonly string[];
  /** Skip a request whose last answer is younger than this (ms): opening the app twice is not news. */
  minAgeMs?: number;
  now?: () => number;
  fetchFn?: typeof fetch;
}

export interface RefreshSummary {
  checked: number;
  /** True when the office could not be reached: what is shown is the last known state. */
  unreachable: boolean;
}

export async function refreshStatuses(options: RefreshOptions): Promise<RefreshSummary> {
  const now = options.now ?? Date.now;
  const minAge = options.minAgeMs ?? 0;
  const wanted = options.ids ? new Set(options.ids) : null;
  const due = (await listFollowed()).filter(
    (f) => (!wanted || wanted.has(f.id)) && (f.record?.checkedAt === undefined || now() - f.record.checkedAt >= minAge),
  );
  let checked = 0;
  for (const f of due) {
    const answer = await fetchStatus(options.apiBase, f.id, f.secret, options.fetchFn);
    // Offline or the server busy: the others would fail the same way; the next trigger tries again.
    if (answer.kind === 'unavailable') return { checked, unreachable: true };
    await recordCheck(f.id, answer.kind === 'found' ? answer.status : null, now());
    checked++;
  }
  return { checked, unreachable: false };
}
