import { adminsOnly, centreStaff, type Access } from '../../src/http/access.js';

/**
 * Accounts by invitation (admins), the representative's own area and claims,
 * and the staff queue of claims (src/modules/identity/*-routes.tsx).
 */
const representatives: Access = ['representative'];

export const expectedAccess: Record<string, Access> = {
  'GET /admin/accounts': adminsOnly,
  'HEAD /admin/accounts': adminsOnly,
  'POST /admin/accounts': adminsOnly,
  'GET /admin/accounts/:id': adminsOnly,
  'HEAD /admin/accounts/:id': adminsOnly,
  'POST /admin/accounts/:id': adminsOnly,
  'POST /admin/accounts/:id/resend': adminsOnly,
  'POST /admin/accounts/:id/disable': adminsOnly,
  'POST /admin/accounts/:id/enable': adminsOnly,
  'GET /my': representatives,
  'HEAD /my': representatives,
  'GET /my/claim': representatives,
  'HEAD /my/claim': representatives,
  'POST /my/claim': representatives,
  'GET /account': 'signedIn',
  'HEAD /account': 'signedIn',
  'POST /account/password': 'signedIn',
  'POST /account/email': 'signedIn',
  'POST /account/sign-out-everywhere': 'signedIn',
  'GET /account/email/confirm': 'public',
  'HEAD /account/email/confirm': 'public',
  'POST /account/email/confirm': 'public',
  'GET /claims': centreStaff,
  'HEAD /claims': centreStaff,
  'POST /claims/:id/confirm': centreStaff,
  'POST /claims/:id/reject': centreStaff,
};
