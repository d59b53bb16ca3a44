/**
 * The statuses store: the office's last known answer per request, so the
 * Requests list and the status page have something to show offline, and
 * the secrets of requests opened from a status link. Change notices carry
 * only the request's random id, to this page and to other tabs and the worker.
 */
import { getDb } from './db';
import type { KnownStatus, StatusRecord } from './status-record';

const CHANNEL = 'ombuds-status';
const localListeners = new Set<(id: string) => void>();
let sender: BroadcastChannel | null = null;

function publish(id: string): void {
  for (const l of localListeners) l(id);
  if (typeof BroadcastChannel === 'undefined') return;
  try {
    sender ??= new BroadcastChannel(CHANNEL);
    sender.postMessage({ id });
  } catch {
    // The page reads the store again when it becomes visible.
  }
}

/** Called with the id of each status record that changed, here or in another tab or the worker. */
export function onStatusChange(listener: (id: string) => void): () => void {
  localListeners.add(listener);
  let channel: BroadcastChannel | null = null;
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent) => {
      const id = (event.data as { id?: unknown } | null)?.id;
      if (typeof id === 'string') listener(id);
    };
  }
  return () => {
    localListeners.delete(listener);
    channel?.close();
  };
}

export async function getStatus(id: string): Promise<StatusRecord | undefined> {
  return (await getDb()).get('statuses', id);
}

export async function listStatuses(): Promise<StatusRecord[]> {
  return (await getDb()).getAll('statuses');
}

/** Reads, changes and writes one record in one transaction, so two checks never undo each other. */
async function update(id: string, change: (current: StatusRecord) => StatusRecord): Promise<StatusRecord> {
  const tx = (await getDb()).transaction('statuses', 'readwrite');
  const next = change((await tx.store.get(id)) ?? { id });
  await tx.store.put(next);
  await tx.done;
  publish(id);
  return next;
}

/** A status link was opened on this device: keep its secret (a newer link for the same request wins). */
export function followLink(link: { id: string; secret: string; confirmation?: string }, now: number): Promise<StatusRecord> {
  return update(link.id, (current) => {
    const next: StatusRecord = {
      ...current,
      secret: link.secret,
      localId: current.localId ?? crypto.randomUUID(),
      addedAt: current.secret === link.secret ? (current.addedAt ?? now) : now,
    };
    if (link.confirmation) next.confirmation = link.confirmation;
    return next;
  });
}

/** The office answered: its state, or (known === null) that it has no such request for this secret. */
export function recordCheck(id: string, known: KnownStatus | null, checkedAt: number): Promise<StatusRecord> {
  return update(id, (current) => {
    // A slower, older check must not replace a newer one's answer.
    if (current.checkedAt !== undefined && current.checkedAt > checkedAt) return current;
    const next: StatusRecord = { ...current, checkedAt };
    if (known) {
      next.known = known;
      delete next.notFound;
    } else next.notFound = true;
    return next;
  });
}

/** Stops following a request on this device. */
export async function forgetStatus(id: string): Promise<void> {
  await (await getDb()).delete('statuses', id);
  publish(id);
}

/**
 * A shared tablet keeps nobody's status: every status secret on delivered
 * outbox records and every stored answer go, in one transaction. The
 * records themselves stay (the officer's counts read them).
 */
export async function forgetAllStatusSecrets(): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['outbox', 'statuses'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const ids = await tx.objectStore('statuses').getAllKeys();
  let cursor = await outbox.openCursor();
  while (cursor) {
    const record = cursor.value;
    if (record.state === 'delivered' && record.statusSecret !== undefined) {
      const { statusSecret: _gone, ...kept } = record;
      await cursor.update(kept);
    }
    cursor = await cursor.continue();
  }
  await tx.objectStore('statuses').clear();
  await tx.done;
  ids.forEach((id) => publish(id));
}
