import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The CSP's connect-src: our origin, plus the intake API's when it is hosted elsewhere. */
function connectSources(apiBase: string): string[] {
  try {
    const origin = new URL(apiBase).origin;
    if (origin && origin !== 'null') return ["'self'", origin];
  } catch {
    // Relative API base: same origin.
  }
  return ["'self'"];
}

/**
 * Strict CSP: only our own origin (plus the intake API's origin when it is
 * hosted elsewhere), no inline script, no inline style but the stylesheets
 * the build wrote into our documents (named by hash), no frames. `blob:`
 * and `data:` images are the attachment thumbnails and the hand-off QR code.
 * A `blob:` worker is the applicant app's formatting warm-up, written into
 * its code (src/i18n/intl-warmup.ts): only a script of ours can make one,
 * and it saves the first screen a round trip for a 340-byte file. The
 * office console starts no such worker, and its pages do not allow one.
 */
export function contentSecurityPolicy(apiBase: string, styleHashes: readonly string[] = [], blobWorkers = true) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", ...styleHashes],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: connectSources(apiBase),
    workerSrc: blobWorkers ? ["'self'", 'blob:'] : ["'self'"],
    manifestSrc: ["'self'"],
    mediaSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/** The office console's pages (/staff, /staff/…, /staff.html): served by app.ts from staff.html. */
const STAFF_PAGE = /^\/staff(\/|\.html$|$)/;

export function securityHeaders(apiBase: string, styleHashes: readonly string[] = []): MiddlewareHandler {
  const headersWith = (blobWorkers: boolean) =>
    secureHeaders({
      contentSecurityPolicy: contentSecurityPolicy(apiBase, styleHashes, blobWorkers),
      xFrameOptions: 'DENY',
      // HSTS belongs to the HTTPS proxy, which knows whether subdomains may be bound by it.
      strictTransportSecurity: false,
      permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [] },
    });
  const appHeaders = headersWith(true);
  const staffHeaders = headersWith(false);
  return async (c, next) => {
    const headers = STAFF_PAGE.test(c.req.path) ? staffHeaders : appHeaders;
    await headers(c, async () => {
      await next();
      // API answers may hold personal data: never cached unless a route says otherwise.
      if (c.req.path.startsWith('/api/') && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    });
  };
}
