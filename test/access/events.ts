import { centreStaff, type Access } from '../../src/http/access.js';

const eventReaders: Access = ['admin', 'staff', 'coordinator'];

/** Events (src/modules/events): staff pages, and the public calendar with its iCalendar feeds. */
export const expectedAccess: Record<string, Access> = {
  'GET /events': eventReaders,
  'HEAD /events': eventReaders,
  'GET /events/calendar': eventReaders,
  'HEAD /events/calendar': eventReaders,
  'GET /events/new': centreStaff,
  'HEAD /events/new': centreStaff,
  'POST /events': centreStaff,
  'GET /events/:id': eventReaders,
  'HEAD /events/:id': eventReaders,
  'GET /events/:id/edit': centreStaff,
  'HEAD /events/:id/edit': centreStaff,
  'POST /events/:id/edit': centreStaff,
  'POST /events/:id/cancel': centreStaff,
  'POST /events/:id/duplicate': centreStaff,
  'GET /calendar': 'public',
  'HEAD /calendar': 'public',
  'GET /calendar.ics': 'public',
  'HEAD /calendar.ics': 'public',
  'GET /calendar/:id': 'public',
  'HEAD /calendar/:id': 'public',
  'GET /calendar/:id.ics': 'public',
  'HEAD /calendar/:id.ics': 'public',
};
