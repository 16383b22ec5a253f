import type { Access } from '../../src/http/access.js';
import { centreStaff, figureReaders } from '../../src/http/access.js';

/** Feedback forms (src/modules/feedback): the public online form, evaluation and annex, paper entry, templates. */
export const expectedAccess: Record<string, Access> = {
  'GET /f/:code': 'public',
  'HEAD /f/:code': 'public',
  'POST /f/:code': 'public',
  'GET /f/:code/thanks': 'public',
  'HEAD /f/:code/thanks': 'public',
  'GET /events/:eventId/feedback': figureReaders,
  'HEAD /events/:eventId/feedback': figureReaders,
  'GET /feedback/annex': figureReaders,
  'HEAD /feedback/annex': figureReaders,
  'GET /feedback/annex.pdf': figureReaders,
  'HEAD /feedback/annex.pdf': figureReaders,
  'GET /events/:eventId/feedback/paper': centreStaff,
  'HEAD /events/:eventId/feedback/paper': centreStaff,
  'GET /events/:eventId/feedback/entry': centreStaff,
  'HEAD /events/:eventId/feedback/entry': centreStaff,
  'POST /events/:eventId/feedback/entry': centreStaff,
  'POST /events/:eventId/feedback/entry/:responseId/delete': centreStaff,
  'GET /feedback/templates': centreStaff,
  'HEAD /feedback/templates': centreStaff,
  'GET /feedback/templates/:format': centreStaff,
  'HEAD /feedback/templates/:format': centreStaff,
  'POST /feedback/templates/:format': centreStaff,
};
