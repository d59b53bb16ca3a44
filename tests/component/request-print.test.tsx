import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/preact';
import { PrintView } from '../../src/requests/PrintView';
import { closeDb } from '../../src/storage/db';
import { createDraft, rescueDraftSync } from '../../src/storage/drafts';
import { emptyForm } from '../../src/requests/form-model';
import { renderWithI18n } from './render-with-app';

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
});
afterEach(async () => {
  await closeDb();
  localStorage.clear();
});

describe('the print view', () => {
  it('prints the copy kept as the page was left, not the older saved one', async () => {
    const form = emptyForm();
    form.person.familyName = 'Older';
    const draft = await createDraft({ data: form });
    // The person typed, then left the page before the debounced save ran.
    rescueDraftSync({ id: draft.id, data: { ...form, person: { ...form.person, familyName: 'Newer' } } });
    renderWithI18n(<PrintView id={draft.id} />, { path: `/requests/${draft.id}/print` });
    await screen.findByText('Newer');
    expect(screen.queryByText('Older')).toBeNull();
  });
});
