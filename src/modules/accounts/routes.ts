import type { FastifyInstance } from 'fastify';
import { accountAdminRoutes } from './admin-routes.js';
import { claimsRoutes } from './claims-routes.js';
import { myRoutes } from './my-routes.js';

/** Accounts by invitation (/admin/accounts), the representative's area (/my, /my/claim) and the claims queue (/claims). */
export async function accountsRoutes(app: FastifyInstance) {
  await accountAdminRoutes(app);
  await myRoutes(app);
  await claimsRoutes(app);
}
