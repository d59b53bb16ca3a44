/**
 * The console's only door to the server: JSON in and out under
 * /api/v1/office/, the CSRF header on every change, one error type with the
 * server's code, and one place that hears "your session ended" (401).
 */
import type { InboxFilters } from './types';

export const OFFICE_API = '/api/v1/office/';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Seconds, from Retry-After (a lockout, a busy server). */
    readonly retryAfter?: number,
  ) {
    super(code);
  }
}

export interface ApiOptions {
  fetch?: typeof fetch;
  csrf: () => string | null;
  /** Called when a call answers 401: the session ended (idle, disabled, signed out elsewhere). */
  onUnauthenticated: () => void;
}

/** The header the inbox and export searches travel in (see docs/office-api.md). */
const SEARCH_HEADER = 'X-Office-Search';

export type Params = Record<string, string | number | boolean | undefined | null>;

export function queryString(params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    q.set(key, value === true ? '1' : String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The API's names for the inbox filters (shared by the list and the exports). */
export function filterParams(f: InboxFilters): Params {
  return { state: f.state, from: f.from, to: f.to, form: f.form, urgent: f.urgent, lang: f.lang, assigned: f.assigned, event: f.event, q: f.q?.trim() };
}

async function errorOf(res: Response): Promise<ApiError> {
  let code = res.status >= 500 ? 'server_error' : 'http_' + res.status;
  try {
    const body = (await res.json()) as { error?: unknown };
    // The intake API answers {error: "code"}; the contract also allows {error: {code}}.
    const e = body.error;
    if (typeof e === 'string') code = e;
    else if (e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string') code = (e as { code: string }).code;
  } catch {
    // Not JSON (a proxy's page): the status decides.
  }
  const retry = Number(res.headers.get('Retry-After'));
  return new ApiError(res.status, code, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}

export interface Download {
  blob: Blob;
  filename: string;
}

export function createApi(options: ApiOptions) {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function call(method: string, path: string, body?: unknown, params?: Params): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // What staff search for (an A-number, a name) travels in a header, never in
    // a URL that a proxy or the browser's history would keep.
    const { q: search, ...rest } = params ?? {};
    params = rest;
    if (typeof search === 'string' && search !== '') headers[SEARCH_HEADER] = encodeURIComponent(search);
    if (method !== 'GET') {
      const csrf = options.csrf();
      if (csrf) headers['X-CSRF-Token'] = csrf;
    }
    let res: Response;
    try {
      res = await doFetch(OFFICE_API + path + queryString(params), {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError(0, 'network');
    }
    if (res.ok) return res;
    const error = await errorOf(res);
    // Signing in answers 401 for wrong credentials; that is not a lost session.
    if (res.status === 401 && path !== 'session') options.onUnauthenticated();
    throw error;
  }

  return {
    async get<T>(path: string, params?: Params): Promise<T> {
      return (await (await call('GET', path, undefined, params)).json()) as T;
    },
    async send<T = void>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
      const res = await call(method, path, body);
      return (res.status === 204 ? undefined : await res.json()) as T;
    },
    async download(path: string, params: Params, fallbackName: string): Promise<Download> {
      const res = await call('GET', path, undefined, params);
      const disposition = res.headers.get('Content-Disposition') ?? '';
      const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
      return { blob: await res.blob(), filename: name };
    },
  };
}

export type Api = ReturnType<typeof createApi>;
