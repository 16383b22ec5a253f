import { centreStaff, type Access } from '../../src/http/access.js';

/**
 * Staff pages of registrations and attendance (src/modules/registrations/staff-routes.tsx,
 * checkin-routes.tsx) and the outbox (src/modules/mail/routes.tsx): they name persons,
 * so centre staff only.
 */
export const expectedAccess: Record<string, Access> = {
  'GET /events/:id/registrations': centreStaff,
  'HEAD /events/:id/registrations': centreStaff,
  'POST /events/:id/registrations': centreStaff,
  'POST /events/:id/registrations/:registrationId/cancel': centreStaff,
  'GET /events/:id/sign-in-sheet': centreStaff,
  'HEAD /events/:id/sign-in-sheet': centreStaff,
  'GET /events/:id/check-in': centreStaff,
  'HEAD /events/:id/check-in': centreStaff,
  'POST /events/:id/check-in': centreStaff,
  'POST /events/:id/walk-ins': centreStaff,
  'GET /events/:id/no-shows': centreStaff,
  'HEAD /events/:id/no-shows': centreStaff,
  'POST /events/:id/no-shows': centreStaff,
  'GET /outbox': centreStaff,
  'HEAD /outbox': centreStaff,
  'GET /outbox/:id': centreStaff,
  'HEAD /outbox/:id': centreStaff,
};
