import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ApiRoutes, AppDeps } from './types';
import { securityHeaders } from './security';
import { loadStaticFiles, pickEncoding, type StaticFile } from './static-files';
import { inlineStyleSources } from './inline-styles';
import { DB_RETRY_AFTER_SECONDS, apiError } from './errors';
import { log } from './log';
import { API_ROUTES } from './routes';
import { SEAL_OVERHEAD_BYTES } from './intake';
import { clientAddress } from './client-address';
import { createRateLimiter, rateLimit } from './rate-limit';
import { bodyGate } from './body-gate';
import { DbUnavailableError } from './db/engine';
import { dbProblem } from './db/health';
import { officeConfigSource } from './office-config';

export function createApp(deps: AppDeps, routes: readonly ApiRoutes[] = API_ROUTES): Hono {
  const { settings } = deps;
  const app = new Hono();
  const files = loadStaticFiles(settings.distDir);

  app.use('*', securityHeaders(settings.publicConfig.apiBase, inlineStyleSources(files)));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // Route pattern, never the path or query: ids and search terms stay out of logs.
    log.access(c.req.method, c.req.routePath, c.res.status, performance.now() - started);
  });

  const api = new Hono();
  // One budget per client over every API route, so no route is a side door.
  const now = () => deps.now?.() ?? new Date();
  api.use('*', rateLimit(createRateLimiter(settings.rateLimitPerMinute), (c) => clientAddress(c, settings.trustProxyHops), now));
  api.use('*', bodyGate(settings.maxBodiesInFlight));
  api.use(
    '*',
    bodyLimit({
      // The attachment route adds room for the sealed envelope around the file.
      maxSize: Math.max(settings.maxJsonBytes, settings.maxAttachmentBytes + SEAL_OVERHEAD_BYTES),
      onError: (c) => apiError(c, 413, 'payload_too_large'),
    }),
  );
  api.get('/health', async (c) => {
    const problem = await dbProblem(deps.db);
    c.header('Cache-Control', 'no-store');
    if (problem) {
      c.header('Retry-After', String(DB_RETRY_AFTER_SECONDS));
      return c.json({ status: 'unavailable', database: problem }, 503);
    }
    return c.json({ status: 'ok', time: now().toISOString() });
  });
  for (const mount of routes) mount(api, deps);
  api.all('*', (c) => apiError(c, 404, 'not_found'));
  app.route('/api/v1', api);
  app.all('/api/*', (c) => apiError(c, 404, 'not_found'));

  const publicConfig = officeConfigSource(settings.publicConfig, settings.officeConfigJson, settings.dataDir);
  app.get('/config.json', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(publicConfig());
  });

  const send = (file: StaticFile, c: Context) => {
    const ifNoneMatch = c.req.header('If-None-Match');
    const headers = new Headers({
      'Content-Type': file.type,
      'Cache-Control': file.cacheControl,
      ETag: file.etag,
      Vary: 'Accept-Encoding',
    });
    if (ifNoneMatch && ifNoneMatch.split(/\s*,\s*/).includes(file.etag)) return new Response(null, { status: 304, headers });
    const { body, encoding } = pickEncoding(file, c);
    if (encoding) headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(body.length));
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };

  app.on(['GET', 'HEAD'], '*', (c) => {
    const path = decodeURIComponentSafe(c.req.path);
    const file = path && files.get(path);
    if (file) return send(file, c);
    // A path with a file extension that we do not have is a real 404; any
    // other path is an app route (/guide, /requests/…) and gets the shell,
    // or the route's own copy of it where the build made one (/guide.html:
    // the same shell asking for its screen's files at once). The office
    // console (/staff, /staff/…) is its own page, never the applicant's shell.
    const index = files.get(/^\/staff(\/|$)/.test(path ?? '') ? '/staff.html' : '/index.html');
    if (!path || /\.[a-z0-9]+$/i.test(path) || !index) {
      return c.text(index ? 'Not found' : 'The app is not built yet: run npm run build.', 404);
    }
    return send(files.get(`${path}.html`) ?? index, c);
  });

  app.notFound((c) => (c.req.path.startsWith('/api/') ? apiError(c, 404, 'not_found') : c.text('Not found', 404)));
  app.onError((err, c) => {
    // A middleware's own answer (the staff routes' bearer check).
    if (err instanceof HTTPException) return err.getResponse();
    // A phone on a weak link that drops mid-upload is expected, not a server fault.
    if (clientAborted(err, c.req.raw)) {
      log.info('request_aborted');
      return apiError(c, 400, 'request_aborted');
    }
    if (err instanceof DbUnavailableError) {
      // Retryable by the device: never a final answer, and only the driver's code is logged.
      log.info('db_unavailable', { code: err.code });
      c.header('Retry-After', String(DB_RETRY_AFTER_SECONDS));
      return apiError(c, 503, 'unavailable');
    }
    log.error('unhandled', err);
    return c.req.path.startsWith('/api/') ? apiError(c, 500, 'server_error') : c.text('Server error', 500);
  });
  return app;
}

/** The client went away while its body was read (Node answers ECONNRESET "aborted"). */
function clientAborted(err: unknown, req: Request): boolean {
  return req.signal?.aborted === true || (err instanceof Error && (err as { code?: unknown }).code === 'ECONNRESET');
}

function decodeURIComponentSafe(path: string): string | null {
  try {
    const p = decodeURIComponent(path);
    return p.includes('\0') || p.includes('..') ? null : p;
  } catch {
    return null;
  }
}
