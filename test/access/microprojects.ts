import { centreStaff, figureReaders, type Access } from '../../src/http/access.js';

/**
 * Micro-projects (src/modules/microprojects/routes*.tsx). Reading: centre
 * staff, coordinators (their districts) and representatives (their
 * organisations; others are 404, src/modules/microprojects/policy.ts).
 * Ticking, receipts and documents: the association and its advisers, not
 * coordinators. The record, its stage, its tags, the year's rules and the
 * list of tags: centre staff. The analysis of chapter 5.6: those who read
 * figures (funder and evaluator with small numbers suppressed).
 */
const readers: Access = ['admin', 'staff', 'coordinator', 'representative'];
const keepers: Access = ['admin', 'staff', 'representative'];

export const expectedAccess: Record<string, Access> = {
  'GET /microprojects': readers,
  'HEAD /microprojects': readers,
  'POST /microprojects': centreStaff,
  'GET /microprojects/new': centreStaff,
  'HEAD /microprojects/new': centreStaff,
  'GET /microprojects/rules': centreStaff,
  'HEAD /microprojects/rules': centreStaff,
  'POST /microprojects/rules': centreStaff,
  'GET /microprojects/:id': readers,
  'HEAD /microprojects/:id': readers,
  'POST /microprojects/:id': centreStaff,
  'GET /microprojects/:id/edit': centreStaff,
  'HEAD /microprojects/:id/edit': centreStaff,
  'POST /microprojects/:id/stage': centreStaff,
  'POST /microprojects/:id/follow-up': centreStaff,
  'POST /microprojects/:id/tasks': keepers,
  'GET /microprojects/:id/receipts': readers,
  'HEAD /microprojects/:id/receipts': readers,
  'POST /microprojects/:id/receipts': keepers,
  'POST /microprojects/:id/receipts/:receiptId/delete': keepers,
  'GET /microprojects/:id/proof.pdf': readers,
  'HEAD /microprojects/:id/proof.pdf': readers,
  'GET /microprojects/:id/proof.xlsx': readers,
  'HEAD /microprojects/:id/proof.xlsx': readers,
  'GET /microprojects/:id/sachbericht': readers,
  'POST /microprojects/:id/sachbericht': keepers,
  'GET /microprojects/:id/due-dates.ics': readers,
  'HEAD /microprojects/:id/due-dates.ics': readers,
  'HEAD /microprojects/:id/sachbericht': readers,
  'POST /microprojects/:id/documents': keepers,
  'GET /microprojects/:id/documents/:documentId': keepers,
  'HEAD /microprojects/:id/documents/:documentId': keepers,
  'POST /microprojects/:id/tags': centreStaff,
  'GET /microprojects/tags': centreStaff,
  'HEAD /microprojects/tags': centreStaff,
  'POST /microprojects/tags': centreStaff,
  'GET /microprojects/analysis': figureReaders,
  'HEAD /microprojects/analysis': figureReaders,
  'GET /api/v1/microprojects': readers,
  'HEAD /api/v1/microprojects': readers,
  'GET /api/v1/microprojects/:projectId': readers,
  'HEAD /api/v1/microprojects/:projectId': readers,
  'GET /api/v1/reports/projects': figureReaders,
  'HEAD /api/v1/reports/projects': figureReaders,
};
