import type { Access } from '../../src/http/access.js';

const eventReaders: Access = ['admin', 'staff', 'coordinator'];
/** Coordinators create and change the partner events of their districts (src/modules/events/scope.ts decides per event). */
const eventOrganisers: Access = ['admin', 'staff', 'coordinator'];

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
};
