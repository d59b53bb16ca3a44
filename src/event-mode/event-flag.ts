/**
 * Event mode's kv keys, and the one read the app shell makes at start-up
 * (whether the device is in event mode), kept apart from the rest of event
 * storage so the shell's first chunk stays small.
 */
import { getDb } from '../storage/db';

/** kv: id of the event this device serves now; absent in personal mode. */
export const KV_EVENT_CURRENT = 'event.current';
/** kv: the officer's PIN as a PBKDF2 hash (src/event-mode/pin.ts). */
export const KV_EVENT_PIN = 'event.pin';
/** kv: failed PIN attempts and the time of the next allowed one. */
export const KV_EVENT_PIN_THROTTLE = 'event.pinThrottle';
/**
 * kv: read by the outbox (src/outbox/outbox-store.ts KV_EVENT_MODE) to drop
 * a submitted request's plaintext at once on a shared device.
 */
export const KV_OUTBOX_EVENT_MODE = 'eventMode';

/** The current event's id, or null in personal mode (or when storage cannot be read). */
export async function readCurrentEventId(): Promise<string | null> {
  try {
    const id = await (await getDb()).get('kv', KV_EVENT_CURRENT);
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
