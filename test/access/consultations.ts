import { centreStaff, type Access } from '../../src/http/access.js';

const representatives: Access = ['representative'];

/**
 * Routes of the consultation log (src/modules/consultations/routes.tsx):
 * centre staff only; consultation requests (request-routes.tsx): the
 * representative's own pages under /my, the queue for centre staff.
 */
export const expectedAccess: Record<string, Access> = {
  'GET /my/consultation-requests': representatives,
  'HEAD /my/consultation-requests': representatives,
  'GET /my/consultation-requests/new': representatives,
  'HEAD /my/consultation-requests/new': representatives,
  'POST /my/consultation-requests/new': representatives,
  'GET /my/consultation-requests/:id': representatives,
  'HEAD /my/consultation-requests/:id': representatives,
  'GET /consultations/requests': centreStaff,
  'HEAD /consultations/requests': centreStaff,
  'GET /consultations/requests/:id': centreStaff,
  'HEAD /consultations/requests/:id': centreStaff,
  'POST /consultations/requests/:id/take': centreStaff,
  'POST /consultations/requests/:id/decline': centreStaff,
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
