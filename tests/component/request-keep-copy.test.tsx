/**
 * A copy to keep at delivery: the submitted request's page offers "Save or
 * print my copy" (the person's language and an English copy for the
 * office, from the answers still in memory) and, once delivered, the
 * confirmation number and status link to copy or share. Not on a shared
 * tablet.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import RequestsView from '../../src/requests/RequestsView';
import { closeDb, getDb } from '../../src/storage/db';
import { createDraft, markSubmitted } from '../../src/storage/drafts';
import type { DeliveredOutboxRecord } from '../../src/storage/outbox-record';
import { currentSessionId, endSession, setEventModeFlag } from '../../src/event-mode/session';
import { renderWithI18n } from './render-with-app';
import { validForm } from './request-harness';

const SECRET = 'q8Zr4mN2xT6vB1kL9pW3sD7f';
const WIRE_ID = '5b8f2c1e-8a4d-4f3b-9c2e-7d6a1b0e4f93';

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  endSession();
  setEventModeFlag(false);
  vi.unstubAllGlobals();
  await closeDb();
});

/** A submitted draft still open on the page, and the outbox saying the office has it. */
async function delivered(sessionId?: string): Promise<string> {
  const form = validForm();
  form.person.familyName = 'García López';
  const draft = await createDraft({ data: form, ...(sessionId ? { sessionId } : {}) });
  await markSubmitted(draft.id, { id: draft.id });
  const record: DeliveredOutboxRecord = {
    id: draft.id,
    wireId: WIRE_ID,
    state: 'delivered',
    confirmation: 'K7Q-4M2-XP9',
    deliveredAt: '2025-05-03T12:00:00.000Z',
    formTypes: ['I-485'],
    statusSecret: SECRET,
  };
  await (await getDb()).put('outbox', record);
  return draft.id;
}

describe('a copy to keep at delivery', () => {
  it('opens the printout in the person\'s language with an English copy and the confirmation number, prints it, and comes back', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const id = await delivered();
    renderWithI18n(<RequestsView />, { locale: 'es', path: `/requests/${id}` });
    await screen.findByRole('heading', { level: 1, name: 'Recibida por la oficina' });
    const keep = await screen.findByRole('button', { name: 'Guardar o imprimir mi copia' });
    fireEvent.click(keep);

    const own = await screen.findByRole('heading', { level: 1, name: 'Solicitud de Asistencia con Casos (Formulario DHS-7001)' });
    const english = await screen.findByRole('heading', { level: 2, name: 'Request for Case Assistance (Form DHS-7001)' });
    await waitFor(() => expect(document.activeElement).toBe(own));
    expect(own.closest('article')!.textContent).toContain('Confirmación K7Q-4M2-XP9');
    expect(english.closest('article')!.textContent).toContain('Confirmation K7Q-4M2-XP9');
    expect(english.closest('article')!.textContent).toContain('García López');
    expect(document.documentElement.style.getPropertyValue('--print-who')).toContain('García López');

    fireEvent.click(screen.getByRole('button', { name: 'Imprimir' }));
    expect(print).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Volver a la solicitud' }));
    const again = await screen.findByRole('button', { name: 'Guardar o imprimir mi copia' });
    await waitFor(() => expect(document.activeElement).toBe(again));
    await waitFor(() => expect(document.documentElement.style.getPropertyValue('--print-who')).toBe(''));
  });

  it('copies the confirmation number and the status link, the secret only in the fragment', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const id = await delivered();
    renderWithI18n(<RequestsView />, { path: `/requests/${id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy confirmation number' }));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith('K7Q-4M2-XP9'));
    expect(await screen.findByText('Copied.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy status link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    const link = new URL(writeText.mock.calls.at(-1)![0]);
    expect(link.pathname).toBe('/status');
    expect(link.search).toBe('');
    const fragment = new URLSearchParams(link.hash.slice(1));
    expect(fragment.get('r')).toBe(WIRE_ID);
    expect(fragment.get('s')).toBe(SECRET);
    expect(fragment.get('c')).toBe('K7Q-4M2-XP9');
  });

  it('offers the printout before delivery too, without a confirmation number or status link yet', async () => {
    const draft = await createDraft({ data: validForm() });
    await markSubmitted(draft.id, { id: draft.id });
    renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Save or print my copy' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Request for Case Assistance (Form DHS-7001)' });
    expect(heading.closest('article')!.textContent).not.toContain('Confirmation');
    // An English page prints once: the person's copy is the office's.
    expect(document.querySelectorAll('article.pf-copy')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the request' }));
    await screen.findByRole('button', { name: 'Save or print my copy' });
    expect(screen.queryByRole('button', { name: 'Copy confirmation number' })).toBeNull();
  });

  it('is not offered on a shared tablet, where a saved copy would stay behind', async () => {
    setEventModeFlag(true);
    const id = await delivered(currentSessionId()!);
    renderWithI18n(<RequestsView />, { path: `/requests/${id}` });
    // The rest of the submitted page is there; only the copy is not.
    await screen.findByRole('button', { name: 'Start a new request from this one' });
    expect(screen.queryByRole('button', { name: 'Save or print my copy' })).toBeNull();
  });
});
