import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/preact';
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

  it('prints the person\'s copy in Chinese, then an English copy, with the name family first and the A-number on every page', async () => {
    const form = emptyForm();
    form.person.familyName = '王';
    form.person.givenName = '小明';
    form.person.aNumber = 'A087654321';
    form.person.preferredLanguage = 'zh-Hans';
    form.person.countryOfBirth = 'CN';
    form.case.problemKinds = ['emergency'];
    const draft = await createDraft({ data: form });
    renderWithI18n(<PrintView id={draft.id} />, { locale: 'zh-Hans', path: `/requests/${draft.id}/print` });
    const own = await screen.findByRole('heading', { level: 1, name: '个案协助请求（DHS-7001 表格）' });
    const english = await screen.findByRole('heading', { level: 2, name: 'Request for Case Assistance (Form DHS-7001)' });
    // Labels, options and countries in each copy's language; what was typed as typed.
    const ownCopy = own.closest('article')!;
    const englishCopy = english.closest('article')!;
    expect(englishCopy.getAttribute('lang')).toBe('en');
    expect(englishCopy.textContent).toContain('English copy for the office');
    expect(englishCopy.textContent).toContain('Family name');
    expect(englishCopy.textContent).toContain('China');
    expect(englishCopy.textContent).toContain('Simplified Chinese');
    expect(englishCopy.textContent).toContain('王');
    expect(ownCopy.textContent).toContain('中国');
    expect(ownCopy.textContent).not.toContain('Family name');
    const root = document.documentElement.style;
    await waitFor(() => expect(root.getPropertyValue('--print-pages')).toBe('"第 " counter(page) " 页，共 " counter(pages) " 页" " · " "Page " counter(page) " of " counter(pages)'));
    expect(root.getPropertyValue('--print-who')).toBe('"王小明 · A087-654-321"');
    // Gone with the print view: no other printout carries them.
    cleanup();
    await waitFor(() => expect(root.getPropertyValue('--print-who')).toBe(''));
    expect(root.getPropertyValue('--print-pages')).toBe('');
  });

  it('prints one copy for a person who wrote in English', async () => {
    const form = emptyForm();
    form.person.familyName = 'Kowalczyk';
    form.person.givenName = 'Ana';
    const draft = await createDraft({ data: form });
    renderWithI18n(<PrintView id={draft.id} />, { path: `/requests/${draft.id}/print` });
    await screen.findByRole('heading', { level: 1, name: 'Request for Case Assistance (Form DHS-7001)' });
    expect(screen.queryByText('English copy for the office')).toBeNull();
    expect(document.querySelectorAll('article.pf-copy')).toHaveLength(1);
    await waitFor(() => expect(document.documentElement.style.getPropertyValue('--print-who')).toBe('"Ana Kowalczyk"'));
    expect(document.documentElement.style.getPropertyValue('--print-pages')).toBe('"Page " counter(page) " of " counter(pages)');
  });

  it('prints a company by its name and contact person, with no birth, citizenship or A-number parts', async () => {
    const form = emptyForm();
    form.person.kind = 'company';
    form.person.businessName = 'Acme Farms LLC';
    form.person.contactName = 'Ana Kowalczyk';
    form.person.contactTitle = 'HR manager';
    // Typed while "a person" was chosen, then left behind: never printed for a company.
    form.person.aNumber = 'A087654321';
    const draft = await createDraft({ data: form });
    renderWithI18n(<PrintView id={draft.id} />, { path: `/requests/${draft.id}/print` });
    await screen.findByText('Acme Farms LLC');
    expect(screen.getByText('Ana Kowalczyk')).toBeTruthy();
    expect(screen.getByText('HR manager')).toBeTruthy();
    expect(screen.queryByText('Date of birth')).toBeNull();
    expect(screen.queryByText('A087-654-321')).toBeNull();
    await waitFor(() => expect(document.documentElement.style.getPropertyValue('--print-who')).toBe('"Acme Farms LLC"'));
  });
});
