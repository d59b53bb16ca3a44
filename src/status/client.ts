/**
 * Asks the office where one request stands. The secret travels in a header,
 * never in the address; the answer is never cached by the browser.
 */
import type { KnownStatus } from '../storage/status-record';
import { STATUS_SECRET_HEADER, readStatusBody, statusUrl } from './contract';

export type StatusAnswer =
  | { kind: 'found'; status: KnownStatus }
  /** The office has no request with this id and secret (the server cannot tell which). */
  | { kind: 'not-found' }
  /** Offline, the server busy or broken: ask again later; the last known state stands. */
  | { kind: 'unavailable' };

const TIMEOUT_MS = 10_000;

export async function fetchStatus(
  apiBase: string,
  id: string,
  secret: string,
  fetchFn: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<StatusAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const res = await fetchFn(statusUrl(apiBase, id), {
      method: 'GET',
      headers: { [STATUS_SECRET_HEADER]: secret, Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
      signal: controller.signal,
    });
    if (res.status === 404) return { kind: 'not-found' };
    if (!res.ok) return { kind: 'unavailable' };
    const status = readStatusBody(await res.json().catch(() => null));
    return status ? { kind: 'found', status } : { kind: 'unavailable' };
  } catch {
    return { kind: 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
}
