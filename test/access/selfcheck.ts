import { centreStaff, type Access } from '../../src/http/access.js';

/**
 * The Vereins-Check (src/modules/selfcheck/routes*.tsx, policy.ts). Filling
 * in, the result and an organisation's history: the association's
 * representatives (their organisations; others are 404) and the centre's
 * advisers. The aggregate over all organisations: staff, coordinators (their
 * districts) and the funder, both with small numbers hidden. The items'
 * wording and mapping: centre staff.
 */
const fillers: Access = ['admin', 'staff', 'representative'];
const aggregate: Access = ['admin', 'staff', 'coordinator', 'funder'];

export const expectedAccess: Record<string, Access> = {
  'GET /selfcheck': fillers,
  'HEAD /selfcheck': fillers,
  'POST /selfcheck/start': fillers,
  'GET /selfcheck/checks/:id': fillers,
  'HEAD /selfcheck/checks/:id': fillers,
  'GET /selfcheck/checks/:id/areas/:area': fillers,
  'HEAD /selfcheck/checks/:id/areas/:area': fillers,
  'POST /selfcheck/checks/:id/areas/:area': fillers,
  'POST /selfcheck/checks/:id/submit': fillers,
  'POST /selfcheck/checks/:id/discard': fillers,
  // carrying a check's open items into the needs log (concerns): the centre's staff
  'POST /selfcheck/checks/:id/needs': centreStaff,
  'GET /selfcheck/organisations/:id': fillers,
  'HEAD /selfcheck/organisations/:id': fillers,
  'GET /selfcheck/overview': aggregate,
  'HEAD /selfcheck/overview': aggregate,
  // the aggregate as JSON: the same roles and small-number rule as the overview
  'GET /api/v1/selfcheck/aggregate': aggregate,
  'HEAD /api/v1/selfcheck/aggregate': aggregate,
  'GET /selfcheck/items': centreStaff,
  'HEAD /selfcheck/items': centreStaff,
  'GET /selfcheck/items/:key': centreStaff,
  'HEAD /selfcheck/items/:key': centreStaff,
  'POST /selfcheck/items/:key': centreStaff,
};
