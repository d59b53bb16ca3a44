import { useEffect, useState } from 'preact/hooks';
import { listOutbox, onOutboxChange } from '../outbox/outbox-store';
import type { OutboxRecord } from '../storage/outbox-record';
import { isUnsent } from '../outbox/state';
import { isEventMode, sessionTally } from '../event-mode/session';

/**
 * On a shared tablet the next person must not see what earlier people sent
 * (not even form types): in event mode only this session's requests show.
 * The officer's counts read the store directly.
 */
function visibleToThisPerson(record: OutboxRecord): boolean {
  return !isEventMode() || (sessionTally()?.submitted ?? []).includes(record.id);
}

/**
 * The outbox as the page shows it, kept fresh: on every change notice (this
 * tab, other tabs, the service worker) and when the page becomes visible.
 * Null until the first read; an empty list when storage cannot be read.
 */
export function useOutboxRecords(): OutboxRecord[] | null {
  const [records, setRecords] = useState<OutboxRecord[] | null>(null);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () =>
      void listOutbox()
        .then((r) => alive && setRecords(r.filter(visibleToThisPerson)))
        .catch(() => alive && setRecords([]));
    // A flush of many requests sends two notices per request; read the
    // outbox once per burst rather than once per notice.
    const refresh = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        read();
      }, 150);
    };
    read();
    const stop = onOutboxChange(refresh);
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      clearTimeout(timer);
      stop();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return records;
}

/** Requests not yet delivered: waiting, sending, or needing attention. */
export function useUnsentCount(): number {
  const records = useOutboxRecords();
  return records ? records.filter(isUnsent).length : 0;
}
