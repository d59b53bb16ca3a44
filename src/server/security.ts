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
 * A `blob:` worker is the formatting warm-up, written into the app's code
 * (src/i18n/intl-warmup.ts): only a script of ours can make one, and it
 * saves the first screen a round trip for a 340-byte file.
 */
export function contentSecurityPolicy(apiBase: string, styleHashes: readonly string[] = []) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", ...styleHashes],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: connectSources(apiBase),
    workerSrc: ["'self'", 'blob:'],
    manifestSrc: ["'self'"],
    mediaSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

export function securityHeaders(apiBase: string, styleHashes: readonly string[] = []): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: contentSecurityPolicy(apiBase, styleHashes),
    xFrameOptions: 'DENY',
    // HSTS belongs to the HTTPS proxy, which knows whether subdomains may be bound by it.
    strictTransportSecurity: false,
    permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [] },
  });
  return async (c, next) => {
    await headers(c, async () => {
      await next();
      // API answers may hold personal data: never cached unless a route says otherwise.
      if (c.req.path.startsWith('/api/') && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    });
  };
}
