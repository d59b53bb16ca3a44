import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { closeDb, getDb } from '../../src/storage/db';
import { getStatus, recordCheck } from '../../src/storage/statuses';
import type { DeliveredOutboxRecord } from '../../src/storage/outbox-record';
import { noteSubmitted, setEventModeFlag, endSession } from '../../src/event-mode/session';
import { renderWithI18n } from './render-with-app';

const check = vi.hoisted(() => ({ checkStatuses: vi.fn(async () => ({ checked: 1, unreachable: false })) }));
vi.mock('../../src/status/check', () => check);
vi.mock('../../src/outbox/triggers', () => ({ sendNow: vi.fn(), hasBackgroundSync: () => false, requestDelivery: vi.fn() }));

const { default: StatusView } = await import('../../src/status/StatusView');
const { OutboxStatus } = await import('../../src/requests/OutboxStatus');

const SENT: DeliveredOutboxRecord = {
  id: '6f1c2a4e-0b7d-4c1e-9a55-3d2f6b8e9c01',
  state: 'delivered',
  confirmation: 'K7Q-4M2-XP9',
  deliveredAt: '2026-01-05T10:00:00.000Z',
  formTypes: ['I-485'],
  statusSecret: 'sentSecret_0123456789abcdefAB',
};
const CHECKED_AT = Date.UTC(2026, 0, 7, 15, 30);
const NEEDS_INFO = {
  state: 'needs_information',
  changedAt: '2026-01-06T10:00:00.000Z',
  infoReasons: ['missing_consent', 'unclear_document'],
  infoNote: 'Page 2 of the receipt notice is cut off.',
};

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  check.checkStatuses.mockClear();
  setOnline(true);
  setEventModeFlag(false);
  endSession();
});
afterEach(() => closeDb());

