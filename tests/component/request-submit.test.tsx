import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { closeDb } from '../../src/storage/db';
import { createDraft, getDraft } from '../../src/storage/drafts';
import { renderWithI18n } from './render-with-app';
import { validForm } from './request-harness';

const handOver = vi.fn(async (_id: string) => {});
vi.mock('../../src/requests/submit', () => ({ handOverToOutbox: (id: string) => handOver(id) }));

const { default: RequestsView } = await import('../../src/requests/RequestsView');

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  handOver.mockReset();
});
afterEach(async () => {
  await closeDb();
});

describe('sending a request', () => {
  it('validates, closes the draft with the normalized request, and hands it to the outbox', async () => {
    handOver.mockResolvedValue(undefined);
    const draft = await createDraft({ data: validForm() });
    renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}/review` });
    await screen.findByRole('heading', { level: 1, name: 'Check and send' });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await screen.findByRole('heading', { level: 1, name: 'Ready to send — not sent yet' });
    expect(handOver).toHaveBeenCalledWith(draft.id);
    const stored = await getDraft(draft.id);
    expect(stored?.status).toBe('submitted');
    expect(stored?.request).toMatchObject({
      id: draft.id,
      schemaVersion: 1,
      locale: 'en',
      person: { familyName: 'García', aNumber: '012345678', phone: '5125550199' },
      case: { formTypes: ['I-485'], receiptNumbers: ['EAC2190012345'] },
      consent: { agreed: true, signedBy: 'person', signature: { kind: 'typed', name: 'Ana García' } },
      attachments: [],
    });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('link', { name: 'See where your requests stand' }).getAttribute('href')).toBe('/requests/status');
  });

  it('opens the draft again, unchanged, when the outbox cannot take it', async () => {
    handOver.mockRejectedValue(new Error('no key'));
    const draft = await createDraft({ data: validForm() });
    renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}/review` });
    await screen.findByRole('heading', { level: 1, name: 'Check and send' });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await screen.findByText(/could not be handed over for sending/);
    await waitFor(async () => expect((await getDraft(draft.id))?.status).toBe('editing'));
    expect((await getDraft(draft.id))?.request).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Send request' })).toHaveProperty('disabled', false);
  });
});
