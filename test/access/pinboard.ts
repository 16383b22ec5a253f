import { centreStaff, type Access } from '../../src/http/access.js';

/**
 * The pinboard (src/modules/pinboard/routes*.tsx, policy.ts). Reading and
 * reporting: representatives and centre staff (the board is between
 * associations; coordinators, funder and evaluator do not see it). Posting,
 * editing, writing to an author and the conversations: representatives, for
 * their organisations (others' drafts are 404). Moderation and settings:
 * centre staff.
 */
const board: Access = ['admin', 'staff', 'representative'];
const representatives: Access = ['representative'];

export const expectedAccess: Record<string, Access> = {
  'GET /pinboard': board,
  'HEAD /pinboard': board,
  'GET /pinboard/fair': board,
  'HEAD /pinboard/fair': board,
  'GET /pinboard/:id': board,
  'HEAD /pinboard/:id': board,
  'GET /pinboard/:id/image': board,
  'HEAD /pinboard/:id/image': board,
  'POST /pinboard/:id/report': board,
  'POST /pinboard/:id/contact': representatives,
  'GET /pinboard/conversations/:id': representatives,
  'HEAD /pinboard/conversations/:id': representatives,
  'POST /pinboard/conversations/:id': representatives,
  'GET /pinboard/mine': representatives,
  'HEAD /pinboard/mine': representatives,
  'GET /pinboard/new': representatives,
  'HEAD /pinboard/new': representatives,
  'POST /pinboard/new': representatives,
  'GET /pinboard/:id/edit': representatives,
  'HEAD /pinboard/:id/edit': representatives,
  'POST /pinboard/:id/edit': representatives,
  'POST /pinboard/:id/renew': representatives,
  'POST /pinboard/:id/matched': representatives,
  'POST /pinboard/:id/withdraw': representatives,
  'GET /staff/pinboard': centreStaff,
  'HEAD /staff/pinboard': centreStaff,
  'POST /staff/pinboard/:id/approve': centreStaff,
  'POST /staff/pinboard/:id/reject': centreStaff,
  'POST /staff/pinboard/:id/reports': centreStaff,
  'GET /staff/pinboard/settings': centreStaff,
  'HEAD /staff/pinboard/settings': centreStaff,
  'POST /staff/pinboard/settings': centreStaff,
};
