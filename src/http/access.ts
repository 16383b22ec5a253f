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

// Routes registered by libraries: static files and the API documentation.
const libraryRoutePrefixes = ['/assets/', '/api/docs'];

export function assertEveryRouteHasAccess(route: RouteOptions) {
  const access = (route.config as { access?: Access } | undefined)?.access;
  if (access !== undefined) return;
  if (libraryRoutePrefixes.some((prefix) => route.url.startsWith(prefix))) {
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
