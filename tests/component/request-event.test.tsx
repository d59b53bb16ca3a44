import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/preact';
import RequestsView from '../../src/requests/RequestsView';
import { closeDb } from '../../src/storage/db';
import { createDraft, getDraft } from '../../src/storage/drafts';
import { currentSessionId, endSession, setEventModeFlag } from '../../src/event-mode/session';
import { emptyForm } from '../../src/requests/form-model';
import { renderWithI18n } from './render-with-app';

function named(family: string) {
  const form = emptyForm();
  form.person.familyName = family;
  return form;
}

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  setEventModeFlag(true);
});
afterEach(async () => {
  endSession();
  setEventModeFlag(false);
  await closeDb();
});

describe('requests on a shared tablet (event mode)', () => {
  it('shows only this person’s drafts, and tags a new draft with the session', async () => {
    const mine = currentSessionId()!;
    await createDraft({ data: named('Earlier Person'), sessionId: 'someone-else' });
    await createDraft({ data: named('This Person'), sessionId: mine });
    renderWithI18n(<RequestsView />, { path: '/requests' });
    await screen.findByRole('heading', { level: 2, name: 'This Person' });
    expect(screen.queryByText('Earlier Person')).toBeNull();
  });

  it('does not open another session’s draft', async () => {
    const other = await createDraft({ data: named('Earlier Person'), sessionId: 'someone-else' });
    renderWithI18n(<RequestsView />, { path: `/requests/${other.id}/about-you` });
    await screen.findByRole('heading', { level: 1, name: 'Request not found' });
    expect(screen.queryByDisplayValue('Earlier Person')).toBeNull();
  });

  it('tags /requests/new with the session, and forgets the answers when the session ends', async () => {
    renderWithI18n(<RequestsView />, { path: '/requests/new' });
    await screen.findByRole('heading', { level: 1, name: 'About you' });
    await waitFor(() => expect(location.pathname).toMatch(/about-you$/));
    const id = location.pathname.split('/')[2]!;
    expect((await getDraft(id))?.sessionId).toBe(currentSessionId());
    endSession();
    await screen.findByRole('heading', { level: 1, name: 'Request not found' });
    expect(screen.queryByLabelText('Family name (last name)')).toBeNull();
  });
});
