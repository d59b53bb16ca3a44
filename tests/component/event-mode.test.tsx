import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/preact';
import { renderWithI18n } from './render-with-app';
import { EventModeMount, EventRuntime, NextPersonButton } from '../../src/event-mode/EventShell';
import { startEventMode } from '../../src/event-mode/event-mode';
import { currentSessionId, endSession, noteSessionUse, onSessionEnd, setEventModeFlag, SESSION_KEY } from '../../src/event-mode/session';
import { DB_NAME, closeDb, getDb } from '../../src/storage/db';
import { createDraft, listDrafts, markSubmitted } from '../../src/storage/drafts';
import { currentEvent } from '../../src/event-mode/events';
import { expectShown } from './shown';

async function resetDb() {
  await closeDb();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}

/**
 * The Next person button with the event runtime, on `path`; resolves once
 * the runtime is up, which it shows by counting the person on this screen.
 */
async function renderWithNextPerson(path: string) {
  const reload = vi.fn();
  renderWithI18n(
    <>
      <NextPersonButton />
      <EventModeMount reload={reload} />
    </>,
    { path },
  );
  await waitFor(() => expect(JSON.parse(sessionStorage.getItem(SESSION_KEY)!).used).toBe(true));
  return reload;
}

beforeEach(async () => {
  localStorage.clear();
  sessionStorage.clear();
  endSession();
  await resetDb();
});

afterEach(() => {
  vi.useRealTimers();
  setEventModeFlag(false);
});

