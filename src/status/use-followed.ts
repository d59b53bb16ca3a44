import { useEffect, useState } from 'preact/hooks';
import { onOutboxChange } from '../outbox/outbox-store';
import { isEventMode, sessionTally } from '../event-mode/session';
import { listStatuses, onStatusChange } from '../storage/statuses';
import type { StatusRecord } from '../storage/status-record';
import { coalesce } from '../ui/coalesce';
import { listFollowed, type Followed } from './followed';

/** On a shared tablet only this person's requests: never the last person's. */
function visibleHere(f: Followed): boolean {
  if (!isEventMode()) return true;
  return !!f.sent && (sessionTally()?.submitted ?? []).includes(f.sent.id);
}

/** Calls `read` now, on every status (and outbox) change, bursts sharing one read, and when the page shows again. */
function watch(read: () => Promise<void>, outboxToo: boolean): () => void {
  const later = coalesce(read, 150);
  const stopStatus = onStatusChange(() => later());
  const stopOutbox = outboxToo ? onOutboxChange(() => later()) : () => {};
  const onVisible = () => document.visibilityState === 'visible' && later();
  document.addEventListener('visibilitychange', onVisible);
  void read();
  return () => {
    stopStatus();
    stopOutbox();
    later.cancel();
    document.removeEventListener('visibilitychange', onVisible);
  };
}

/** Every followed request with its last known answer, kept fresh; null until the first read. */
export function useFollowed(): Followed[] | null {
  const [list, setList] = useState<Followed[] | null>(null);
  useEffect(
    () =>
      watch(async () => {
        const all = await listFollowed().catch(() => []);
        setList(all.filter(visibleHere));
      }, true),
    [],
  );
  return list;
}

/** The stored answers by request id, for a list that already has its requests (the outbox). */
export function useStatusRecords(): ReadonlyMap<string, StatusRecord> {
  const [map, setMap] = useState<ReadonlyMap<string, StatusRecord>>(new Map());
  useEffect(
    () =>
      watch(async () => {
        const all = await listStatuses().catch(() => []);
        setMap(new Map(all.map((s) => [s.id, s])));
      }, false),
    [],
  );
  return map;
}
