import { centreStaff, type Access } from '../../src/http/access.js';

/**
 * Routes of the organisation directory and profiles (src/modules/organisations/directory-routes.tsx):
 * centre staff and municipal coordinators read (coordinators within their districts), centre staff change.
 */
const readers: Access = ['admin', 'staff', 'coordinator'];

export const expectedAccess: Record<string, Access> = {
  'GET /organisations': readers,
  'HEAD /organisations': readers,
  'GET /api/v1/organisations': readers,
  'HEAD /api/v1/organisations': readers,
  'GET /organisations/new': centreStaff,
  'HEAD /organisations/new': centreStaff,
  'POST /organisations/new': centreStaff,
  'GET /organisations/:id': readers,
  'HEAD /organisations/:id': readers,
  'GET /organisations/:id/edit': centreStaff,
  'HEAD /organisations/:id/edit': centreStaff,
  'POST /organisations/:id/edit': centreStaff,
  'POST /organisations/:id/links': centreStaff,
  'POST /organisations/:id/links/remove': centreStaff,
};
