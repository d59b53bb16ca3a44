import type { MiddlewareHandler } from 'hono';

/**
 * Strict CSP: only our own origin (plus the intake API's origin when it is
 * hosted elsewhere), no inline script or style, no frames. `blob:` and
 * `data:` images are the attachment thumbnails and the hand-off QR code.
 */
export function contentSecurityPolicy(apiBase: string): string {
  let connect = "'self'";
  try {
    const origin = new URL(apiBase).origin;
    if (origin && origin !== 'null') connect += ` ${origin}`;
  } catch {
    // Relative API base: same origin.
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(apiBase: string): MiddlewareHandler {
  const csp = contentSecurityPolicy(apiBase);
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', csp);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=(), interest-cohort=()');
    if (c.req.path.startsWith('/api/') && !h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}