describe('the idle timer', () => {
  it('warns 30 s before the end, a touch or key cancels, and silence ends the session', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    setEventModeFlag(true);
    noteSessionUse('en');
    const reload = vi.fn();
    renderWithI18n(<EventRuntime idleSeconds={180} reload={reload} />, { path: '/' });

    act(() => void vi.advanceTimersByTime(149_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    act(() => void vi.advanceTimersByTime(1_000));
    const dialog = screen.getByRole('alertdialog', { name: 'Are you still there?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    // Focus moved into the dialog, onto its button.
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(dialog.textContent).toContain('30');

    // A key: the person is there.
    fireEvent.keyDown(document.activeElement!, { key: 'a' });
    expect(screen.queryByRole('alertdialog')).toBeNull();

    // The wait starts over from the key, not from the first warning.
    act(() => void vi.advanceTimersByTime(149_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    act(() => void vi.advanceTimersByTime(1_000));
    expectShown(screen.getByRole('alertdialog'));
    // A touch anywhere cancels too (jsdom has no PointerEvent; touchstart is the tablet's own event).
    fireEvent.touchStart(document.body);
    expect(screen.queryByRole('alertdialog')).toBeNull();

    act(() => void vi.advanceTimersByTime(150_000));
    expectShown(screen.getByRole('alertdialog'));
    expect(reload).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(30_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    vi.useRealTimers();
    await waitFor(() => expect(reload).toHaveBeenCalledWith('/'));
  });

  it('traps Tab inside the warning', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    setEventModeFlag(true);
    noteSessionUse('en');
    renderWithI18n(<EventRuntime idleSeconds={60} reload={vi.fn()} />, { path: '/' });
    act(() => void vi.advanceTimersByTime(30_000));
    screen.getByRole('alertdialog');
    const button = screen.getByRole('button', { name: 'Continue' });
    expect(document.activeElement).toBe(button);
    // Tab from the last (only) control wraps to the first instead of leaving the dialog.
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    button.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(button);
  });

  it('does not run when nobody has used the session yet', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    setEventModeFlag(true);
    const reload = vi.fn();
    renderWithI18n(<EventRuntime idleSeconds={60} reload={reload} />, { path: '/' });
    act(() => void vi.advanceTimersByTime(10 * 60_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(reload).not.toHaveBeenCalled();
  });
});

const SETUP = {
  name: 'Library fair',
  place: 'Main St',
  date: '2025-05-03',
  defaultLocale: 'es',
  idleSeconds: 180,
  pin: '246810',
  pinConfirm: '246810',
};

describe('Next person', () => {
  it('asks about an open draft, then wipes this session’s drafts, files, answers and session storage', async () => {
    // A draft from before event mode (the device owner's) must stay.
    const personal = await createDraft({ data: { note: 'owner draft' } });
    await startEventMode(SETUP);
    const session = currentSessionId()!;
    const draft = await createDraft({ sessionId: session, data: { person: { familyName: 'Lopez-Secret' } } });
    // A screen that forgot to tag its draft: made during the event, so it is this person's too.
    await createDraft({ data: { note: 'Untagged-Secret' } });
    // jsdom's Blob cannot be hashed, so the file record is written as addAttachment would.
    await (await getDb()).add('attachments', {
      id: crypto.randomUUID(),
      draftId: draft.id,
      name: 'passport.jpg',
      type: 'image/jpeg',
      size: 3,
      blob: new Blob([new Uint8Array([1, 2, 3])]),
      sha256: '0'.repeat(64),
      createdAt: Date.now(),
    });
    sessionStorage.setItem('ombuds.screenerPrefill', JSON.stringify({ problems: ['emergency'] }));
    const forgot = vi.fn();
    const off = onSessionEnd(forgot);

    const reload = await renderWithNextPerson('/requests');

    fireEvent.click(screen.getByRole('button', { name: 'Next person' }));
    const ask = await screen.findByRole('dialog', { name: 'Send or delete your request?' });
    expect(ask.textContent).toContain('You started 2 requests');
    fireEvent.click(screen.getByRole('button', { name: 'Delete it and finish' }));
    await waitFor(() => expect(reload).toHaveBeenCalledWith('/'));
    off();

    const left = await listDrafts();
    expect(left.map((d) => d.id)).toEqual([personal.id]);
    const db = await getDb();
    expect(await db.getAll('attachments')).toEqual([]);
    const stored = JSON.stringify(await db.getAll('drafts'));
    expect(stored).not.toContain('Lopez-Secret');
    expect(stored).not.toContain('Untagged-Secret');
    expect(sessionStorage.length).toBe(0);
    expect(forgot).toHaveBeenCalledTimes(1);
    // The next person starts in the event's language, in a new session.
    expect(localStorage.getItem('ombuds.locale')).toBe('es');
    expect(currentSessionId()).not.toBe(session);
    // Counted, anonymously.
    const event = await currentEvent();
    expect(event).toMatchObject({ served: 1, languages: { en: 1 }, submitted: 0 });
    expect(JSON.stringify(event)).not.toContain('Lopez');
  });

  it('"Go to the last step" keeps the draft and opens its review', async () => {
    await startEventMode(SETUP);
    const draft = await createDraft({ sessionId: currentSessionId()!, data: {} });
    const reload = await renderWithNextPerson('/requests');
    fireEvent.click(screen.getByRole('button', { name: 'Next person' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Go to the last step to send it' }));
    await waitFor(() => expect(location.pathname).toBe(`/requests/${draft.id}/review`));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(reload).not.toHaveBeenCalled();
    expect((await listDrafts()).map((d) => d.id)).toEqual([draft.id]);
  });

  it('with no open draft, offers "Questions and feedback" once, then ends the session', async () => {
    await startEventMode(SETUP);
    const reload = await renderWithNextPerson('/guide');
    fireEvent.click(screen.getByRole('button', { name: 'Next person' }));
    const offer = await screen.findByRole('dialog');
    expect(offer.textContent).toContain('would you tell us what you thought of this session?');
    expect(reload).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'No, thank you' }));
    await waitFor(() => expect(reload).toHaveBeenCalledWith('/'));
    expect(await currentEvent()).toMatchObject({ served: 1 });
  });

  it('Taking the offer opens the form; "Next person" from there ends the session without asking again', async () => {
    await startEventMode(SETUP);
    const reload = await renderWithNextPerson('/guide');
    fireEvent.click(screen.getByRole('button', { name: 'Next person' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Questions and feedback' }));
    await waitFor(() => expect(location.pathname).toBe('/feedback'));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next person' }));
    await waitFor(() => expect(reload).toHaveBeenCalledWith('/'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('counts a request submitted in the session once', async () => {
    await startEventMode(SETUP);
    renderWithI18n(<EventModeMount reload={vi.fn()} />, { path: '/requests' });
    await waitFor(() => expect(sessionStorage.getItem(SESSION_KEY)).toContain('"used":true'));
    const draft = await createDraft({ sessionId: currentSessionId()!, data: {} });
    await markSubmitted(draft.id, { id: draft.id });
    await waitFor(() => expect(JSON.parse(sessionStorage.getItem(SESSION_KEY)!).submitted).toEqual([draft.id]));
  });
});
