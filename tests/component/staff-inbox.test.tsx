import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { COUNTS, mockOffice, renderStaff, signedIn, summary, type SentCall } from './staff-harness';
import { expectShown } from './shown';

function inboxOffice(role: 'officer' | 'supervisor' = 'officer', extra = {}) {
  return mockOffice({
    'GET session': signedIn(role),
    'GET requests': (call: SentCall) => ({
      body: call.query.get('cursor')
        ? { requests: [summary({ id: 'second-page', confirmation: 'OMB-PAGE-TWO1', name: 'Second, Page' })], nextCursor: null, counts: COUNTS }
        : {
            requests: [
              summary({ urgent: true, assignee: { id: 'staff-officer', email: 'officer@agency.example' } }),
              summary({ id: 'other', confirmation: 'OMB-AAAA-BBBB', name: 'Nguyễn, Văn An', language: 'vi', state: 'in_review' }),
            ],
            nextCursor: 'opaque-cursor-1',
            counts: COUNTS,
          },
    }),
    ...extra,
  });
}

describe('the inbox', () => {
  it('lists requests newest first with counts per state, and pages with the cursor', async () => {
    const office = inboxOffice();
    renderStaff('/staff', office);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('link', { name: 'OMB-7Q3K-9XW2' }).getAttribute('href')).toMatch(/^\/staff\/requests\//);
    expect(rows[1]!.textContent).toContain('Urgent');
    expect(rows[1]!.textContent).toContain('Spanish (es)');
    expect(rows[2]!.textContent).toContain('Vietnamese (vi)');
    expect(rows[2]!.textContent).toContain('In review');
    const counts = screen.getByRole('navigation', { name: 'Requests by state' });
    expectShown(within(counts).getByRole('link', { name: /Closed\s*4/ }));

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('link', { name: 'OMB-PAGE-TWO1' });
    expect(office.sent('GET', 'requests').at(-1)!.query.get('cursor')).toBe('opaque-cursor-1');
    expect(screen.queryByRole('button', { name: 'Next page' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    await screen.findByRole('link', { name: 'OMB-AAAA-BBBB' });
  });

  it('applies every filter to the address and to the API, but keeps the search text out of the address', async () => {
    const office = inboxOffice();
    renderStaff('/staff', office);
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'needs_information' } });
    fireEvent.input(screen.getByLabelText('Received from'), { target: { value: '2026-11-01' } });
    fireEvent.input(screen.getByLabelText('Received to'), { target: { value: '2026-11-30' } });
    fireEvent.input(screen.getByLabelText('Form type'), { target: { value: 'i-485' } });
    fireEvent.change(screen.getByLabelText('Language used'), { target: { value: 'es' } });
    fireEvent.input(screen.getByLabelText('Event id'), { target: { value: 'evt-1' } });
    fireEvent.click(screen.getByLabelText('Urgent only'));
    fireEvent.click(screen.getByLabelText('Assigned to me'));
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(office.sent('GET', 'requests').at(-1)!.query.get('state')).toBe('needs_information'));
    const q = office.sent('GET', 'requests').at(-1)!.query;
    expect(Object.fromEntries(q)).toMatchObject({ from: '2026-11-01', to: '2026-11-30', form: 'I-485', lang: 'es', event: 'evt-1', urgent: '1', assigned: 'me' });
    expect(location.search).toBe('?state=needs_information&from=2026-11-01&to=2026-11-30&form=I-485&urgent=1&lang=es&assigned=me&event=evt-1');

    fireEvent.input(screen.getByLabelText(/Find by A-number/), { target: { value: 'A012345678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    // The search goes to the API in a header: neither the page's address nor the API's URL holds it.
    await waitFor(() => expect(office.sent('GET', 'requests').at(-1)!.headers['X-Office-Search']).toBe('A012345678'));
    expect(office.sent('GET', 'requests').at(-1)!.query.has('q')).toBe(false);
    expect(location.href).not.toContain('A012345678');
  });

  it('refuses a date range that ends before it starts, keeping both dates', async () => {
    const office = inboxOffice();
    renderStaff('/staff', office);
    await screen.findByRole('table');
    const before = office.sent('GET', 'requests').length;
    fireEvent.input(screen.getByLabelText('Received from'), { target: { value: '2026-12-01' } });
    fireEvent.input(screen.getByLabelText('Received to'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expectShown(await screen.findByText('The “to” date must be on or after the “from” date.'));
    expect((screen.getByLabelText('Received to') as HTMLInputElement).value).toBe('2026-11-01');
    expect(office.sent('GET', 'requests')).toHaveLength(before);
  });

  it('gives supervisors the exports of the current filter, downloaded with the session', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:export';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const office = inboxOffice('supervisor', {
      'GET export': (call: SentCall) => ({
        text: `export ${call.query.get('format')}`,
        headers: { 'Content-Disposition': `attachment; filename="requests-2026-12-04.${call.query.get('format')}"` },
      }),
    });
    renderStaff('/staff?urgent=1', office);
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText('The export was downloaded.');
    fireEvent.click(screen.getByRole('button', { name: 'Export ZIP with files' }));
    await waitFor(() => expect(office.sent('GET', 'export')).toHaveLength(2));
    const [csv, zip] = office.sent('GET', 'export');
    expect(csv!.query.get('format')).toBe('csv');
    expect(csv!.query.get('urgent')).toBe('1');
    expect(zip!.query.get('format')).toBe('zip');
    await waitFor(() => expect(created).toHaveLength(2));
    expect(await created[0]!.text()).toBe('export csv');
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('shows no exports to an officer', async () => {
    renderStaff('/staff', inboxOffice('officer'));
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: /Export/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
  });

  it('says so when the server is down, and keeps the filters', async () => {
    const office = mockOffice({ 'GET session': signedIn(), 'GET requests': { status: 503, body: { error: 'unavailable' }, headers: { 'Retry-After': '5' } } });
    renderStaff('/staff?state=received', office);
    expect((await screen.findByRole('alert')).textContent).toMatch(/busy/);
    expect((screen.getByLabelText('State') as HTMLSelectElement).value).toBe('received');
  });
});
