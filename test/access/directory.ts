import { centreStaff, type Access } from '../../src/http/access.js';

/**
 * Routes of the organisation directory and profiles (src/modules/organisations/directory-routes.tsx):
 * centre staff and municipal coordinators read (coordinators within their districts), centre staff change.
 * Association representatives read and edit the profiles of their own organisations (404 for any other).
 */
const readers: Access = ['admin', 'staff', 'coordinator'];
const profileReaders: Access = ['admin', 'staff', 'coordinator', 'representative'];
const profileEditors: Access = ['admin', 'staff', 'representative'];

export const expectedAccess: Record<string, Access> = {
  'GET /organisations': readers,
  'HEAD /organisations': readers,
  'GET /api/v1/organisations': readers,
  'HEAD /api/v1/organisations': readers,
  'GET /api/v1/organisations/suggestions': readers,
  'HEAD /api/v1/organisations/suggestions': readers,
  'GET /organisations/new': centreStaff,
  'HEAD /organisations/new': centreStaff,
  'POST /organisations/new': centreStaff,
  'GET /organisations/:id': profileReaders,
  'HEAD /organisations/:id': profileReaders,
  'GET /organisations/:id/edit': profileEditors,
  'HEAD /organisations/:id/edit': profileEditors,
  'POST /organisations/:id/edit': profileEditors,
  'POST /organisations/:id/links': centreStaff,
  'POST /organisations/:id/links/remove': centreStaff,
};
