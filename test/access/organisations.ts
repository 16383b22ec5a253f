import { centreStaff, type Access } from '../../src/http/access.js';

/** Routes of the organisation review queue (src/modules/organisations/routes.tsx): centre staff only. */
export const expectedAccess: Record<string, Access> = {
  'GET /organisations/review': centreStaff,
  'HEAD /organisations/review': centreStaff,
  'GET /organisations/review/merge': centreStaff,
  'HEAD /organisations/review/merge': centreStaff,
  'POST /organisations/review/merge': centreStaff,
  'POST /organisations/review/distinct': centreStaff,
  'POST /organisations/review/confirm': centreStaff,
  'GET /api/v1/organisations/review': centreStaff,
  'HEAD /api/v1/organisations/review': centreStaff,
};
