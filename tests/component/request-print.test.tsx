import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { PrintView } from '../../src/requests/PrintView';
import { closeDb } from '../../src/storage/db';
import { createDraft, rescueDraftSync } from '../../src/storage/drafts';
import type { RequestForm } from '../../src/requests/form-model';
import { formWith } from '../fixtures/request-form';
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

/** Stores `form` as a draft; answers its id. */
async function stored(form: RequestForm): Promise<string> {
  return (await createDraft({ data: form })).id;
}

/** Opens the draft's print view, as the person does from the request (English unless `locale`). */
function openPrint(id: string, locale?: string) {
  renderWithI18n(<PrintView id={id} />, { ...(locale ? { locale } : {}), path: `/requests/${id}/print` });
}

describe('the print view', () => {
  it('prints the copy kept as the page was left, not the older saved one', async () => {
    const id = await stored(formWith({ familyName: 'Older' }));
    // The person typed, then left the page before the debounced save ran.
    rescueDraftSync({ id, data: formWith({ familyName: 'Newer' }) });
    openPrint(id);
    await screen.findByText('Newer');
    expect(screen.queryByText('Older')).toBeNull();
  });

  it('prints the person\'s copy in Chinese, then an English copy, with the name family first and the A-number on every page', async () => {
    const form = formWith(
      { familyName: '王', givenName: '小明', aNumber: 'A087654321', preferredLanguage: 'zh-Hans', countryOfBirth: 'CN' },
      { problemKinds: ['emergency'] },
    );
    openPrint(await stored(form), 'zh-Hans');
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
    openPrint(await stored(formWith({ familyName: 'Kowalczyk', givenName: 'Ana' })));
    await screen.findByRole('heading', { level: 1, name: 'Request for Case Assistance (Form DHS-7001)' });
    expect(screen.queryByText('English copy for the office')).toBeNull();
    expect(document.querySelectorAll('article.pf-copy')).toHaveLength(1);
    await waitFor(() => expect(document.documentElement.style.getPropertyValue('--print-who')).toBe('"Ana Kowalczyk"'));
    expect(document.documentElement.style.getPropertyValue('--print-pages')).toBe('"Page " counter(page) " of " counter(pages)');
  });

  it('prints a company by its name and contact person, with no birth, citizenship or A-number parts', async () => {
    const form = formWith({
      kind: 'company',
      businessName: 'Acme Farms LLC',
      contactName: 'Ana Kowalczyk',
      contactTitle: 'HR manager',
      // Typed while "a person" was chosen, then left behind: never printed for a company.
      aNumber: 'A087654321',
    });
    openPrint(await stored(form));
    await screen.findByText('Acme Farms LLC');
    expect(screen.getByText('Ana Kowalczyk')).toBeTruthy();
    expect(screen.getByText('HR manager')).toBeTruthy();
    expect(screen.queryByText('Date of birth')).toBeNull();
    expect(screen.queryByText('A087-654-321')).toBeNull();
    await waitFor(() => expect(document.documentElement.style.getPropertyValue('--print-who')).toBe('"Acme Farms LLC"'));
  });
});
