import { centreStaff, type Access } from '../../src/http/access.js';

/** Routes of the consultation log (src/modules/consultations/routes.tsx): centre staff only. */
export const expectedAccess: Record<string, Access> = {
  'GET /consultations': centreStaff,
  'HEAD /consultations': centreStaff,
  'GET /consultations/follow-ups': centreStaff,
  'HEAD /consultations/follow-ups': centreStaff,
  'GET /consultations/new': centreStaff,
  'HEAD /consultations/new': centreStaff,
  'POST /consultations/new': centreStaff,
  'GET /consultations/topics': centreStaff,
  'HEAD /consultations/topics': centreStaff,
  'POST /consultations/topics': centreStaff,
  'GET /consultations/:id': centreStaff,
  'HEAD /consultations/:id': centreStaff,
  'GET /consultations/:id/edit': centreStaff,
  'HEAD /consultations/:id/edit': centreStaff,
  'POST /consultations/:id/edit': centreStaff,
  'POST /consultations/:id/follow-up-done': centreStaff,
  'POST /consultations/:id/referral': centreStaff,
};
