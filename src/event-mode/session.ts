/**
 * One person's turn at a shared tablet (event mode). Views that keep a
 * person's answers in memory (the screener, the request form) subscribe to
 * `onSessionEnd` and forget them when the session ends; new drafts carry
 * `currentSessionId()` so "Next person" can wipe exactly this person's.
 *
 * Synchronous on purpose: a screen may ask before IndexedDB answers. Event
 * mode's on/off is mirrored in localStorage (no personal data: a flag); the
 * session's id and its anonymous tally live in sessionStorage, which a
 * reload keeps and "Next person" clears.
 */

import { localStore, tabStore } from '../storage/web-storage';

/** localStorage: '1' while event mode is on (the truth is kv `event.current`; see event-mode.ts). */
export const EVENT_FLAG_KEY = 'ombuds.event.on';
/** sessionStorage: this tab's current session and its tally. */
export const SESSION_KEY = 'ombuds.event.session';

/** What a session adds to the event's counts: never names or answers. */
export interface SessionTally {
  id: string;
  /** The person used a screen (guide, check, requests): they count as served. */
  used: boolean;
  languages: string[];
  /** Screener outcome kinds reached (may-help, first-try-uscis, ...). */
  outcomes: string[];
  /** Random ids of the drafts submitted in this session, so one submit counts once. */
  submitted: string[];
  /** Ids of the feedback sent in this session: this person's to see in the outbox, not counted as requests. */
  feedback?: string[];
}

const endListeners = new Set<() => void>();
const modeListeners = new Set<(on: boolean) => void>();

/** Kept in memory too, so a browser that blocks storage still has one session per page. */
let memoryTally: SessionTally | null = null;

export function isEventMode(): boolean {
  return localStore()?.getItem(EVENT_FLAG_KEY) === '1';
}

export function setEventModeFlag(on: boolean): void {
  if (on === isEventMode()) return;
  try {
    if (on) localStore()?.setItem(EVENT_FLAG_KEY, '1');
    else localStore()?.removeItem(EVENT_FLAG_KEY);
  } catch {
    // Storage blocked: event mode cannot be remembered; the kv record still says it.
  }
  modeListeners.forEach((l) => l(on));
}

export function onEventModeChange(listener: (on: boolean) => void): () => void {
  modeListeners.add(listener);
  return () => modeListeners.delete(listener);
}

function isTally(value: unknown): value is SessionTally {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  return typeof v.id === 'string' && typeof v.used === 'boolean' && strings(v.languages) && strings(v.outcomes) && strings(v.submitted);
}

function readTally(): SessionTally | null {
  const raw = tabStore()?.getItem(SESSION_KEY);
  if (raw) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isTally(parsed)) return (memoryTally = parsed);
    } catch {
      // A damaged entry starts a new session.
    }
  }
  return memoryTally;
}

function writeTally(tally: SessionTally): void {
  memoryTally = tally;
  try {
    tabStore()?.setItem(SESSION_KEY, JSON.stringify(tally));
  } catch {
    // Kept in memory for this page.
  }
}

function tally(): SessionTally {
  return readTally() ?? startTally();
}

function startTally(): SessionTally {
  const fresh: SessionTally = { id: crypto.randomUUID(), used: false, languages: [], outcomes: [], submitted: [] };
  writeTally(fresh);
  return fresh;
}

/** The session new drafts belong to; null in personal mode (drafts then belong to the device's owner). */
export function currentSessionId(): string | null {
  return isEventMode() ? tally().id : null;
}

/** Whether this session may show a draft: in event mode only its own, in personal mode all. */
export function ownsDraft(draft: { sessionId?: string }): boolean {
  return isEventMode() ? draft.sessionId === currentSessionId() : true;
}

/** The session's anonymous tally so far (event mode only). */
export function sessionTally(): SessionTally | null {
  return isEventMode() ? tally() : null;
}

function add(list: string[], value: string): string[] {
  return list.includes(value) ? list : [...list, value];
}

/** The person opened a screen: counts them as served, in the language shown. */
export function noteSessionUse(locale: string): void {
  if (!isEventMode()) return;
  const t = tally();
  writeTally({ ...t, used: true, languages: add(t.languages, locale) });
}

/** The language changed during a used session. */
export function noteLanguage(locale: string): void {
  if (!isEventMode()) return;
  const t = tally();
  if (t.used) writeTally({ ...t, languages: add(t.languages, locale) });
}

/** The screener reached an outcome; only its kind is kept. */
export function noteOutcome(kind: string): void {
  if (!isEventMode()) return;
  const t = tally();
  writeTally({ ...t, used: true, outcomes: add(t.outcomes, kind) });
}

/** A draft of this session was submitted (counted once per draft id). */
export function noteSubmitted(draftId: string): void {
  if (!isEventMode()) return;
  const t = tally();
  writeTally({ ...t, used: true, submitted: add(t.submitted, draftId) });
}

/** Feedback was sent in this session. */
export function noteFeedback(id: string): void {
  if (!isEventMode()) return;
  const t = tally();
  writeTally({ ...t, used: true, feedback: add(t.feedback ?? [], id) });
}

export function onSessionEnd(listener: () => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

/**
 * Ends this person's session in memory: every subscriber forgets what it
 * holds, the tally is removed, and the next `currentSessionId()` is a new
 * one. Storage is wiped by event-mode.ts, which calls this. Returns the
 * ended session's tally for the event's counts.
 */
export function endSession(): SessionTally | null {
  const ended = readTally();
  endListeners.forEach((l) => {
    try {
      l();
    } catch {
      // One subscriber failing must not keep the others' data alive.
    }
  });
  memoryTally = null;
  try {
    tabStore()?.removeItem(SESSION_KEY);
  } catch {
    /* nothing stored */
  }
  return ended;
}
