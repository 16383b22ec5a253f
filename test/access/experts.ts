import { centreStaff, type Access } from '../../src/http/access.js';

/**
 * The pool of experts and moderators and the dialogue forums
 * (src/modules/experts/routes-*.tsx, policy.ts). Reading the pool and
 * staffing a forum: centre staff, and coordinators for the entries and forums
 * of their districts (others are 404: test/object-scope.test.ts). Keeping the
 * pool (entries, consent and its withdrawal): centre staff only.
 */
const readers: Access = ['admin', 'staff', 'coordinator'];

export const expectedAccess: Record<string, Access> = {
  'GET /experts': readers,
  'HEAD /experts': readers,
  'GET /experts/new': centreStaff,
  'HEAD /experts/new': centreStaff,
  'POST /experts': centreStaff,
  'GET /experts/:id': readers,
  'HEAD /experts/:id': readers,
  'GET /experts/:id/edit': centreStaff,
  'HEAD /experts/:id/edit': centreStaff,
  'POST /experts/:id': centreStaff,
  'POST /experts/:id/withdraw': centreStaff,
  'POST /experts/:id/absences': centreStaff,
  'POST /experts/:id/absences/:absenceId/remove': centreStaff,
  'GET /experts/forums': readers,
  'HEAD /experts/forums': readers,
  'GET /experts/forums/:id': readers,
  'HEAD /experts/forums/:id': readers,
  'GET /experts/forums/:id/documentation': readers,
  'HEAD /experts/forums/:id/documentation': readers,
  'POST /experts/forums/:id/staff': readers,
  'POST /experts/forums/:id/staff/:expertId/remove': readers,
  'POST /experts/forums/:id/outcomes': readers,
  'POST /experts/forums/:id/outcomes/:outcomeId/remove': readers,
};
