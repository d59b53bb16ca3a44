import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { closeDb, getDb } from '../../src/storage/db';
import type { OutboxRecord, PendingOutboxRecord } from '../../src/storage/outbox-record';
import { renderWithI18n } from './render-with-app';
import { expectShown } from './shown';

const triggers = vi.hoisted(() => ({
  sendNow: vi.fn(async () => ({ ran: true, attempted: 1, delivered: 0, waiting: 1, needsAttention: 0 })),
  hasBackgroundSync: vi.fn(() => false),
  requestDelivery: vi.fn(),
}));
vi.mock('../../src/outbox/triggers', () => triggers);

const { OutboxStatus, UnsentBadge } = await import('../../src/requests/OutboxStatus');

function pending(id: string, overrides: Partial<PendingOutboxRecord> = {}): PendingOutboxRecord {
  return {
    id,
    state: 'waiting',
    formTypes: ['I-485', 'I-765'],
    submittedAt: '2025-05-02T10:00:00.000Z',
    needsSeal: false,
    hasLocalCopy: true,
    attachments: [],
    attempts: 0,
    nextTryAt: 0,
    ...overrides,
  };
}

async function seed(...records: OutboxRecord[]) {
  const db = await getDb();
  for (const r of records) await db.put('outbox', r);
}

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  triggers.sendNow.mockClear();
});
afterEach(() => closeDb());

describe('OutboxStatus', () => {
  it('says where each request stands in plain words', async () => {
    await seed(
      pending('a'),
      pending('b', { state: 'sending', submittedAt: '2025-05-02T11:00:00.000Z' }),
      { id: 'c', state: 'delivered', confirmation: 'K7Q-4M2-XP9', deliveredAt: '2025-05-03T12:00:00.000Z', formTypes: ['N-400'] },
      pending('d', {
        state: 'needs-attention',
        submittedAt: '2025-05-02T12:00:00.000Z',
        reasons: [{ code: 'date.future', path: 'person.dateOfBirth' }, { code: 'no_such_code' }],
      }),
    );
    renderWithI18n(<OutboxStatus headingLevel={1} />, { path: '/requests/status' });
    await screen.findByText('Ready to send — not sent yet');
    const item = (label: string) => screen.getAllByRole('listitem').find((li) => li.querySelector('.outbox__state')?.textContent === label)!;
    expect(item('Ready to send — not sent yet').textContent).toContain('The app sends it by itself when there is a connection.');
    expect(item('Sending — not delivered yet').className).toContain('outbox__item--sending');
    expect(item('Delivered to the office').textContent).toContain('Delivered on May 3, 2025. Confirmation number: K7Q-4M2-XP9');
    expect(item('Not delivered — needs attention').textContent).toContain('The office could not accept this request.');
    // Only the delivered one says delivered; the others say they are not.
    expect(screen.getAllByText(/^Delivered/)).toHaveLength(2);
    const reasons = item('Not delivered — needs attention');
    expectShown(within(reasons).getByText(/^Date of birth: /));
    expectShown(within(reasons).getByText('Something in the request was not accepted.'));
    expect(within(reasons).getByRole('link', { name: 'Fix and send again' }).getAttribute('href')).toBe('/requests/d');
    expectShown(screen.getByRole('heading', { level: 1, name: 'Where your requests stand' }));
    expect(screen.getAllByRole('heading', { level: 3, name: 'Request about I-485 and I-765' })).toHaveLength(3);
  });

  it('has a Send now button and the honest note for browsers without Background Sync', async () => {
    await seed(pending('a', { attempts: 2, lastError: 'network' }));
    renderWithI18n(<OutboxStatus />);
    expectShown(await screen.findByText('It was tried 2 times so far.'));
    expectShown(screen.getByText(/sent only while the app is open/));
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 request is still waiting. The app will keep trying.'));
    expect(triggers.sendNow).toHaveBeenCalledTimes(1);
  });

  it('offers Try again and Remove when the device has no copy to fix (event mode)', async () => {
    await seed(pending('e', { state: 'needs-attention', hasLocalCopy: false, reasons: [{ code: 'unknown_kid' }] }));
    renderWithI18n(<OutboxStatus />);
    expectShown(await screen.findByText(/changed its security key/));
    expect(screen.queryByRole('link', { name: 'Fix and send again' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove from this list' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove it' }));
    await waitFor(() => expectShown(screen.getByText('There are no finished requests on this device yet.')));
  });

  it('shows nothing to send when all is delivered', async () => {
    await seed({ id: 'c', state: 'delivered', confirmation: 'K7Q-4M2-XP9', deliveredAt: '2025-05-03T12:00:00.000Z', formTypes: [] });
    renderWithI18n(<OutboxStatus />);
    expectShown(await screen.findByRole('heading', { level: 3, name: 'Request' }));
    expect(screen.queryByRole('button', { name: 'Send now' })).toBeNull();
  });
});

describe('UnsentBadge', () => {
  it('counts waiting, sending and needs-attention, and hides at zero', async () => {
    await seed(pending('a'), pending('b', { state: 'needs-attention' }), {
      id: 'c',
      state: 'delivered',
      confirmation: 'K7Q-4M2-XP9',
      deliveredAt: '2025-05-03T12:00:00.000Z',
      formTypes: [],
    });
    const { container } = renderWithI18n(<UnsentBadge />);
    await waitFor(() => expect(container.textContent).toBe('22 requests not sent yet'));
    await (await getDb()).clear('outbox');
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(container.textContent).toBe(''));
  });
});
