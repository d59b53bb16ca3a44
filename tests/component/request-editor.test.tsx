import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import RequestsView from '../../src/requests/RequestsView';
import { closeDb } from '../../src/storage/db';
import { createDraft, getDraft, saveDraft } from '../../src/storage/drafts';
import { normalizeForm } from '../../src/requests/form-model';
import { PREFILL_KEY } from '../../src/requests/prefill';
import { renderWithI18n } from './render-with-app';
import { validForm } from './request-harness';
import { expectShown } from './shown';

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDb();
});

describe('the request form', () => {
  it('opens a draft at its first step, saves what is typed, and shows it again after closing', async () => {
    const draft = await createDraft();
    const first = renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}` });
    await screen.findByRole('heading', { level: 1, name: 'About you' });
    await waitFor(() => expect(location.pathname).toBe(`/requests/${draft.id}/about-you`));
    expectShown(screen.getByText('Step 1 of 6'));
    fireEvent.input(screen.getByLabelText('Family name (last name)'), { target: { value: 'Nguyễn <i>Văn</i>' } });
    expectShown(screen.getByText('Saving…'));
    // Two writes (the step, then the typing) on a busy machine: give them time.
    await waitFor(() => expect(screen.getAllByText('Saved on this device').length).toBeGreaterThan(0), { timeout: 5_000 });
    expect(normalizeForm((await getDraft(draft.id))?.data).person.familyName).toBe('Nguyễn <i>Văn</i>');
    first.unmount();

    renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}` });
    const input = (await screen.findByLabelText('Family name (last name)')) as HTMLInputElement;
    expect(input.value).toBe('Nguyễn <i>Văn</i>');
  });

  it('on leaving the page, writes what was typed at once (the next load recovers it)', async () => {
    const draft = await createDraft();
    const view = renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}/about-you` });
    await screen.findByRole('heading', { level: 1, name: 'About you' });
    fireEvent.input(screen.getByLabelText('Family name (last name)'), { target: { value: 'Left in a hurry' } });
    window.dispatchEvent(new Event('pagehide'));
    // Written before the handler returned, where the next page finds it.
    expect(JSON.parse(localStorage.getItem(`ombuds.draftRescue.${draft.id}`)!)).toMatchObject({ id: draft.id, data: { person: { familyName: 'Left in a hurry' } } });
    view.unmount();
    await waitFor(async () => expect(normalizeForm((await getDraft(draft.id))?.data).person.familyName).toBe('Left in a hurry'));
    // The next screen folds the copy in (or finds it moot) and removes it.
    renderWithI18n(<RequestsView />, { path: '/requests' });
    await screen.findByRole('heading', { level: 2, name: 'Left in a hurry' });
    await waitFor(() => expect(localStorage.getItem(`ombuds.draftRescue.${draft.id}`)).toBeNull());
  });

  it('on Next with problems, lists them at the top with links, focuses the list, and keeps what was typed', async () => {
    const draft = await createDraft();
    renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}/about-you` });
    await screen.findByRole('heading', { level: 1, name: 'About you' });
    fireEvent.input(screen.getByLabelText('A-number (Alien Registration Number)'), { target: { value: 'A12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const summary = await screen.findByRole('heading', { level: 2, name: /There are \d+ problems/ });
    const box = summary.parentElement!;
    await waitFor(() => expect(document.activeElement).toBe(box));
    const link = within(box).getByRole('link', { name: /^A-number \(Alien Registration Number\): An A-number is/ });
    fireEvent.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('A-number (Alien Registration Number)'));
    expect((screen.getByLabelText('A-number (Alien Registration Number)') as HTMLInputElement).value).toBe('A12');
    expect(location.pathname).toBe(`/requests/${draft.id}/about-you`);
    // Fixing a field takes its message away at once.
    fireEvent.input(screen.getByLabelText('A-number (Alien Registration Number)'), { target: { value: 'A123456789' } });
    expect(within(box).queryByRole('link', { name: /^A-number/ })).toBeNull();
  });

  it('moves on when the step is complete, and adds the helper step in volunteer mode', async () => {
    const draft = await createDraft({ data: validForm() });
    renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}/about-you` });
    await screen.findByRole('heading', { level: 1, name: 'About you' });
    fireEvent.click(screen.getByLabelText(/I am helping someone/));
    await screen.findByRole('heading', { level: 1, name: 'About the person who needs help' });
    expectShown(screen.getByText('Step 1 of 7'));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { level: 1, name: 'About you, the helper' });
    expect(location.pathname).toBe(`/requests/${draft.id}/helper`);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('heading', { level: 1, name: 'About the person who needs help' });
  });

  it('review: shows everything, and Change returns to review', async () => {
    const draft = await createDraft({ data: validForm() });
    renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}/review` });
    await screen.findByRole('heading', { level: 1, name: 'Check and send' });
    expectShown(screen.getByText('García'));
    fireEvent.click(screen.getByRole('link', { name: 'Change Your case' }));
    await screen.findByRole('heading', { level: 1, name: 'Your case' });
    fireEvent.click(screen.getByRole('button', { name: 'Back to check and send' }));
    await screen.findByRole('heading', { level: 1, name: 'Check and send' });
  });

  it('review: a submit with problems lists them and keeps the draft editable', async () => {
    const form = validForm();
    form.consent.agreed = false;
    const draft = await createDraft({ data: form });
    renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}/review` });
    await screen.findByRole('heading', { level: 1, name: 'Check and send' });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    const summary = await screen.findByRole('heading', { level: 2, name: 'There is a problem' });
    expect(summary.parentElement!.textContent).toContain('The Ombudsman can only help if you agree');
    expectShown(within(screen.getByRole('region', { name: 'Consent and signature' })).getByText('1 answer here needs a fix.'));
    expect((await getDraft(draft.id))?.status).toBe('editing');
  });

  it('a submitted request is read-only, with a way to start a new one from it', async () => {
    const draft = await createDraft({ data: validForm() });
    const { markSubmitted } = await import('../../src/storage/drafts');
    await markSubmitted(draft.id, { id: draft.id });
    renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}/about-you` });
    // Not in the outbox (none was written here): the heading claims no state at all.
    await screen.findByRole('heading', { level: 1, name: 'Request' });
    expect(screen.queryByRole('textbox')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start a new request from this one' }));
    });
    await waitFor(() => expect(location.pathname).not.toContain(draft.id));
    const copyId = location.pathname.split('/')[2]!;
    const copy = await getDraft(copyId);
    expect(copy?.status).toBe('editing');
    expect(normalizeForm(copy?.data).person.familyName).toBe('García');
    expect(normalizeForm(copy?.data).consent.typedName).toBe('');
  });

  it('tells the person when another tab changed the request, and loads the newer version on request', async () => {
    const draft = await createDraft({ data: validForm() });
    renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}/about-you` });
    await screen.findByRole('heading', { level: 1, name: 'About you' });
    // The editor writes the step it opened at once; the other tab changes the request after that.
    await waitFor(async () => expect((await getDraft(draft.id))?.step).toBe('about-you'), { timeout: 5_000 });
    const other = validForm();
    other.person.familyName = 'Changed elsewhere';
    await saveDraft({ id: draft.id, data: other, origin: 'another-tab' });
    await screen.findByText('This request was changed in another tab.');
    fireEvent.click(screen.getByRole('button', { name: 'Show the newer version' }));
    await waitFor(() => expect((screen.getByLabelText('Family name (last name)') as HTMLInputElement).value).toBe('Changed elsewhere'));
  });

  it('/requests/new makes a draft with the screener’s answers, once, and never puts them in the address', async () => {
    sessionStorage.setItem(PREFILL_KEY, JSON.stringify({ urgent: false, problemKinds: ['processing-delay'], priorContacts: ['contact-center'], lastContactDate: '2025-01-02', reasons: [], formType: 'N-400' }));
    renderWithI18n(<RequestsView />, { path: '/requests/new' });
    await screen.findByRole('heading', { level: 1, name: 'About you' });
    expect(sessionStorage.getItem(PREFILL_KEY)).toBeNull();
    await waitFor(() => expect(location.pathname).toMatch(/^\/requests\/[0-9a-f-]{36}\/about-you$/));
    const id = location.pathname.split('/')[2]!;
    expect(location.search).toBe('');
    const form = normalizeForm((await getDraft(id))?.data);
    expect(form.case.formTypes).toEqual(['N-400']);
    expect(form.case.problemKinds).toEqual(['past-processing-time']);
    expect(form.case.priorAttempts).toEqual([{ channel: 'contact_center', date: '2025-01-02', serviceRequestNumber: '' }]);
  });
});
