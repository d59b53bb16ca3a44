/**
 * The office console against a mocked office API: each test lists the
 * answers by "METHOD path" and reads back what the console sent.
 *
 *   const office = mockOffice({ 'GET session': signedIn('officer') });
 *   renderStaff('/staff', office);
 */
import { render } from '@testing-library/preact';
import { StaffApp } from '../../src/staff/App';
import type { Me, Role, Session } from '../../src/staff/types';
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

export { COUNTS, detail, summary } from './staff-fixtures';
