import { Hono } from 'hono';
import type { ApiRoutes } from '../app-deps';
import { apiError } from '../errors';
import { makeOffice, sameOrigin, type OfficeEnv, type OfficeOptions } from './context';
import { authRoutes } from './routes-auth';
import { reportRoutes } from './routes-reports';
import { requestRoutes } from './routes-requests';
import { readOfficeSettings } from './settings';
import { staffRoutes } from './routes-staff';
import { createRateLimiter, rateLimit } from '../rate-limit';

/**
 * The office console's API under /api/v1/office/ (the contract of issue
 * 14): enrolment and sessions, staff accounts, the inbox and each request,
 * review, notes, assignment, audit log, exports and event counts.
 */
export function officeRoutes(options: Partial<OfficeOptions> = {}): ApiRoutes {
  return (api, deps) => {
    const office = makeOffice(deps, { settings: options.settings ?? readOfficeSettings(), sleep: options.sleep });
    const app = new Hono<OfficeEnv>();
    // Anonymous doors (enrolment, sign-in) are rate limited per address like the intake's writes.
    app.use('/enrolment/*', rateLimit(createRateLimiter(deps.settings.rateLimitPerMinute), office.now));
    app.use('/session', rateLimit(createRateLimiter(deps.settings.rateLimitPerMinute), office.now));
    app.use('*', sameOrigin(office));
    authRoutes(app, office);
    staffRoutes(app, office);
    requestRoutes(app, office);
    reportRoutes(app, office);
    app.all('*', (c) => apiError(c, 404, 'not_found'));
    api.route('/office', app);
  };
}
