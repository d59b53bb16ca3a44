import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { COUNTS, CSRF, me, mockOffice, noSession, renderStaff, signedIn, summary } from './staff-harness';
import { expectShown } from './shown';

const inbox = { body: { requests: [summary()], nextCursor: null, counts: COUNTS } };

function fill(email: string, password: string, code: string) {
  fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.input(screen.getByLabelText(/6-digit code/), { target: { value: code } });
}

describe('signing in to the office console', () => {
  it('asks for what is missing beside each field and sends nothing', async () => {
    const office = mockOffice({ 'GET session': noSession });
    renderStaff('/staff', office);
    await screen.findByRole('heading', { level: 1, name: 'Sign in to the office console' });
    fill('officer@agency.example', '', '12a');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expectShown(await screen.findByText('Enter your password.'));
    expectShown(screen.getByText('The code is 6 digits, for example 123456.'));
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
    expect(office.sent('POST', 'session')).toHaveLength(0);
    // Hidden as typed, and offered to the browser's password manager.
    expect(screen.getByLabelText('Password').getAttribute('type')).toBe('password');
    expect(screen.getByLabelText('Password').getAttribute('autocomplete')).toBe('current-password');
    expect((screen.getByLabelText('E-mail') as HTMLInputElement).value).toBe('officer@agency.example');
  });

  it('says the credentials are wrong without saying which, and keeps what was typed', async () => {
    const office = mockOffice({ 'GET session': noSession, 'POST session': { status: 401, body: { error: 'invalid_credentials' } } });
    renderStaff('/staff', office);
    await screen.findByRole('heading', { name: 'Sign in to the office console' });
    fill('officer@agency.example', 'correct horse battery', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/e-mail, password or code is not right/);
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('correct horse battery');
    expect(office.sent('POST', 'session')[0]!.body).toEqual({ email: 'officer@agency.example', password: 'correct horse battery', code: '123456' });
    // A wrong password is not a lost session: the sign-in screen stays, nothing else loads.
    expect(office.sent('GET', 'requests')).toHaveLength(0);
  });

  it('tells a locked account for how long it is locked', async () => {
    const office = mockOffice({
      'GET session': noSession,
      'POST session': { status: 429, body: { error: 'locked' }, headers: { 'Retry-After': '840' } },
    });
    renderStaff('/staff', office);
    await screen.findByRole('heading', { name: 'Sign in to the office console' });
    fill('officer@agency.example', 'correct horse battery', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/locked for 14 minutes, until \d{1,2}:\d{2}/);
  });

  it('returns to the page that was asked for once signed in, and sends the CSRF token from then on', async () => {
    let session = noSession;
    const office = mockOffice({
      'GET session': () => session,
      'POST session': () => {
        session = signedIn('supervisor');
        return session;
      },
      'GET audit': { body: { entries: [], nextCursor: null } },
      'DELETE session': { status: 204 },
    });
    renderStaff('/staff/audit', office);
    await screen.findByRole('heading', { name: 'Sign in to the office console' });
    await waitFor(() => expect(location.pathname).toBe('/staff/signin'));
    fill('supervisor@agency.example', 'correct horse battery', '654321');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Audit log' });
    expect(location.pathname).toBe('/staff/audit');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in to the office console' });
    expect(office.sent('DELETE', 'session')[0]!.headers['X-CSRF-Token']).toBe(CSRF);
  });

  it('goes to sign-in when the session times out, and comes back to the same request', async () => {
    let expired = false;
    const office = mockOffice({
      'GET session': () => (expired ? noSession : signedIn()),
      'GET requests': () => (expired ? noSession : inbox),
      'POST session': () => {
        expired = false;
        return signedIn();
      },
    });
    renderStaff('/staff', office);
    await screen.findByRole('link', { name: 'OMB-7Q3K-9XW2' });
    expectShown(screen.getByText(`${me().email} (Intake officer)`));
    expired = true;
    // The idle timeout ended the session on the server; the next call answers 401.
    fireEvent.click(screen.getByLabelText('Urgent only'));
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByRole('heading', { name: 'Sign in to the office console' });
    fill('officer@agency.example', 'correct horse battery', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Inbox' });
    await waitFor(() => expect(location.search).toBe('?urgent=1'));
  });
});
