import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { CSRF, detail, mockOffice, renderStaff, signedIn, type SentCall } from './staff-harness';
import type { StaffAccount } from '../../src/staff/types';
import { expectShown } from './shown';
import { auditEntries } from './staff-fixtures';

const ACCOUNTS: StaffAccount[] = [
  { id: 'staff-admin', email: 'admin@agency.example', role: 'admin', status: 'active', lastSignInAt: '2026-12-04T09:00:00.000Z' },
  { id: 'staff-2', email: 'officer@agency.example', role: 'officer', status: 'active', lastSignInAt: null },
];

describe('staff accounts (administrators)', () => {
  it('invites someone and shows the enrolment link once', async () => {
    let list = [...ACCOUNTS];
    const office = mockOffice({
      'GET session': signedIn('admin'),
      'GET staff': () => ({ body: { staff: list } }),
      'POST staff': (call: SentCall) => {
        const { email, role } = call.body as { email: string; role: StaffAccount['role'] };
        list = [...list, { id: 'staff-3', email, role, status: 'invited', lastSignInAt: null }];
        return { body: { id: 'staff-3', enrolUrl: 'http://localhost/staff/enrol#one-time-token' } };
      },
    });
    renderStaff('/staff/accounts', office);
    await screen.findByRole('heading', { level: 1, name: 'Staff accounts' });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expectShown(await screen.findByText('Enter the e-mail address to invite.'));
    fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: 'new@agency.example' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'supervisor' } });
    await waitFor(() => expect((screen.getByLabelText('Role') as HTMLSelectElement).value).toBe('supervisor'));
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expectShown(await screen.findByText('http://localhost/staff/enrol#one-time-token'));
    const [sent] = office.sent('POST', 'staff');
    expect(sent!.body).toEqual({ email: 'new@agency.example', role: 'supervisor' });
    expect(sent!.headers['X-CSRF-Token']).toBe(CSRF);
    expectShown(await screen.findByRole('rowheader', { name: 'new@agency.example' }));
  });

  it('disables an account, and never offers to disable or demote oneself', async () => {
    const office = mockOffice({
      'GET session': signedIn('admin'),
      'GET staff': { body: { staff: ACCOUNTS } },
      'PATCH staff/staff-2': (call: SentCall) => ({ body: { ...ACCOUNTS[1], status: (call.body as { disabled: boolean }).disabled ? 'disabled' : 'active' } }),
    });
    renderStaff('/staff/accounts', office);
    const row = (await screen.findByRole('rowheader', { name: 'officer@agency.example' })).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Disable officer@agency.example' }));
    await screen.findByText('officer@agency.example: Intake officer, disabled.');
    expect(office.sent('PATCH', 'staff/staff-2')[0]!.body).toEqual({ disabled: true });
    const mine = screen.getByRole('rowheader', { name: 'admin@agency.example' }).closest('tr')!;
    expect(within(mine).queryByRole('button')).toBeNull();
    expect((within(mine).getByLabelText('Role of admin@agency.example') as HTMLSelectElement).disabled).toBe(true);
  });

  it('tells a supervisor the screen is not for them, without asking the server', async () => {
    const office = mockOffice({ 'GET session': signedIn('supervisor') });
    renderStaff('/staff/accounts', office);
    expectShown(await screen.findByText(/for the administrator role/));
    expect(office.sent('GET', 'staff')).toHaveLength(0);
  });
});

