/** A request as the office API answers it, for console tests in jsdom and in Chromium. */
import type { RequestDetail, RequestSummary } from '../../src/staff/types';
import { validRequest } from '../fixtures/valid-request';

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
  const request = validRequest(base.id, { day: '2026-11-30' });
  return {
    ...base,
    caseNumber: null,
    referral: null,
    referredTo: null,
    closeReason: null,
    infoReasons: null,
    infoNote: null,
    request: {
      ...request,
      person: { ...request.person, aNumber: 'A012345678', ...person },
      // A family member helped, and the person tried the Contact Center first.
      submitter: {
        relationship: 'family',
        name: 'Luis García',
        phone: '+1 512 555 0100',
        g28OnFile: false,
      },
      case: {
        ...request.case,
        receiptNumbers: ['EAC2190012345'],
        priorAttempts: [{ channel: 'contact_center', date: '2026-10-01', serviceRequestNumber: 'SRN1234567890' }],
      },
      consent: { ...request.consent, shareWithSubmitter: true },
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
