/** What the office API answers (requests, an audit page), for console tests in jsdom and in Chromium. */
import type { AuditEntry, RequestDetail, RequestSummary } from '../../src/staff/types';
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

/** An audit page as the office API answers it: ids and codes as stored, and what they name beside them. */
export function auditEntries(): AuditEntry[] {
  const request = { id: summary().id, confirmation: '5H8-X8A-3DY' };
  const officer = { id: '9b47ec2c-cbe1-4bec-94b2-8abd9ed4b848', email: 'officer@agency.example' };
  const admin = { id: 'staff-admin', email: 'admin@agency.example' };
  const entry = (e: Partial<AuditEntry> & Pick<AuditEntry, 'id' | 'action'>): AuditEntry => ({
    at: '2026-12-04T16:00:00.000Z',
    actor: officer,
    target: null,
    detail: null,
    ip: '203.0.113.7',
    request: null,
    account: null,
    assignedTo: null,
    ...e,
  });
  return [
    entry({ id: '6', action: 'staff_update', actor: admin, target: officer.id, detail: 'role=supervisor', account: officer }),
    entry({ id: '5', action: 'assign', actor: admin, target: request.id, detail: `to=${officer.id}`, request, assignedTo: officer }),
    entry({ id: '4', action: 'review', target: request.id, detail: 'received->in_review', request }),
    entry({ id: '3', action: 'view_attachment', target: `${request.id}/att-photo`, request }),
    entry({ id: '2', action: 'view_request', target: 'c0ffee00-0000-4000-8000-00000000dead' }),
    entry({ id: '1', action: 'signin', actor: admin, ip: '127.0.0.1' }),
  ];
}
