import { adminsOnly, type Access } from '../../src/http/access.js';

/** Routes of the admin audit view (src/modules/audit/routes.tsx): admins only. */
export const expectedAccess: Record<string, Access> = {
  'GET /admin/audit': adminsOnly,
  'HEAD /admin/audit': adminsOnly,
  'GET /admin/audit.csv': adminsOnly,
  'HEAD /admin/audit.csv': adminsOnly,
  'GET /admin/audit.json': adminsOnly,
  'HEAD /admin/audit.json': adminsOnly,
};
