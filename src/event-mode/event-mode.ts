/**
 * Event mode: a shared tablet at an outreach event. The officer switches it
 * on with a PIN and the event's details; each person's session then ends
 * with "Next person" or after a quiet spell, and everything the person
 * left (drafts, files, screener answers, the tab's session storage, what
 * is in memory) is wiped before the next one starts, in the event's
 * language. Only anonymous counts stay, per event.
 *
 * The truth is kv `event.current` (src/event-mode/events.ts); session.ts
 * mirrors on/off for synchronous readers.
 */
import { LOCALES, isSupportedLocale } from '../i18n/locales';
import {
  beginEvent,
  currentEvent,
  finishEvent,
  isEventDraft,
  openSessionDrafts,
  recordSession,
  wipeSessionDrafts,
  type SessionDraft,
} from './events';
import { EMPTY_COUNTS, type EventRecord } from '../storage/event-record';
import { forgetAllStatusSecrets } from '../storage/statuses';
import { wipeSessionFeedback } from '../outbox/feedback-store';
import { tabStore } from '../storage/web-storage';
import { rememberLocale } from '../i18n/remembered-locale';
import { flushOpenForms } from '../ui/form-guard';
import { checkPin, checkPinFormat, setPin, type PinCheck } from './pin';
import { currentSessionId, endSession, isEventMode, setEventModeFlag } from './session';

export const IDLE_MIN_SECONDS = 60;
export const IDLE_MAX_SECONDS = 3600;
/** The warning before a quiet session ends. */
export const IDLE_WARNING_MS = 30_000;
const TEXT_MAX = 120;

export interface EventSetupInput {
  name: string;
  place: string;
  /** YYYY-MM-DD. */
  date: string;
  defaultLocale: string;
  idleSeconds: number;
  pin: string;
  pinConfirm: string;
}

export type SetupField = keyof EventSetupInput;

export interface SetupIssue {
  field: SetupField;
  /** Message id. */
  id: string;
  values?: Record<string, number>;
}

function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** Pure: what is wrong with the officer's setup form, field by field, in form order. */
export function checkSetup(input: EventSetupInput): SetupIssue[] {
  const issues: SetupIssue[] = [];
  const name = input.name.trim();
  if (!name) issues.push({ field: 'name', id: 'event.setup.error.nameMissing' });
  else if (name.length > TEXT_MAX) issues.push({ field: 'name', id: 'event.setup.error.tooLong', values: { max: TEXT_MAX } });
  if (input.place.trim().length > TEXT_MAX) issues.push({ field: 'place', id: 'event.setup.error.tooLong', values: { max: TEXT_MAX } });
  if (!isRealDate(input.date)) issues.push({ field: 'date', id: 'event.setup.error.date' });
  if (!isSupportedLocale(input.defaultLocale)) issues.push({ field: 'defaultLocale', id: 'event.setup.error.language' });
  const idle = input.idleSeconds;
  if (!Number.isInteger(idle) || idle < IDLE_MIN_SECONDS || idle > IDLE_MAX_SECONDS) {
    issues.push({ field: 'idleSeconds', id: 'event.setup.error.idle', values: { min: IDLE_MIN_SECONDS / 60, max: IDLE_MAX_SECONDS / 60 } });
  }
  const format = checkPinFormat(input.pin);
  if (format) {
    const key = format === 'too_short' ? 'tooShort' : format === 'too_long' ? 'tooLong' : 'digitsOnly';
    issues.push({ field: 'pin', id: `event.pin.error.${key}`, values: { min: 6, max: 12 } });
  } else if (input.pin !== input.pinConfirm) issues.push({ field: 'pinConfirm', id: 'event.pin.error.mismatch' });
  return issues;
}

export function localeName(code: string): string {
  return LOCALES.find((l) => l.code === code)?.name ?? code;
}

/**
 * Switches event mode on: stores the PIN's hash and the event, sets the
 * flag, starts a fresh session and makes the event's language the one
 * every session starts in. The caller reloads to the home screen.
 */
