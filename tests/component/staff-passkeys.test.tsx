import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { CSRF, mockOffice, noSession, renderStaff, signedIn } from './staff-harness';
import { expectShown } from './shown';
import type { Passkey, StaffAccount } from '../../src/staff/types';

const LAPTOP: Passkey = { id: 'pk-1', name: 'Office laptop', createdAt: '2026-12-01T09:00:00.000Z', lastUsedAt: null };
const OPTIONS = { options: { challenge: 'Y2hhbGxlbmdl', rp: { id: 'localhost', name: 'x' }, user: { id: 'dQ', name: 'a', displayName: '' }, pubKeyCredParams: [{ alg: -7, type: 'public-key' }], timeout: 60000 } };

/** jsdom has no WebAuthn: a browser that has it, whose prompt the person closes. */
function browserWithPasskeys() {
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
  const closed = () => Promise.reject(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'));
  Object.defineProperty(navigator, 'credentials', { configurable: true, value: { create: vi.fn(closed), get: vi.fn(closed) } });
}

describe('passkeys in the console', () => {
  beforeEach(browserWithPasskeys);
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'credentials');
  });

  it('lists one’s own passkeys and removes one, with the CSRF token', async () => {
    const office = mockOffice({ 'GET session': signedIn(), 'GET passkeys': { body: { passkeys: [LAPTOP] } }, 'DELETE passkeys/pk-1': { status: 204 } });
    renderStaff('/staff/account', office);
    const row = (await screen.findByRole('rowheader', { name: 'Office laptop' })).closest('tr')!;
    expect(within(row).getByText('Never')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Remove the passkey “Office laptop”' }));
    expectShown(await screen.findByText('Passkey “Office laptop” removed.'));
    expect(office.sent('DELETE', 'passkeys/pk-1')[0]!.headers['X-CSRF-Token']).toBe(CSRF);
    expect(screen.getByText('You have no passkeys yet.')).toBeTruthy();
  });

  it('asks for a name and the password before anything is sent, and keeps the name when the password is wrong', async () => {
    const office = mockOffice({
      'GET session': signedIn(),
      'GET passkeys': { body: { passkeys: [] } },
      'POST passkeys/options': { status: 403, body: { error: 'step_up_failed' } },
    });
    renderStaff('/staff/account', office);
    await screen.findByText('You have no passkeys yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Add a passkey' }));
    expectShown(await screen.findByText('Name the passkey, for example “Office laptop”.'));
    expectShown(screen.getByText('Enter your password to confirm it is you.'));
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    expect(office.sent('POST', 'passkeys/options')).toHaveLength(0);
    expect(screen.getByLabelText('Your password').getAttribute('type')).toBe('password');
    expect(screen.getByLabelText('Your password').getAttribute('autocomplete')).toBe('current-password');
    expect(screen.getByLabelText('Your password').getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Office laptop' } });
    fireEvent.input(screen.getByLabelText('Your password'), { target: { value: 'not my password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a passkey' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/password or code is not right/);
    expect(office.sent('POST', 'passkeys/options')[0]!.body).toEqual({ password: 'not my password' });
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Office laptop');
  });

  it('says so when the person closes the device’s prompt, and sends no passkey', async () => {
    const office = mockOffice({ 'GET session': signedIn(), 'GET passkeys': { body: { passkeys: [] } }, 'POST passkeys/options': { body: OPTIONS } });
    renderStaff('/staff/account', office);
    await screen.findByText('You have no passkeys yet.');
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Office laptop' } });
    fireEvent.input(screen.getByLabelText('Your password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a passkey' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/prompt was closed or timed out/);
    expect(office.sent('POST', 'passkeys')).toHaveLength(0);
  });

  it('signs in with a passkey instead of the code: asks for e-mail and password only', async () => {
    const office = mockOffice({ 'GET session': noSession, 'POST session/passkey': { body: { options: { challenge: 'Y2hhbGxlbmdl', rpId: 'localhost' } } } });
    renderStaff('/staff', office);
    await screen.findByRole('heading', { name: 'Sign in to the office console' });
    fireEvent.click(screen.getByRole('button', { name: 'Use a passkey instead of the code' }));
    expectShown(await screen.findByText('Enter your password.'));
    expect(screen.queryByText(/The code is 6 digits|Enter the 6-digit code/)).toBeNull();
    expect(office.sent('POST', 'session/passkey')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: 'officer@agency.example' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use a passkey instead of the code' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/prompt was closed or timed out/);
    expect(office.sent('POST', 'session')).toHaveLength(0);
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('correct horse battery');
  });

  it('lets an administrator reset someone’s sign-in and shows the new link once', async () => {
    const accounts: StaffAccount[] = [
      { id: 'staff-admin', email: 'officer@agency.example', role: 'admin', status: 'active', lastSignInAt: null },
      { id: 'staff-2', email: 'lost@agency.example', role: 'officer', status: 'active', lastSignInAt: null },
    ];
    vi.stubGlobal('confirm', () => true);
    const office = mockOffice({
      'GET session': signedIn('admin'),
      'GET staff': { body: { staff: accounts } },
      'POST staff/staff-2/reset': { body: { id: 'staff-2', enrolUrl: 'http://localhost/staff/enrol#new-token' } },
    });
    renderStaff('/staff/accounts', office);
    const row = (await screen.findByRole('rowheader', { name: 'lost@agency.example' })).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Reset sign-in of lost@agency.example' }));
    expectShown(await screen.findByRole('heading', { name: 'New enrolment link for lost@agency.example' }));
    expect(screen.getByText('http://localhost/staff/enrol#new-token')).toBeTruthy();
    await waitFor(() => expect(office.sent('POST', 'staff/staff-2/reset')).toHaveLength(1));
  });
});
