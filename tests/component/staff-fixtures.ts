/** A request as the office API answers it, for console tests in jsdom and in Chromium. */
import type { RequestDetail, RequestSummary } from '../../src/staff/types';

export function summary(overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id: '0b8e3c4e-1111-4a2b-9c3d-000000000001',
    confirmation: 'OMB-7Q3K-9XW2',
    receivedAt: '2026-12-01T15:04:00.000Z',
    formTypes: ['I-485'],
    urgent: false,
    language: 'es',
    eventId: null,
    state: 'received',
    assignee: null,
    name: 'García López, Ana',
    ...overrides,
  };
}

export const COUNTS = { received: 3, in_review: 2, needs_information: 1, accepted: 0, referred: 0, closed: 4 };

export function detail(overrides: Partial<RequestDetail> = {}, person: Record<string, unknown> = {}): RequestDetail {
  const { name: _name, ...base } = summary();
  return {
    ...base,
    caseNumber: null,
    referral: null,
    referredTo: null,
    closeReason: null,
    infoReasons: null,
    infoNote: null,
    request: {
      id: base.id,
      schemaVersion: 1,
      locale: 'es',
      person: {
        familyName: 'García López',
        givenName: 'Ana',
        otherNames: [],
        dateOfBirth: '1990-02-28',
        countryOfBirth: 'MX',
        citizenship: 'MX',
        aNumber: 'A012345678',
        address: { kind: 'us', line1: '100 Main St', city: 'Austin', state: 'TX', zip: '78701' },
        email: 'ana@example.com',
        ...person,
      },
      submitter: {
        relationship: 'family',
        name: 'Luis García',
        phone: '+1 512 555 0100',
        g28OnFile: false,
      },
      case: {
        formTypes: ['I-485'],
        receiptNumbers: ['EAC2190012345'],
        problemKinds: ['past-processing-time'],
        whatHappened: 'My case has been pending for two years.',
        helpWanted: 'Please ask USCIS to look at my case.',
        priorAttempts: [{ channel: 'contact_center', date: '2026-10-01', serviceRequestNumber: 'SRN1234567890' }],
      },
      consent: {
        agreed: true,
        shareWithSubmitter: true,
        signedBy: 'person',
        signature: { kind: 'typed', name: 'Ana García López' },
        date: '2026-11-30',
      },
      attachments: [],
      createdAt: '2026-11-30T10:00:00.000Z',
      submittedAt: '2026-11-30T10:30:00.000Z',
    } as unknown as RequestDetail['request'],
    attachments: [
      { id: 'att-photo', name: 'receipt-notice.jpg', type: 'image/jpeg', size: 120_000, href: `/api/v1/office/requests/${base.id}/attachments/att-photo` },
      { id: 'att-pdf', name: 'letter.pdf', type: 'application/pdf', size: 2_400_000, href: `/api/v1/office/requests/${base.id}/attachments/att-pdf` },
    ],
    notes: [],
    history: [],
    followUps: [],
    ...overrides,
  };
}
