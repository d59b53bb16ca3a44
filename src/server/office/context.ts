import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as v from 'valibot';
import type { AppDeps } from '../types';
import type { SqlEngine } from '../db/engine';
import { apiError } from '../errors';
import type { IntakeStore } from '../intake-store';
import { keyRingFor, type KeyRing } from '../keys';
import { clientAddress } from '../client-address';
import { appendAudit, type AuditEvent } from './audit';
import { hasRole, type Role } from './model';
import { sealedText, type SealedText } from './sealed-text';
import { sameToken } from './secrets';
import { endSession, findSession, type Session } from './sessions';
import type { OfficeSettings } from './settings';
import { addressFailures, type AddressFailures } from './throttle';

/** What every office route module is given. */
export interface Office {
  db: SqlEngine;
  store: IntakeStore;
  settings: OfficeSettings;
  /** The server's port, for enrolment links when PUBLIC_ORIGIN is not set. */
  port: number;
  sealer: SealedText;
  /** The sealing keys, to open what devices sealed besides requests (follow-ups, feedback). */
  ring(): Promise<KeyRing>;
  failures: AddressFailures;
  /** The client's address, as the rate limiter sees it (TRUST_PROXY aware). */
  client(c: Context): string;
  /** Names opened for inbox pages (request-view.ts). */
  names: Map<string, string>;
  now(): Date;
  /** The growing delay on failed sign-ins; tests count it instead of waiting. */
  sleep(ms: number): Promise<void>;
  audit(c: Context, e: Omit<AuditEvent, 'ip'>): Promise<void>;
}

export interface OfficeOptions {
  settings: OfficeSettings;
  sleep?: (ms: number) => Promise<void>;
}

export function makeOffice(deps: AppDeps, options: OfficeOptions): Office {
  const now = () => deps.now?.() ?? new Date();
  return {
    db: deps.db,
    store: deps.store,
    settings: options.settings,
    port: deps.settings.port,
    sealer: sealedText(() => keyRingFor(deps)),
    ring: () => keyRingFor(deps),
    failures: addressFailures(),
    client: (c) => clientAddress(c, deps.settings.trustProxyHops),
    names: new Map(),
    now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    audit: (c, e) => appendAudit(deps.db, now().toISOString(), { ...e, ip: clientAddress(c, deps.settings.trustProxyHops) }),
  };
}

export type OfficeEnv = { Variables: { session: Session } };

export const COOKIE = 'office_session';

/** Secure everywhere but plain-HTTP localhost, where browsers would drop a Secure cookie. */
function secureCookie(c: Context): boolean {
  const url = new URL(c.req.url);
  return !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}

export function setSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: secureCookie(c), maxAge: maxAgeSeconds });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, COOKIE, { path: '/', secure: secureCookie(c), httpOnly: true, sameSite: 'Strict' });
}

const CHANGES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * A change must come from our own pages: when the browser names the
 * Origin, it is this host (or PUBLIC_ORIGIN); a body must be JSON (a
 * cross-site form cannot send that without a preflight we never allow).
 */
export function sameOrigin(office: Office): MiddlewareHandler {
  return async (c, next) => {
    if (!CHANGES.has(c.req.method)) return next();
    const origin = c.req.header('Origin');
    if (origin !== undefined) {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        // "null" or garbage: not ours.
      }
      if (origin !== office.settings.publicOrigin && host !== c.req.header('Host')) return apiError(c, 403, 'csrf');
    }
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if ((c.req.method === 'POST' || c.req.method === 'PATCH') && type !== 'application/json') {
      return apiError(c, 415, 'unsupported_media_type');
    }
    return next();
  };
}

/** Signed in (401), the CSRF token on a change (403 csrf), and at least `role` (403 forbidden). */
export function signedIn(office: Office, role: Role = 'officer'): MiddlewareHandler<OfficeEnv> {
  return async (c, next) => {
    const token = getCookie(c, COOKIE);
    const session = token ? await findSession(office.db, token, office.now(), office.settings) : undefined;
    if (!session) {
      if (token) clearSessionCookie(c);
      return apiError(c, 401, 'unauthenticated');
    }
    if (CHANGES.has(c.req.method)) {
      const given = c.req.header('X-CSRF-Token');
      if (!given || !sameToken(given, session.csrf)) return apiError(c, 403, 'csrf');
    }
    if (!hasRole(session.me.role, role)) return apiError(c, 403, 'forbidden');
    c.set('session', session);
    await next();
  };
}

/** The session's cookie ends (sign-out). */
export async function signOut(office: Office, c: Context<OfficeEnv>): Promise<void> {
  await endSession(office.db, c.get('session').idHash);
  clearSessionCookie(c);
}

/** The JSON body checked by `schema`, or an error answer already made. */
export async function readBody<S extends v.GenericSchema>(
  c: Context,
  schema: S,
  invalidCode = 'invalid',
): Promise<{ ok: true; value: v.InferOutput<S> } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { ok: false, response: apiError(c, 400, 'malformed_json') };
  }
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) {
    // Only our own field names go back, never a value.
    const issues = parsed.issues.slice(0, 20).map((i) => {
      const path = v.getDotPath(i);
      return { code: i.type, ...(path && /^[A-Za-z0-9.]{1,40}$/.test(path) ? { path } : {}) };
    });
    return { ok: false, response: apiError(c, 422, invalidCode, { issues }) };
  }
  return { ok: true, value: parsed.output };
}

export function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store');
}
