import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/preact';
import { mockOffice, renderStaff } from './staff-harness';
import { expectShown } from './shown';

const TOKEN = 'enrol-token-abcdefghijklmnopqrstuvwxyz012345';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/CIS%20Ombudsman:new%40agency.example?secret=${SECRET}&issuer=CIS%20Ombudsman&algorithm=SHA1&digits=6&period=30`;

describe('enrolling from the one-time link', () => {
  it('takes the token out of the address, sets a password, shows the QR code and the key, then checks a code', async () => {
    const office = mockOffice({
      'POST enrolment/start': { body: { email: 'new@agency.example', role: 'officer' } },
      'POST enrolment/password': { body: { otpauthUri: URI, secret: SECRET } },
      'POST enrolment/verify': { status: 204 },
    });
    renderStaff(`/staff/enrol#${TOKEN}`, office);
    expectShown(await screen.findByText('new@agency.example'));
    expect(location.hash).toBe('');
    expect(office.sent('POST', 'enrolment/start')[0]!.body).toEqual({ token: TOKEN });
    // No session is asked for on this page: the link alone is the key.
    expect(office.sent('GET', 'session')).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expectShown(await screen.findByText('Use at least 12 characters.'));
    expect(office.sent('POST', 'enrolment/password')).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'new@agency.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expectShown(await screen.findByText('Do not use your e-mail address as the password.'));

    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'lantern orchard pebble' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const qr = await screen.findByRole('img', { name: 'QR code for your authenticator app' });
    expect(qr.querySelector('path')!.getAttribute('d')!.length).toBeGreaterThan(100);
    expectShown(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP'));
    expect(office.sent('POST', 'enrolment/password')[0]!.body).toEqual({ token: TOKEN, password: 'lantern orchard pebble' });

    fireEvent.input(screen.getByLabelText('6-digit code the app shows'), { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expectShown(await screen.findByRole('heading', { name: 'Your account is ready' }));
    expect(office.sent('POST', 'enrolment/verify')[0]!.body).toEqual({ token: TOKEN, code: '123456' });
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/staff/signin');
  });

  it('says a used or expired link is not valid any more', async () => {
    const office = mockOffice({ 'POST enrolment/start': { status: 404, body: { error: 'invalid_token' } } });
    renderStaff(`/staff/enrol#${TOKEN}`, office);
    expect((await screen.findByRole('alert')).textContent).toMatch(/not valid any more/);
    expect(screen.queryByLabelText('New password')).toBeNull();
  });

  it('keeps the code typed when it is refused', async () => {
    const office = mockOffice({
      'POST enrolment/start': { body: { email: 'new@agency.example', role: 'admin' } },
      'POST enrolment/password': { body: { otpauthUri: URI, secret: SECRET } },
      'POST enrolment/verify': { status: 422, body: { error: 'invalid_code' } },
    });
    renderStaff(`/staff/enrol#${TOKEN}`, office);
    fireEvent.input(await screen.findByLabelText('New password'), { target: { value: 'lantern orchard pebble' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.input(await screen.findByLabelText('6-digit code the app shows'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/code is not right/);
    expect((screen.getByLabelText('6-digit code the app shows') as HTMLInputElement).value).toBe('000000');
  });
});
