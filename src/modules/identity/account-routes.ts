import type { FastifyInstance } from 'fastify';
import { accountAdminRoutes } from './admin-routes.js';
import { claimsRoutes } from './claims-routes.js';
import { myRoutes } from './my-routes.js';
import { ownAccountRoutes } from './own-routes.js';

/** Accounts by invitation (/admin/accounts), the representative's area (/my, /my/claim), the claims queue (/claims) and every account's own page (/account). */
export async function accountsRoutes(app: FastifyInstance) {
  await accountAdminRoutes(app);
  await myRoutes(app);
  await claimsRoutes(app);
  await ownAccountRoutes(app);
}
