import { Hono } from 'hono';
import type { ApiRoutes } from '../types';
import { apiError } from '../errors';
import { makeOffice, sameOrigin, type OfficeEnv, type OfficeOptions } from './context';
import { authRoutes } from './routes-auth';
import { passkeyRoutes } from './routes-passkeys';
import { hearingRoutes } from './routes-hearing';
import { reportRoutes } from './routes-reports';
import { requestRoutes } from './routes-requests';
import { readOfficeSettings } from './settings';
import { staffRoutes } from './routes-staff';

/**
 * The office console's API under /api/v1/office/ (the contract of issue
 * 14): enrolment and sessions, staff accounts, the inbox and each request,
 * review, notes, assignment, audit log, exports and event counts; the
 * person's follow-ups' files and listening-session feedback (issue 15). The
 * app's one rate limit per client covers these routes like every API route.
 */
export function officeRoutes(options: Partial<OfficeOptions> = {}): ApiRoutes {
  return (api, deps) => {
    const office = makeOffice(deps, { settings: options.settings ?? readOfficeSettings(), sleep: options.sleep });
    const app = new Hono<OfficeEnv>();
    app.use('*', sameOrigin(office));
    authRoutes(app, office);
    passkeyRoutes(app, office);
    staffRoutes(app, office);
    requestRoutes(app, office);
    reportRoutes(app, office);
    hearingRoutes(app, office);
    app.all('*', (c) => apiError(c, 404, 'not_found'));
    api.route('/office', app);
  };
}
