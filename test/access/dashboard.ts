import { figureReaders, type Access } from '../../src/http/access.js';

/** Routes of the impact-report dashboard and the report API (src/modules/reports/dashboard-routes.tsx, src/modules/reports/api.ts). */
export const expectedAccess: Record<string, Access> = {
  'GET /dashboard': figureReaders,
  'HEAD /dashboard': figureReaders,
  'GET /dashboard/export/:table.:format': figureReaders,
  'HEAD /dashboard/export/:table.:format': figureReaders,
  'GET /api/v1/reports/impact': figureReaders,
  'HEAD /api/v1/reports/impact': figureReaders,
};
