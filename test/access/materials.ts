import type { Access } from '../../src/http/access.js';

const centreStaff: Access = ['admin', 'staff'];

/** The handout library (src/modules/materials): public list, pages and stable downloads; everything else for centre staff. */
export const expectedAccess: Record<string, Access> = {
  'GET /handouts': 'public',
  'HEAD /handouts': 'public',
  'GET /handouts/:id': 'public',
  'HEAD /handouts/:id': 'public',
  'GET /handouts/:id/download': 'public',
  'HEAD /handouts/:id/download': 'public',
  'GET /materials': centreStaff,
  'HEAD /materials': centreStaff,
  'GET /materials/links': centreStaff,
  'HEAD /materials/links': centreStaff,
  'GET /materials/new': centreStaff,
  'HEAD /materials/new': centreStaff,
  'POST /materials': centreStaff,
  'GET /materials/:id': centreStaff,
  'HEAD /materials/:id': centreStaff,
  'POST /materials/:id/edit': centreStaff,
  'POST /materials/:id/publish': centreStaff,
  'POST /materials/:id/versions': centreStaff,
  'GET /materials/:id/versions/:version/download': centreStaff,
  'HEAD /materials/:id/versions/:version/download': centreStaff,
};
