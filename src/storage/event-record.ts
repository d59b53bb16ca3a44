/**
 * An outreach event as the `events` store keeps it: what the officer typed
 * about the event, and anonymous counts added when each person's session
 * ends. Never a name, an answer or a request id.
 */

export interface EventCounts {
  /** Sessions in which a person used the app. */
  served: number;
  /** Sessions that reached each screener outcome kind. */
  outcomes: Record<string, number>;
  /** Sessions that used each language (a session may use several). */
  languages: Record<string, number>;
  /** Requests submitted. */
  submitted: number;
}

export interface EventRecord extends EventCounts {
  /** Random UUID made on the device; the id the server files the counts under. */
  id: string;
  name: string;
  place: string;
  /** The day of the event, YYYY-MM-DD. */
  date: string;
  /** Language each session starts in. */
  defaultLocale: string;
  /** Seconds without a touch or key before a session ends. */
  idleSeconds: number;
  /** Device milliseconds. */
  startedAt: number;
  endedAt?: number;
  /** When the counts were last accepted by the server (device milliseconds). */
  sentAt?: number;
}

export const EMPTY_COUNTS: EventCounts = { served: 0, outcomes: {}, languages: {}, submitted: 0 };
