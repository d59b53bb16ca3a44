import { useEffect, useState } from 'preact/hooks';
import { getOutboxRecords, listOutbox, onOutboxChange, sortOutbox, type OutboxChange } from '../outbox/outbox-store';
import type { OutboxRecord } from '../storage/outbox-record';
import { isUnsent } from '../outbox/state';
import { isEventMode, sessionTally } from '../event-mode/session';
import { coalesce } from '../ui/coalesce';

/**
 * On a shared tablet the next person must not see what earlier people sent
 * (not even form types): in event mode only this session's requests show.
 * The officer's counts read the store directly.
 */
function visibleToThisPerson(record: OutboxRecord): boolean {
  if (!isEventMode()) return true;
  const tally = sessionTally();
  return !!tally && (tally.submitted.includes(record.id) || !!tally.feedback?.includes(record.id));
}

type Listener = (records: OutboxRecord[]) => void;
const listeners = new Set<Listener>();
let latest: Map<string, OutboxRecord> | null = null;
/** Ids named by change notices since the last read; null asks for a full read. */
let changed: Set<string> | null = null;
let stopWatching: (() => void) | null = null;

/**
 * One reader for every part of the screen that shows the outbox (the badge
 * and the list). A flush of many requests sends two notices per request:
 * notices within 250 ms share one read, and that read fetches only the
 * records they name, so a day's outbox going out costs the page a few
 * small reads rather than reading every record again and again.
 */
const reader = coalesce(readChanges, 250);

async function readChanges(): Promise<void> {
  const ids = changed;
  changed = new Set();
  if (!latest || !ids) {
    latest = new Map((await listOutbox().catch(() => [])).map((r) => [r.id, r]));
  } else {
    const list = [...ids];
    const found = await getOutboxRecords(list).catch(() => undefined);
    if (!found) {
      changed = null;
      return;
    }
    list.forEach((id, i) => (found[i] ? latest!.set(id, found[i]!) : latest!.delete(id)));
  }
  if (!listeners.size) return;
  const records = sortOutbox([...latest.values()]);
  for (const l of listeners) l(records);
}

function onChange(change: OutboxChange): void {
  changed?.add(change.id);
  reader();
}

const onVisible = () => {
  if (document.visibilityState !== 'visible') return;
  // Notices may have been missed while hidden: read everything.
  changed = null;
  reader();
};

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (!stopWatching) {
    const stop = onOutboxChange(onChange);
    document.addEventListener('visibilitychange', onVisible);
    stopWatching = () => {
      stop();
      document.removeEventListener('visibilitychange', onVisible);
    };
    // Nothing was watched until now: start from a full read.
    changed = null;
    latest = null;
    reader.now();
  } else if (latest) listener(sortOutbox([...latest.values()]));
  return () => {
    listeners.delete(listener);
    if (listeners.size) return;
    stopWatching?.();
    stopWatching = null;
  };
}

/**
 * The outbox as the page shows it, kept fresh: on every change notice (this
 * tab, other tabs, the service worker) and when the page becomes visible.
 * Null until the first read; an empty list when storage cannot be read.
 */
export function useOutboxRecords(): OutboxRecord[] | null {
  const [records, setRecords] = useState<OutboxRecord[] | null>(null);
  useEffect(() => subscribe((all) => setRecords(all.filter(visibleToThisPerson))), []);
  return records;
}

/** Requests not yet delivered: waiting, sending, or needing attention. */
export function useUnsentCount(): number {
  const records = useOutboxRecords();
  return records ? records.filter(isUnsent).length : 0;
}
