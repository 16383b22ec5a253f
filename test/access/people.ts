import { centreStaff, type Access } from '../../src/http/access.js';

/**
 * Routes of the people module (src/modules/people/routes.tsx and api.ts):
 * centre staff and municipal coordinators read (coordinators: persons with a
 * current role in their districts), centre staff change.
 */
const readers: Access = ['admin', 'staff', 'coordinator'];

export const expectedAccess: Record<string, Access> = {
  'GET /people': readers,
  'HEAD /people': readers,
  'GET /people/new': centreStaff,
  'HEAD /people/new': centreStaff,
  'POST /people/new': centreStaff,
  'GET /people/:id': readers,
  'HEAD /people/:id': readers,
  'GET /people/:id/edit': centreStaff,
  'HEAD /people/:id/edit': centreStaff,
  'POST /people/:id/edit': centreStaff,
  'POST /people/:id/roles': centreStaff,
  'POST /people/:id/roles/end': centreStaff,
  'POST /people/:id/roles/remove': centreStaff,
  'POST /people/:id/consents': centreStaff,
  'POST /people/:id/consents/:consentId/withdraw': centreStaff,
  'GET /api/v1/people': readers,
  'HEAD /api/v1/people': readers,
  'GET /api/v1/people/:id': readers,
  'HEAD /api/v1/people/:id': readers,
  'POST /api/v1/people': centreStaff,
  'PATCH /api/v1/people/:id': centreStaff,
};
