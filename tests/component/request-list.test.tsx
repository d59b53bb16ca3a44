import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import RequestsView from '../../src/requests/RequestsView';
import { closeDb } from '../../src/storage/db';
import { createDraft, deleteDraft, getDraft, listDrafts, saveDraft } from '../../src/storage/drafts';
import { emptyForm } from '../../src/requests/form-model';
import { renderWithI18n } from './render-with-app';
import { expectShown } from './shown';

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDb();
});

function named(given: string, family: string) {
  const form = emptyForm();
  form.person.givenName = given;
  form.person.familyName = family;
  form.case.formTypes = ['I-130'];
  return form;
}

describe('the request list', () => {
  it('starts empty with a button to start a request, and shows where sent requests stand', async () => {
    renderWithI18n(<RequestsView />, { path: '/requests' });
    await screen.findByText('You have no requests on this device yet.');
    expectShown(screen.getByRole('region', { name: 'Where your requests stand' }));
    expect(screen.getByRole('link', { name: 'Start a new request' }).getAttribute('href')).toBe('/requests/new');
  });

  it('names a draft family name first in Chinese, and a company by its name', async () => {
    await createDraft({ data: named('小明', '王') });
    const company = named('', '');
    company.person = { ...company.person, kind: 'company', businessName: 'Acme Tools LLC' };
    await createDraft({ data: company });
    renderWithI18n(<RequestsView />, { path: '/requests', locale: 'zh-Hans' });
    await screen.findByRole('heading', { level: 2, name: '王小明' });
    expectShown(screen.getByRole('heading', { level: 2, name: 'Acme Tools LLC' }));
  });

  it('lists drafts most recent first, each to continue, copy or delete', async () => {
    const older = await createDraft({ data: named('Ana', 'García') });
    const newer = await createDraft({ data: named('Li', 'Wei') });
    await saveDraft({ id: older.id, data: named('Ana', 'García') });
    await saveDraft({ id: newer.id, data: named('Li', '<b>Wei</b>') });
    renderWithI18n(<RequestsView />, { path: '/requests' });
    await screen.findByRole('heading', { level: 2, name: 'Ana García' });
    const headings = [...document.querySelectorAll<HTMLElement>('.drafts__name')];
    expect(headings.map((h) => h.textContent)).toEqual(['Li <b>Wei</b>', 'Ana García']);
    expect(document.querySelector('main b, b')).toBeNull();
    const first = headings[0]!.closest('li')!;
    expect(within(first).getByRole('link', { name: /Continue/ }).getAttribute('href')).toBe(`/requests/${newer.id}`);
    expectShown(within(first).getByText('Forms: I-130 ·'));
    expectShown(within(first).getByText('Not sent yet'));
  });

  it('follows drafts saved and deleted in another tab, newest first', async () => {
    const kept = await createDraft({ data: named('Ana', 'García') });
    const gone = await createDraft({ data: named('Li', 'Wei') });
    renderWithI18n(<RequestsView />, { path: '/requests' });
    await screen.findByRole('heading', { level: 2, name: 'Li Wei' });

    // Another tab: a new draft, a renamed one, a deleted one (each announced on the drafts channel).
    const added = await createDraft({ data: named('Omar', 'Haddad') });
    await saveDraft({ id: added.id, data: named('Omar', 'Haddad') });
    await saveDraft({ id: kept.id, data: named('Ana María', 'García') });
    await deleteDraft(gone.id);

    await waitFor(() =>
      expect([...document.querySelectorAll('.drafts__name')].map((h) => h.textContent)).toEqual(['Ana María García', 'Omar Haddad']),
    );
  });

  it('deletes only after the person confirms', async () => {
    const draft = await createDraft({ data: named('Ana', 'García') });
    renderWithI18n(<RequestsView />, { path: '/requests' });
    await screen.findByRole('heading', { level: 2, name: 'Ana García' });
    fireEvent.click(screen.getByRole('button', { name: 'Delete Ana García' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this request?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'No, keep it' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'No, keep it' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await getDraft(draft.id)).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Delete Ana García' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Yes, delete it' }));
    await screen.findByText('The request was deleted.');
    expect(await getDraft(draft.id)).toBeUndefined();
    await screen.findByText('You have no requests on this device yet.');
  });

  it('starts a new request from an old one', async () => {
    const draft = await createDraft({ data: named('Ana', 'García') });
    renderWithI18n(<RequestsView />, { path: '/requests' });
    await screen.findByRole('heading', { level: 2, name: 'Ana García' });
    fireEvent.click(screen.getByRole('button', { name: 'Start a new request from this one' }));
    await waitFor(async () => expect(await listDrafts()).toHaveLength(2));
    await waitFor(() => expect(location.pathname).toMatch(/^\/requests\/[0-9a-f-]{36}/));
    expect(location.pathname).not.toContain(draft.id);
  });

  it('with no storage at all, does not tell the person to reopen the app (the shell says why)', async () => {
    await closeDb();
    const saved = globalThis.indexedDB;
    // @ts-expect-error private mode in some browsers: no IndexedDB at all
    delete globalThis.indexedDB;
    try {
      renderWithI18n(<RequestsView />, { path: '/requests' });
      await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
      expect(screen.queryByText(/could not be opened right now/)).toBeNull();
      expectShown(screen.getByRole('link', { name: 'Start a new request' }));
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
