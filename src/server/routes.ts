import type { ApiRoutes } from './types';
import { keysRoutes } from './keys-routes';
import { intakeRoutes } from './intake';
import { intakeBatchRoutes } from './intake-batch';
import { staffRoutes } from './staff';
import { eventRoutes } from './events';
import { officeRoutes } from './office/routes';
import { statusRoutes } from './hearing/status-routes';
import { followUpRoutes } from './hearing/follow-up-routes';
import { feedbackRoutes } from './hearing/feedback-routes';

/**
 * Every API route group mounted under /api/v1, one module each under
 * src/server/. Add a group here; order does not matter.
 */
export const API_ROUTES: readonly ApiRoutes[] = [
  keysRoutes,
  intakeRoutes,
  intakeBatchRoutes,
  staffRoutes,
  eventRoutes,
  officeRoutes(),
  statusRoutes,
  followUpRoutes,
  feedbackRoutes,
];
