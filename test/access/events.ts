import type { Access } from '../../src/http/access.js';

const eventReaders: Access = ['admin', 'staff', 'coordinator'];
/** Coordinators create and change the partner events of their districts (src/modules/events/scope.ts decides per event). */
const eventOrganisers: Access = ['admin', 'staff', 'coordinator'];
const centreStaff: Access = ['admin', 'staff'];

/** Events (src/modules/events): staff pages, and the public calendar with its iCalendar feeds. */
export const expectedAccess: Record<string, Access> = {
  'GET /events': eventReaders,
  'HEAD /events': eventReaders,
  'GET /events/calendar': eventReaders,
  'HEAD /events/calendar': eventReaders,
  'GET /events/new': eventOrganisers,
  'HEAD /events/new': eventOrganisers,
  'POST /events': eventOrganisers,
  'GET /events/:id': eventReaders,
  'HEAD /events/:id': eventReaders,
  'GET /events/:id/edit': eventOrganisers,
  'HEAD /events/:id/edit': eventOrganisers,
  'POST /events/:id/edit': eventOrganisers,
  'POST /events/:id/cancel': eventOrganisers,
  'POST /events/:id/duplicate': eventOrganisers,
  'GET /calendar': 'public',
  'HEAD /calendar': 'public',
  'GET /calendar.ics': 'public',
  'HEAD /calendar.ics': 'public',
  'GET /calendar/:id': 'public',
  'HEAD /calendar/:id': 'public',
  'GET /calendar/:id.ics': 'public',
  'HEAD /calendar/:id.ics': 'public',
  // a meeting's documentation: written by the centre, public once published
  'GET /events/:id/documentation': centreStaff,
  'HEAD /events/:id/documentation': centreStaff,
  'POST /events/:id/documentation': centreStaff,
  'POST /events/:id/documentation/photos': centreStaff,
  'POST /events/:id/documentation/photos/:photoId/delete': centreStaff,
  'POST /events/:id/documentation/publish': centreStaff,
  'GET /events/:id/documentation/photos/:photoId': centreStaff,
  'HEAD /events/:id/documentation/photos/:photoId': centreStaff,
  'GET /events/:id/documentation/photos/:photoId/thumbnail': centreStaff,
  'HEAD /events/:id/documentation/photos/:photoId/thumbnail': centreStaff,
  'GET /calendar/:id/documentation': 'public',
  'HEAD /calendar/:id/documentation': 'public',
  'GET /calendar/:id/documentation/photos/:photoId': 'public',
  'HEAD /calendar/:id/documentation/photos/:photoId': 'public',
  'GET /calendar/:id/documentation/photos/:photoId/thumbnail': 'public',
  'HEAD /calendar/:id/documentation/photos/:photoId/thumbnail': 'public',
};
