import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { CSRF, detail, mockOffice, renderStaff, signedIn, type SentCall } from './staff-harness';
import type { RequestDetail } from '../../src/staff/types';
import { expectShown } from './shown';

const ID = detail().id;

function requestOffice(d: RequestDetail = detail(), role: 'officer' | 'supervisor' = 'officer', extra = {}) {
  let current = d;
  return mockOffice({
    'GET session': signedIn(role),
    [`GET requests/${ID}`]: () => ({ body: current }),
    [`POST requests/${ID}/review`]: (call: SentCall) => {
      const change = call.body as Partial<RequestDetail> & { state: RequestDetail['state'] };
      current = {
        ...current,
        ...change,
        history: [...current.history, { at: '2026-12-04T16:00:00.000Z', by: { id: 'staff-officer', email: 'officer@agency.example' }, from: current.state, to: change.state }],
      };
      return { body: current };
    },
    [`POST requests/${ID}/notes`]: (call: SentCall) => ({
      body: { id: 'n1', at: '2026-12-04T16:01:00.000Z', by: { id: 'staff-officer', email: 'officer@agency.example' }, text: (call.body as { text: string }).text },
    }),
    ...extra,
  });
}

describe('a request’s page', () => {
  it('shows every field with the applicant form’s English labels, the language used, the helper and their consent', async () => {
    renderStaff(`/staff/requests/${ID}`, requestOffice());
    await screen.findByRole('heading', { level: 1, name: 'Request OMB-7Q3K-9XW2' });
    const field = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling!.textContent;
    expect(field('Family name (last name)')).toBe('García López');
    expect(field('A-number (Alien Registration Number)')).toBe('A012-345-678');
    expect(field('Receipt numbers')).toBe('EAC2190012345');
    expect(field('What went wrong?')).toBe('My case has been pending for two years.');
    expect(field('Language the person used')).toBe('Spanish (es)');
    expectShown(screen.getByText('The case is taking longer than the USCIS normal processing time'));
    const helper = screen.getByRole('region', { name: 'Helper or preparer' });
    expectShown(within(helper).getByText('Family member'));
    expectShown(within(helper).getByText('Luis García'));
    expect(field('I agree that the Ombudsman may talk about my case with the person helping me.')).toBe('Yes');
    expectShown(screen.getByText('Typed name: Ana García López'));
  });

  it('shows photos inline and offers other files as downloads', async () => {
    renderStaff(`/staff/requests/${ID}`, requestOffice());
    const photo = await screen.findByRole('img', { name: 'Photo 1: receipt-notice.jpg' });
    expect(photo.getAttribute('src')).toBe(`/api/v1/office/requests/${ID}/attachments/att-photo`);
    const pdf = screen.getByRole('link', { name: /Download letter\.pdf/ });
    expect(pdf.hasAttribute('download')).toBe(true);
    expect(pdf.getAttribute('href')).toBe(`/api/v1/office/requests/${ID}/attachments/att-pdf`);
  });

  it('shows markup a person typed as text, never as HTML', async () => {
    const attack = '<img src=x onerror="window.__pwned=1">';
    renderStaff(`/staff/requests/${ID}`, requestOffice(detail({}, { familyName: attack, givenName: '<script>alert(1)</script>' })));
    await screen.findByRole('heading', { level: 1, name: 'Request OMB-7Q3K-9XW2' });
    expectShown(screen.getByText(attack));
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('main script')).toBeNull();
  });

  it('asks for the reasons before “needs information”, then sends the change with the CSRF token', async () => {
    const office = requestOffice(detail({ state: 'in_review' }));
    renderStaff(`/staff/requests/${ID}`, office);
    await screen.findByRole('heading', { level: 1, name: 'Request OMB-7Q3K-9XW2' });
    const review = screen.getByRole('region', { name: 'Review' });
    fireEvent.click(within(review).getByLabelText('Needs information'));
    fireEvent.input(within(review).getByLabelText('Note to the person (optional)'), { target: { value: 'Please send the receipt notice.' } });
    fireEvent.click(within(review).getByRole('button', { name: 'Save review' }));
    expectShown(await within(review).findByText('Choose at least one thing that is needed.'));
    expect(office.sent('POST', `requests/${ID}/review`)).toHaveLength(0);
    expect((within(review).getByLabelText('Note to the person (optional)') as HTMLTextAreaElement).value).toBe('Please send the receipt notice.');

    fireEvent.click(within(review).getByLabelText('Receipt notice is missing'));
    fireEvent.click(within(review).getByRole('button', { name: 'Save review' }));
    await within(review).findByText('The request is now “Needs information”.');
    const [sent] = office.sent('POST', `requests/${ID}/review`);
    expect(sent!.headers['X-CSRF-Token']).toBe(CSRF);
    expect(sent!.body).toEqual({ state: 'needs_information', infoReasons: ['missing_receipt_notice'], infoNote: 'Please send the receipt notice.' });
    const history = screen.getByRole('region', { name: 'History' });
    expectShown(within(history).getByRole('row', { name: /In review\s+Needs information/ }));
  });

  it('needs a case number to accept and a reason to close', async () => {
    const office = requestOffice(detail({ state: 'in_review' }));
    renderStaff(`/staff/requests/${ID}`, office);
    const review = await screen.findByRole('region', { name: 'Review' });
    fireEvent.click(within(review).getByLabelText('Accepted'));
    fireEvent.click(within(review).getByRole('button', { name: 'Save review' }));
    expectShown(await within(review).findByText('Enter the office’s case number.'));
    fireEvent.click(within(review).getByLabelText('Closed'));
    fireEvent.click(within(review).getByRole('button', { name: 'Save review' }));
    expectShown(await within(review).findByText('Choose why the request is closed.'));
    fireEvent.change(within(review).getByLabelText('Reason for closing'), { target: { value: 'duplicate' } });
    fireEvent.click(within(review).getByRole('button', { name: 'Save review' }));
    await waitFor(() => expect(office.sent('POST', `requests/${ID}/review`)[0]?.body).toEqual({ state: 'closed', closeReason: 'duplicate' }));
  });

  it('keeps a review typed when the server fails', async () => {
    const office = requestOffice(detail({ state: 'in_review' }), 'officer', {
      [`POST requests/${ID}/review`]: { status: 503, body: { error: 'unavailable' }, headers: { 'Retry-After': '3' } },
    });
    renderStaff(`/staff/requests/${ID}`, office);
    const review = await screen.findByRole('region', { name: 'Review' });
    fireEvent.click(within(review).getByLabelText('Referred elsewhere'));
    fireEvent.change(within(review).getByLabelText('Referred to (the person is told this)'), { target: { value: 'detention_ombudsman' } });
    fireEvent.input(within(review).getByLabelText('Office or contact (optional, for staff only)'), { target: { value: 'Desk of J. Smith' } });
    fireEvent.click(within(review).getByRole('button', { name: 'Save review' }));
    expect((await within(review).findByRole('alert')).textContent).toMatch(/busy/);
    expect((within(review).getByLabelText('Referred to (the person is told this)') as HTMLSelectElement).value).toBe('detention_ombudsman');
    expect((within(review).getByLabelText('Office or contact (optional, for staff only)') as HTMLInputElement).value).toBe('Desk of J. Smith');
  });

  it('asks where a request is referred before sending, from the shared list', async () => {
    const office = requestOffice(detail({ state: 'in_review' }));
    renderStaff(`/staff/requests/${ID}`, office);
    const review = await screen.findByRole('region', { name: 'Review' });
    fireEvent.click(within(review).getByLabelText('Referred elsewhere'));
    fireEvent.click(within(review).getByRole('button', { name: 'Save review' }));
    expect((await within(review).findByText('Choose where the request was referred.')).id).toBe('review-referral-error');
    expect(office.calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(within(review).getByLabelText('Referred to (the person is told this)'), { target: { value: 'records_foia' } });
    fireEvent.click(within(review).getByRole('button', { name: 'Save review' }));
    await waitFor(() => expect(office.calls.find((c) => c.method === 'POST')?.body).toEqual({ state: 'referred', referral: 'records_foia' }));
  });

  it('shows the person’s follow-ups with their files, linked to the request, and the system’s move in the history', async () => {
    const followUp = {
      id: 'fu-1',
      receivedAt: '2026-12-05T10:00:00.000Z',
      locale: 'es',
      text: 'Aquí está el aviso.\nGracias.',
      attachments: [{ id: 'fu-photo', name: 'aviso.jpg', type: 'image/jpeg', size: 2048, href: `/api/v1/office/requests/${ID}/follow-ups/fu-1/attachments/fu-photo` }],
    };
    const d = detail({
      state: 'in_review',
      followUps: [followUp],
      history: [{ at: '2026-12-05T10:00:00.000Z', by: null, from: 'needs_information', to: 'in_review' }],
    });
    renderStaff(`/staff/requests/${ID}`, requestOffice(d));
    const section = await screen.findByRole('region', { name: 'Follow-ups from the person' });
    expect(within(section).getByRole('heading', { level: 3 }).textContent).toMatch(/^Follow-up 1, received /);
    expect(within(section).getByText(/answers request OMB-7Q3K-9XW2/).textContent).toContain('Spanish (es)');
    expect(within(section).getByText(/Aquí está el aviso/).textContent).toBe('Aquí está el aviso.\nGracias.');
    expect(within(section).getByRole('img', { name: 'Follow-up 1, photo 1: aviso.jpg' }).getAttribute('src')).toBe(followUp.attachments[0]!.href);
    const history = screen.getByRole('region', { name: 'History' });
    expect(within(history).getByText('The system (the person answered)')).toBeTruthy();
  });

  it('adds an internal note and shows it as text', async () => {
    const office = requestOffice();
    renderStaff(`/staff/requests/${ID}`, office);
    const notes = await screen.findByRole('region', { name: 'Internal notes' });
    fireEvent.click(within(notes).getByRole('button', { name: 'Add note' }));
    expectShown(await within(notes).findByText('Write the note first.'));
    fireEvent.input(within(notes).getByLabelText('New note'), { target: { value: 'Called the <b>helper</b>.' } });
    fireEvent.click(within(notes).getByRole('button', { name: 'Add note' }));
    expectShown(await within(notes).findByText('Called the <b>helper</b>.'));
    const [sent] = office.sent('POST', `requests/${ID}/notes`);
    expect(sent!.body).toEqual({ text: 'Called the <b>helper</b>.' });
    expect(sent!.headers['X-CSRF-Token']).toBe(CSRF);
    expect((within(notes).getByLabelText('New note') as HTMLTextAreaElement).value).toBe('');
  });

  it('lets a supervisor assign the request (and only a supervisor)', async () => {
    const office = requestOffice(detail(), 'supervisor', {
      'GET staff': { status: 403, body: { error: 'forbidden' } },
      [`POST requests/${ID}/assign`]: { body: { ...detail(), assignee: { id: 'staff-supervisor', email: 'supervisor@agency.example' } } },
    });
    renderStaff(`/staff/requests/${ID}`, office);
    const assign = await screen.findByRole('region', { name: 'Assignment' });
    const select = within(assign).getByLabelText('Assigned to') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'staff-supervisor' } });
    await waitFor(() => expect(select.value).toBe('staff-supervisor'));
    fireEvent.click(within(assign).getByRole('button', { name: 'Save assignment' }));
    await within(assign).findByText('Assigned to supervisor@agency.example.');
    expect(office.sent('POST', `requests/${ID}/assign`)[0]!.body).toEqual({ staffId: 'staff-supervisor' });
  });

  it('hides assignment from an officer', async () => {
    renderStaff(`/staff/requests/${ID}`, requestOffice());
    await screen.findByRole('region', { name: 'Review' });
    expect(screen.queryByRole('region', { name: 'Assignment' })).toBeNull();
  });
});

describe('the print view', () => {
  it('puts the name, A-number and confirmation in the running header of every printed page', async () => {
    renderStaff(`/staff/requests/${ID}/print`, requestOffice(detail({}, { familyName: 'O"Brien \\ Test' })));
    await screen.findByRole('heading', { level: 1, name: 'Case assistance request (Form DHS-7001)' });
    await waitFor(() =>
      expect(document.documentElement.style.getPropertyValue('--staff-print-who')).toBe('"O\\"Brien \\\\ Test, Ana · A012-345-678 · OMB-7Q3K-9XW2"'),
    );
    expectShown(screen.getByText('Family name (last name)', { selector: 'dt' }));
    expectShown(screen.getByText('receipt-notice.jpg'));
  });
});