export async function startEventMode(input: EventSetupInput, now = Date.now()): Promise<EventRecord> {
  const issues = checkSetup(input);
  if (issues.length) throw new Error(`setup invalid: ${issues.map((i) => i.field).join(',')}`);
  await setPin(input.pin);
  const record: EventRecord = {
    ...EMPTY_COUNTS,
    id: crypto.randomUUID(),
    name: input.name.trim(),
    place: input.place.trim(),
    date: input.date,
    defaultLocale: input.defaultLocale,
    idleSeconds: input.idleSeconds,
    startedAt: now,
  };
  await beginEvent(record);
  // Whatever this tab held before belongs to nobody at the event.
  endSession();
  setEventModeFlag(true);
  rememberLocale(record.defaultLocale);
  return record;
}

/** This session's drafts still being written, newest first. */
export async function openDraftsOfSession(): Promise<SessionDraft[]> {
  const id = currentSessionId();
  if (!id) return [];
  await flushOpenForms();
  const event = await currentEvent().catch(() => undefined);
  return openSessionDrafts(id, event?.startedAt);
}

/**
 * Wipes the session in storage and memory, without navigating: pending
 * autosaves land first (so nothing is written after the wipe), then the
 * session's drafts and files go, its counts are added to the event,
 * subscribers forget their state and the tab's session storage is emptied.
 */
export async function wipeSession(event: EventRecord | undefined): Promise<void> {
  await flushOpenForms().catch(() => {});
  const sessionId = currentSessionId();
  if (sessionId) {
    // An untagged draft made during the event is this person's too: on a shared tablet nobody else writes.
    const startedAt = event?.startedAt ?? Number.POSITIVE_INFINITY;
    await wipeSessionDrafts((d) => d.sessionId === sessionId || (d.sessionId === undefined && d.createdAt >= startedAt));
  }
  // The person took their status link with them (QR code) or not at all: the tablet keeps none.
  await forgetAllStatusSecrets().catch(() => undefined);
  // The open feedback form and delivered feedback go; feedback on its way stays sealed.
  await wipeSessionFeedback().catch(() => undefined);
  const tally = endSession();
  if (event && tally) await recordSession(event.id, tally).catch(() => undefined);
  try {
    tabStore()?.clear();
  } catch {
    /* blocked storage holds nothing */
  }
}

export interface EndOptions {
  /** Replaces the page; a full load guarantees nothing of the person stays in memory. */
  reload?: (path: string) => void;
}

const fullReload = (path: string) => location.assign(path);

/** "Next person" (or the quiet spell) after the person chose to discard: wipe, then home in the event's language. */
export async function endPersonSession(options: EndOptions = {}): Promise<void> {
  const event = await currentEvent().catch(() => undefined);
  await wipeSession(event);
  if (event) rememberLocale(event.defaultLocale);
  (options.reload ?? fullReload)('/');
}

/**
 * Drafts of sessions that ended without a wipe (the tab was closed or
 * crashed) and were left alone longer than the idle time: nobody is
 * writing them any more, so they go. A live session in another tab is
 * younger than that and is kept.
 */
export async function sweepStaleSessions(event: EventRecord, idleMs: number, now = Date.now()): Promise<number> {
  if (!isEventMode()) return 0;
  const mine = currentSessionId();
  return wipeSessionDrafts((d) => isEventDraft(d, event.startedAt) && d.sessionId !== mine && d.updatedAt < now - idleMs);
}

/**
 * Leaves event mode with the PIN: the current session is wiped like any
 * other, every draft left by a session goes, and the PIN with it. The
 * event's counts stay on the device. The caller reloads.
 */
export async function leaveEventMode(pin: string, now = Date.now()): Promise<PinCheck> {
  const check = await checkPin(pin);
  if (!check.ok) return check;
  const event = await currentEvent().catch(() => undefined);
  await wipeSession(event);
  const startedAt = event?.startedAt ?? Number.POSITIVE_INFINITY;
  await wipeSessionDrafts((d) => isEventDraft(d, startedAt));
  await finishEvent(now);
  setEventModeFlag(false);
  return check;
}

/** Where a draft's review step is, to send it before the session ends. Ids are random: no personal data. */
export function reviewPath(draftId: string): string {
  return `/requests/${encodeURIComponent(draftId)}/review`;
}