describe('the audit log (supervisors)', () => {
  it('lists who did what, when and from where, and filters by action', async () => {
    const office = mockOffice({
      'GET session': signedIn('supervisor'),
      'GET audit': (call: SentCall) => ({
        body: {
          entries: [{ ...auditEntries()[3]!, action: call.query.get('action') ?? 'view_attachment' }],
          nextCursor: null,
        },
      }),
    });
    renderStaff('/staff/audit', office);
    const row = (await screen.findByRole('cell', { name: 'Opened a file' })).closest('tr')!;
    expect(row.textContent).toContain('officer@agency.example');
    expect(row.textContent).toContain('203.0.113.7');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'export' } });
    expectShown(await screen.findByRole('cell', { name: 'Exported requests' }));
    expect(office.sent('GET', 'audit').at(-1)!.query.get('action')).toBe('export');
  });

  it('says what each entry is about in words: a request by its confirmation number, linked; people by e-mail; states by their labels', async () => {
    const entries = auditEntries();
    const request = entries[2]!.request!;
    const office = mockOffice({
      'GET session': signedIn('supervisor'),
      'GET audit': { body: { entries, nextCursor: null } },
      [`GET requests/${request.id}`]: { body: detail({ confirmation: request.confirmation }) },
    });
    renderStaff('/staff/audit', office);
    const rowOf = async (what: string) => (await screen.findByRole('cell', { name: what })).closest('tr')!;

    const review = await rowOf('Changed a review state');
    const link = within(review).getByRole('link', { name: 'Request 5H8-X8A-3DY' });
    expect(link.getAttribute('href')).toBe(`/staff/requests/${request.id}`);
    expectShown(within(review).getByRole('cell', { name: 'Received → In review' }));

    const assign = await rowOf('Assigned a request');
    expect(within(assign).getByRole('link', { name: 'Request 5H8-X8A-3DY' })).toBeTruthy();
    expectShown(within(assign).getByRole('cell', { name: 'to officer@agency.example' }));

    const file = await rowOf('Opened a file');
    expect(within(file).getByRole('link', { name: 'A file of request 5H8-X8A-3DY' }).getAttribute('href')).toBe(`/staff/requests/${request.id}`);

    const account = await rowOf('Changed a staff account');
    expectShown(within(account).getByRole('cell', { name: 'officer@agency.example' }));
    expectShown(within(account).getByRole('cell', { name: 'Role: Supervisor' }));

    // Something the server could not name keeps its id, unlinked.
    const unknown = await rowOf('Viewed a request');
    expectShown(within(unknown).getByRole('cell', { name: 'c0ffee00-0000-4000-8000-00000000dead' }));
    expect(within(unknown).queryByRole('link')).toBeNull();

    // No stored id or code shows where words exist.
    const table = screen.getByRole('table').textContent!;
    expect(table).not.toContain(request.id);
    expect(table).not.toContain('9b47ec2c');
    expect(table).not.toContain('->');
    expect(table).not.toContain('role=');

    // The router scrolls to the top on a new page; jsdom has no scrolling.
    const scroll = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    fireEvent.click(link);
    await screen.findByRole('heading', { level: 1, name: 'Request 5H8-X8A-3DY' });
    scroll.mockRestore();
    expect(location.pathname).toBe(`/staff/requests/${request.id}`);
  });
});

describe('event counts (supervisors)', () => {
  it('draws a chart per event with the same numbers in a table beside it', async () => {
    const office = mockOffice({
      'GET session': signedIn('supervisor'),
      'GET events': {
        body: {
          events: [
            {
              eventId: 'evt-houston',
              days: [
                { date: '2026-11-20', counts: { served: 31, submitted: 12 } },
                { date: '2026-11-21', counts: { served: 18, submitted: 7 } },
              ],
            },
          ],
        },
      },
    });
    renderStaff('/staff/events', office);
    const chart = await screen.findByRole('img', { name: /Event evt-houston/ });
    expect(chart.querySelectorAll('rect')).toHaveLength(4);
    expect(chart.querySelector('desc')!.textContent).toContain('2026-11-20 · People helped: 31');
    const table = screen.getByRole('table', { name: 'Counts of event evt-houston by day' });
    const row = within(table).getByRole('row', { name: /2026-11-21/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['18', '7']);
    expectShown(within(table).getByRole('columnheader', { name: 'Requests sent from the form' }));
  });
});

describe('feedback (supervisors)', () => {
  it('counts answers per event and day, and shows the written words as text', async () => {
    const group = {
      eventId: 'evt-houston',
      day: '2026-11-20',
      count: 2,
      satisfaction: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 1 },
      answers: { understood: { yes: 1, partly: 1, no: 0 }, would_ask: { yes: 2, maybe: 0, no: 0 }, heard_from: { community_group: 0, faith_group: 1, friend_family: 0, online: 0, government: 0, other: 0 } },
      withText: 1,
      withContact: 1,
    };
    const text = {
      id: 'fb-1',
      receivedAt: '2026-11-20T18:00:00.000Z',
      locale: 'es',
      eventId: 'evt-houston',
      satisfaction: 5,
      questions: null,
      comments: '<b>Muy útil</b>',
      contact: { email: 'rosa@example.com' },
    };
    const office = mockOffice({ 'GET session': signedIn('supervisor'), 'GET feedback': { body: { groups: [group], texts: [text] } } });
    renderStaff('/staff/feedback', office);
    const section = await screen.findByRole('region', { name: /Event evt-houston, 2026-11-20: 2 answers/ });
    const satisfaction = within(section).getByRole('table', { name: /Satisfaction/ });
    expect(within(satisfaction).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '0', '1', '0', '1']);
    const understood = within(section).getByRole('table', { name: 'Did the session explain how the Ombudsman can help?' });
    expect(within(within(understood).getByRole('row', { name: /Partly/ })).getByRole('cell').textContent).toBe('1');
    const texts = screen.getByRole('region', { name: 'Written questions and comments' });
    expect(within(texts).getByText('<b>Muy útil</b>')).toBeTruthy();
    expect(within(texts).getByText('rosa@example.com')).toBeTruthy();
  });
});

