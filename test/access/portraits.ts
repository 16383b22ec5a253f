import { centreStaff, type Access } from '../../src/http/access.js';

/**
 * Portraits and the map (src/modules/portraits/routes-public.tsx, routes-edit.tsx):
 * the list, each released portrait, its photo and the map are public; an
 * association's representative writes and releases its portrait under
 * /my/portraits (another association's is not found); centre staff do the
 * same for any association under /staff/portraits.
 */
const representatives: Access = ['representative'];

export const expectedAccess: Record<string, Access> = {
  'GET /portraits': 'public',
  'HEAD /portraits': 'public',
  'GET /portraits/:id': 'public',
  'HEAD /portraits/:id': 'public',
  'GET /portraits/:id/photo': 'public',
  'HEAD /portraits/:id/photo': 'public',
  'GET /map': 'public',
  'HEAD /map': 'public',
  'GET /map/map.js': 'public',
  'HEAD /map/map.js': 'public',
  'GET /map/map.css': 'public',
  'HEAD /map/map.css': 'public',
  'GET /my/portraits': representatives,
  'HEAD /my/portraits': representatives,
  'GET /my/portraits/:id': representatives,
  'HEAD /my/portraits/:id': representatives,
  'GET /my/portraits/:id/photo': representatives,
  'HEAD /my/portraits/:id/photo': representatives,
  'POST /my/portraits/:id': representatives,
  'POST /my/portraits/:id/release': representatives,
  'POST /my/portraits/:id/withdraw': representatives,
  'GET /staff/portraits': centreStaff,
  'HEAD /staff/portraits': centreStaff,
  'GET /staff/portraits/:id': centreStaff,
  'HEAD /staff/portraits/:id': centreStaff,
  'GET /staff/portraits/:id/photo': centreStaff,
  'HEAD /staff/portraits/:id/photo': centreStaff,
  'POST /staff/portraits/:id': centreStaff,
  'POST /staff/portraits/:id/release': centreStaff,
  'POST /staff/portraits/:id/withdraw': centreStaff,
};