describe('the status page', () => {
  it('shows what the office asks for, in Spanish, with the note and when it was checked', async () => {
    await (await getDb()).put('outbox', SENT);
    await recordCheck(SENT.id, NEEDS_INFO, CHECKED_AT);
    renderWithI18n(<StatusView />, { locale: 'es', path: `/status/${SENT.id}` });
    expect(await screen.findByText('La oficina necesita más información')).toBeTruthy();
    const reasons = screen.getByRole('list');
    expect(within(reasons).getByText('Su consentimiento firmado, para que la oficina pueda revisar su caso')).toBeTruthy();
    expect(within(reasons).getByText('Una copia más clara de un documento que envió')).toBeTruthy();
    expect(screen.getByText('Page 2 of the receipt notice is cut off.')).toBeTruthy();
    expect(screen.getByText('Confirmación K7Q-4M2-XP9')).toBeTruthy();
    expect(screen.getByText(/^Consultado el .*2026/)).toBeTruthy();
    // Opening the page asks the office about this request (unless asked a moment ago).
    await waitFor(() => expect(check.checkStatuses).toHaveBeenCalledWith(60_000, [SENT.id]));
    expect(document.title).not.toContain(SENT.id);
  });

  it('offline: says so, shows the last known state and its date, and does not ask', async () => {
    setOnline(false);
    await (await getDb()).put('outbox', SENT);
    await recordCheck(SENT.id, { state: 'accepted', changedAt: '2026-01-08T10:00:00.000Z', caseNumber: 'OMB-2026-0042' }, CHECKED_AT);
    renderWithI18n(<StatusView />, { path: `/status/${SENT.id}` });
    expect(await screen.findByText('Accepted')).toBeTruthy();
    expect(screen.getByText('Office case number: OMB-2026-0042')).toBeTruthy();
    expect(screen.getByText('You are offline. This is the last status the app knew.')).toBeTruthy();
    expect(screen.getByText(/^Checked Jan 7, 2026/)).toBeTruthy();
    expect(check.checkStatuses).not.toHaveBeenCalled();
  });

  it('"Check now" asks again and says when the office could not be reached', async () => {
    await (await getDb()).put('outbox', SENT);
    renderWithI18n(<StatusView />, { path: `/status/${SENT.id}` });
    expect(await screen.findByText('Not checked with the office yet.')).toBeTruthy();
    check.checkStatuses.mockResolvedValueOnce({ checked: 0, unreachable: true });
    await waitFor(() => expect(check.checkStatuses).toHaveBeenCalledTimes(1));
    check.checkStatuses.mockResolvedValueOnce({ checked: 0, unreachable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    const said = await screen.findByText('The office could not be reached. This is the last status the app knew; it will try again.');
    expect(said.getAttribute('role')).toBe('status');
    expect(check.checkStatuses).toHaveBeenLastCalledWith(0, [SENT.id]);
  });

  it('keeps a status link opened on this phone, then takes the secret out of the address bar', async () => {
    const id = '0d9e8f7a-1b2c-4d3e-8f4a-5b6c7d8e9f00';
    const secret = 'linkSecret_0123456789abcdefAB';
    renderWithI18n(<StatusView />, { path: `/status#r=${id}&s=${secret}&c=ZZ9-8Y7-XW6` });
    const kept = await waitFor(async () => {
      const record = await getStatus(id);
      expect(record).toMatchObject({ id, secret, confirmation: 'ZZ9-8Y7-XW6' });
      return record!;
    });
    // The page's address names the request by a local id: neither the secret nor the office's id.
    await waitFor(() => expect(location.pathname).toBe(`/status/${kept.localId}`));
    expect(location.hash).toBe('');
    expect(location.href).not.toContain(secret);
    expect(location.href).not.toContain(id);
    expect(await screen.findByText('Confirmation ZZ9-8Y7-XW6')).toBeTruthy();
  });

  it('says a cut link is incomplete and keeps nothing; a shared tablet keeps no one’s link', async () => {
    renderWithI18n(<StatusView />, { path: '/status#r=0d9e8f7a-1b2c-4d3e-8f4a-5b6c7d8e9f00&s=cut' });
    expect((await screen.findByRole('alert')).textContent).toContain('This status link is incomplete.');
    expect(location.hash).toBe('');
    expect((await (await getDb()).getAll('statuses')).length).toBe(0);
  });

  it('on a shared tablet does not keep a link', async () => {
    setEventModeFlag(true);
    renderWithI18n(<StatusView />, { path: '/status#r=0d9e8f7a-1b2c-4d3e-8f4a-5b6c7d8e9f00&s=linkSecret_0123456789abcdefAB' });
    expect(await screen.findByText(/This is a shared device/)).toBeTruthy();
    expect(location.hash).toBe('');
    expect((await (await getDb()).getAll('statuses')).length).toBe(0);
  });
});

describe('answering the office', () => {
  it('refuses an empty answer with a message, keeps what is typed as it is typed, and queues the answer', async () => {
    await (await getDb()).put('outbox', SENT);
    await recordCheck(SENT.id, NEEDS_INFO, CHECKED_AT);
    renderWithI18n(<StatusView />, { path: `/status/${SENT.id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Send answer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Write your answer or add a file before sending.');
    const field = screen.getByLabelText('Your answer') as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(field, { target: { value: 'Page 2 is attached.' } });
    await waitFor(async () => expect((await (await getDb()).getAll('followUps')).map((f) => f.text)).toEqual(['Page 2 is attached.']));
    fireEvent.click(screen.getByRole('button', { name: 'Send answer' }));
    expect(await screen.findByText('Your answer is saved and will be sent as soon as there is a connection.')).toBeTruthy();
    const [answer] = (await (await getDb()).getAll('outbox')).filter((r) => r.id !== SENT.id);
    expect(answer).toMatchObject({ state: 'waiting', followUp: { requestId: SENT.id, statusSecret: SENT.statusSecret } });
    expect(await screen.findByText('Your answer to the office')).toBeTruthy();
    // Waiting to go: no second answer form meanwhile.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Send answer' })).toBeNull());
  });
});

describe('a copy to keep', () => {
  it('copies the confirmation number and the status link (secret in the fragment) and says so', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await (await getDb()).put('outbox', SENT);
    renderWithI18n(<StatusView />, { path: `/status/${SENT.id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy confirmation number' }));
    expect(await screen.findByText('Copied.')).toBeTruthy();
    expect(writeText).toHaveBeenLastCalledWith('K7Q-4M2-XP9');
    fireEvent.click(screen.getByRole('button', { name: 'Copy status link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    expect(screen.getByText('Copied.').getAttribute('role')).toBe('status');
    const link = new URL(writeText.mock.calls.at(-1)![0]);
    expect(link.pathname).toBe('/status');
    expect(link.search).toBe('');
    expect(new URLSearchParams(link.hash.slice(1)).get('s')).toBe(SENT.statusSecret);
  });

  it('when copying is refused, says so and offers the text to select', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) } });
    await (await getDb()).put('outbox', SENT);
    renderWithI18n(<StatusView />, { path: `/status/${SENT.id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy confirmation number' }));
    expect(await screen.findByText('Could not copy. Select the text below and copy it yourself.')).toBeTruthy();
    expect((screen.getByLabelText('Text to copy') as HTMLInputElement).value).toBe('K7Q-4M2-XP9');
  });
});

describe('the Requests list', () => {
  it('shows each delivered request’s last known state, when it was checked, and a way to its status page', async () => {
    await (await getDb()).put('outbox', SENT);
    await recordCheck(SENT.id, NEEDS_INFO, CHECKED_AT);
    renderWithI18n(<OutboxStatus />, { path: '/requests' });
    expect(await screen.findByText('The office needs more information')).toBeTruthy();
    expect(screen.getByText(/^Checked Jan 7, 2026/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See status' }).getAttribute('href')).toBe(`/status/${SENT.id}`);
    // A new answer arrives (another tab, the worker): the list follows.
    await recordCheck(SENT.id, { state: 'in_review', changedAt: '2026-01-09T10:00:00.000Z' }, CHECKED_AT + 60_000);
    expect(await screen.findByText('In review')).toBeTruthy();
  });

  it('on a shared tablet shows the person the QR code to take, and only their own requests', async () => {
    setEventModeFlag(true);
    const other = { ...SENT, id: 'a7b6c5d4-e3f2-4a1b-9c8d-7e6f5a4b3c2d', confirmation: 'OTH-ERP-ERS' };
    await (await getDb()).put('outbox', SENT);
    await (await getDb()).put('outbox', other);
    noteSubmitted(SENT.id);
    renderWithI18n(<StatusView />, { path: `/status/${SENT.id}` });
    expect(await screen.findByRole('img', { name: 'QR code with the link to your request’s status' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy status link' })).toBeNull();
    renderWithI18n(<StatusView />, { path: '/status' });
    await waitFor(() => expect(screen.getAllByText('Confirmation K7Q-4M2-XP9').length).toBeGreaterThan(0));
    expect(screen.queryByText('Confirmation OTH-ERP-ERS')).toBeNull();
  });
});
