/**
 * The office console against a mocked office API: each test lists the
 * answers by "METHOD path" and reads back what the console sent.
 *
 *   const office = mockOffice({ 'GET session': signedIn('officer') });
 *   renderStaff('/staff', office);
 */
import { render } from '@testing-library/preact';
import { StaffApp } from '../../src/staff/App';
import type { Me, RequestDetail, RequestSummary, Role, Session } from '../../src/staff/types';
import { messagesFor } from './render-with-app';

export interface SentCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
  /** A file's content, sent as is (exports, attachments). */
  text?: string;
  headers?: Record<string, string>;
}

type Handler = Reply | ((call: SentCall) => Reply);

export const CSRF = 'csrf-token-for-tests';

export function me(role: Role = 'officer'): Me {
  return { id: `staff-${role}`, email: `${role}@agency.example`, role };
}

export function signedIn(role: Role = 'officer'): Reply {
  return { body: { me: me(role), csrf: CSRF } satisfies Session };
}

export const noSession: Reply = { status: 401, body: { error: 'unauthenticated' } };

export function mockOffice(routes: Record<string, Handler>) {
  const calls: SentCall[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname.replace('/api/v1/office/', '');
    const method = init.method ?? 'GET';
    const call: SentCall = {
      method,
      path,
      query: url.searchParams,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const handler = routes[`${method} ${path}`];
    if (!handler) return new Response(JSON.stringify({ error: 'not_found' }), { status: 404 });
    const reply = typeof handler === 'function' ? handler(call) : handler;
    const status = reply.status ?? 200;
    const raw = reply.text !== undefined;
    return new Response(status === 204 ? null : raw ? reply.text : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { 'Content-Type': raw ? 'application/octet-stream' : 'application/json', ...reply.headers },
    });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    /** Calls of one route, oldest first. */
    sent: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}

export function renderStaff(path: string, office: { fetch: typeof fetch }) {
  history.replaceState(null, '', path);
  return render(<StaffApp messages={messagesFor('en')} fetch={office.fetch} />);
}

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
    ...overrides,
  };
}
