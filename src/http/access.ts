import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Role } from '../db/tables.js';

/**
 * Who may call a route. Every route states it in `config.access`; a route
 * without a rule stops the server at start (see assertEveryRouteHasAccess),
 * and test/authorisation.test.ts checks every route against every role.
 *  - 'public': anyone, signed in or not
 *  - 'signedIn': any account
 *  - a list of roles: only accounts with one of them
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const roles: readonly Role[] = ['admin', 'staff', 'coordinator', 'representative', 'funder', 'evaluator'];

/** Role groups used across modules, named by what they may do. */
export const centreStaff: readonly Role[] = ['admin', 'staff'];
export const adminsOnly: readonly Role[] = ['admin'];
/** May see aggregate figures (with small numbers hidden for funder and evaluator). */
export const figureReaders: readonly Role[] = ['admin', 'staff', 'coordinator', 'funder', 'evaluator'];

/**
 * Routes registered by libraries, which cannot state an access rule: static
 * files (@fastify/static, two mounts) and the API documentation
 * (@fastify/swagger-ui, public by decision: it describes the API, it holds no
 * data). Exactly these and no others become public on their own: a new route
 * under /assets/ or /api/docs without config.access stops the server at start
 * like any other (a library update that adds one must be looked at, and
 * test/authorisation.test.ts lists the same set).
 */
export const libraryRoutes: ReadonlySet<string> = new Set([
  'GET /assets/kern/*', 'HEAD /assets/kern/*',
  'GET /assets/*', 'HEAD /assets/*',
  'GET /api/docs', 'HEAD /api/docs', 'HEAD /api/docs/',
  'GET /api/docs/static/index.html', 'HEAD /api/docs/static/index.html',
  'GET /api/docs/static/swagger-initializer.js', 'HEAD /api/docs/static/swagger-initializer.js',
  'GET /api/docs/json', 'HEAD /api/docs/json',
  'GET /api/docs/yaml', 'HEAD /api/docs/yaml',
  'GET /api/docs/static/*', 'HEAD /api/docs/static/*',
]);

export function assertEveryRouteHasAccess(route: RouteOptions) {
  const access = (route.config as { access?: Access } | undefined)?.access;
  if (access !== undefined) return;
  if ([route.method].flat().every((method) => libraryRoutes.has(`${method} ${route.url}`))) {
    route.config = { ...(route.config ?? {}), access: 'public' };
    return;
  }
  throw new Error(`Route ${String(route.method)} ${route.url} has no access rule (config.access)`);
}

export function accessOf(request: FastifyRequest): Access {
  return (request.routeOptions.config as { access?: Access }).access ?? 'public';
}

export type AccessDecision = 'allow' | 'signInRequired' | 'forbidden';

export function decideAccess(access: Access, role: Role | null): AccessDecision {
  if (access === 'public') return 'allow';
  if (!role) return 'signInRequired';
  if (access === 'signedIn') return 'allow';
  return access.includes(role) ? 'allow' : 'forbidden';
}

export const wantsJson = (request: FastifyRequest) =>
  request.url.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json');

export function redirectToSignIn(request: FastifyRequest, reply: FastifyReply) {
  return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
}
