import { adminsOnly, centreStaff, type Access } from '../../src/http/access.js';

/** Data protection (src/modules/privacy/routes.tsx): export for staff and for everyone's own data; erasure and retention for admins. */
export const expectedAccess: Record<string, Access> = {
  'GET /people/:id/export': centreStaff,
  'HEAD /people/:id/export': centreStaff,
  'GET /people/:id/export.json': centreStaff,
  'HEAD /people/:id/export.json': centreStaff,
  'GET /my/data': 'signedIn',
  'HEAD /my/data': 'signedIn',
  'GET /my/data.json': 'signedIn',
  'HEAD /my/data.json': 'signedIn',
  'GET /people/:id/erase': adminsOnly,
  'HEAD /people/:id/erase': adminsOnly,
  'POST /people/:id/erase': adminsOnly,
  'GET /organisations/:id/erase': adminsOnly,
  'HEAD /organisations/:id/erase': adminsOnly,
  'POST /organisations/:id/erase': adminsOnly,
  'GET /privacy': adminsOnly,
  'HEAD /privacy': adminsOnly,
  'GET /privacy/record.md': adminsOnly,
  'HEAD /privacy/record.md': adminsOnly,
  'GET /privacy/retention': adminsOnly,
  'HEAD /privacy/retention': adminsOnly,
  'POST /privacy/retention': adminsOnly,
  'GET /privacy/retention/dry-run': adminsOnly,
  'HEAD /privacy/retention/dry-run': adminsOnly,
  'POST /privacy/retention/run': adminsOnly,
};
