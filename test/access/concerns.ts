import type { Access } from '../../src/http/access.js';

const staff: Access = ['admin', 'staff'];
const readers: Access = ['admin', 'staff', 'coordinator', 'funder'];
const meetingReaders: Access = ['admin', 'staff', 'funder'];

/**
 * Needs and concerns (src/modules/concerns/policy.ts): staff record and move
 * them; coordinators read those of their districts; the funder reads the
 * concerns forwarded to the ministry and the Dialogtreffen, without names;
 * the public page lists what staff chose, without names.
 */
export const expectedAccess: Record<string, Access> = {
  'GET /concerns': readers,
  'HEAD /concerns': readers,
  'GET /concerns/new': staff,
  'HEAD /concerns/new': staff,
  'POST /concerns': staff,
  'GET /concerns/:id': readers,
  'HEAD /concerns/:id': readers,
  'GET /concerns/:id/edit': staff,
  'HEAD /concerns/:id/edit': staff,
  'POST /concerns/:id/edit': staff,
  'POST /concerns/:id/state': staff,
  'POST /concerns/:id/merge': staff,
  'POST /concerns/:id/events': staff,
  'GET /concerns/events/:eventId/results': staff,
  'HEAD /concerns/events/:eventId/results': staff,
  'POST /concerns/events/:eventId/results': staff,
  'GET /concerns/dialog': meetingReaders,
  'HEAD /concerns/dialog': meetingReaders,
  'POST /concerns/dialog': staff,
  'GET /concerns/dialog/:id': meetingReaders,
  'HEAD /concerns/dialog/:id': meetingReaders,
  'POST /concerns/dialog/:id/agenda': staff,
  'POST /concerns/dialog/:id/minutes': staff,
  // the JSON API: the same readers and scope as the log, never a name
  'GET /api/v1/concerns': readers,
  'HEAD /api/v1/concerns': readers,
  'GET /sie-haben-gesagt': 'public',
  'HEAD /sie-haben-gesagt': 'public',
};
