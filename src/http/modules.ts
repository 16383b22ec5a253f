import type { FastifyPluginAsync } from 'fastify';
import { registeredModules } from '../modules/registry.js';

/**
 * The route plugins of the domain modules, in the order of
 * src/modules/registry.ts: each module brings its own (`routes` of its
 * `module`). src/http/app.ts stays untouched.
 */
export const moduleRoutes = (): FastifyPluginAsync[] => registeredModules().flatMap((module) => module.routes ?? []);
