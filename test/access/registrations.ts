import type { Access } from '../../src/http/access.js';

/** Public registration pages (src/modules/registrations/routes.tsx): no account, the manage token is the key. */
export const expectedAccess: Record<string, Access> = {
  'GET /events/:id/register': 'public',
  'HEAD /events/:id/register': 'public',
  'POST /events/:id/register': 'public',
  'GET /registrations/:token': 'public',
  'HEAD /registrations/:token': 'public',
  'POST /registrations/:token': 'public',
};
