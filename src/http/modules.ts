import type { FastifyPluginAsync } from 'fastify';

/**
 * The route plugins of the domain modules, in the order they are registered.
 * A module adds its plugin here; src/http/app.ts stays untouched.
 */
export const moduleRoutes: FastifyPluginAsync[] = [];
