import { centreStaff, type Access } from '../../src/http/access.js';

/**
 * Staff pages of registrations and attendance (src/modules/registrations/staff-routes.tsx,
 * checkin-routes.tsx) and the outbox (src/modules/mail/routes.tsx): they name persons.
 * The outbox is centre staff only; an event's registrations and check-in also
 * coordinators, for the partner events of their districts (404 outside them,
 * src/modules/events/scope.ts).
 */
const eventOrganisers: Access = ['admin', 'staff', 'coordinator'];

export const expectedAccess: Record<string, Access> = {
  'GET /events/:id/registrations': eventOrganisers,
  'HEAD /events/:id/registrations': eventOrganisers,
  'POST /events/:id/registrations': eventOrganisers,
  'POST /events/:id/registrations/:registrationId/cancel': eventOrganisers,
  'GET /events/:id/sign-in-sheet': eventOrganisers,
  'HEAD /events/:id/sign-in-sheet': eventOrganisers,
  'GET /events/:id/check-in': eventOrganisers,
  'HEAD /events/:id/check-in': eventOrganisers,
  'POST /events/:id/check-in': eventOrganisers,
  'POST /events/:id/walk-ins': eventOrganisers,
  'GET /events/:id/no-shows': eventOrganisers,
  'HEAD /events/:id/no-shows': eventOrganisers,
  'POST /events/:id/no-shows': eventOrganisers,
  'GET /outbox': centreStaff,
  'HEAD /outbox': centreStaff,
  'GET /outbox/:id': centreStaff,
  'HEAD /outbox/:id': centreStaff,
};
