import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Settings } from '../config.js';
import type { Db } from '../db/connection.js';
import { identityRoutes } from '../modules/identity/routes.js';
import { moduleRoutes } from './modules.js';
import { assertEveryRouteHasAccess, type Access } from './access.js';
import { registerRequestContext } from './context.js';
import { registerErrorHandling } from './errors.js';
import { homeRoutes } from './home.js';

const kernDist = fileURLToPath(new URL('../../node_modules/@kern-ux/native/dist/', import.meta.url));
const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access rule, for the authorisation test. */
    registeredRoutes: RegisteredRoute[];
  }
}

export interface AppOptions {
  db: Db;
  settings: Settings;
  /** A pino logger to share with the rest of the process; none in tests. */
  logger?: FastifyBaseLogger;
}

/** The whole web application: plugins, security headers, module routes. */
export async function buildApp({ db, settings, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Fastify 5 takes a ready logger as loggerInstance; `logger` only takes options
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    trustProxy: settings.NODE_ENV === 'production',
    bodyLimit: 1024 * 1024,
  });
  app.decorate('db', db);
  app.decorate('settings', settings);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    assertEveryRouteHasAccess(route);
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access: route.config!.access! });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: settings.secureCookies ? [] : null,
      },
    },
    // Swagger UI and our pages load nothing from other origins.
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, { root: kernDist, prefix: '/assets/kern/', decorateReply: false, maxAge: '1d' });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', decorateReply: false, maxAge: '1h' });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Mosaik API', version: '1', description: 'JSON API of Mosaik. Sign in through /sign-in; send the CSRF token in x-csrf-token for changing requests.' },
      servers: [{ url: settings.baseUrl }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerRequestContext(app);
  registerErrorHandling(app);
  (await import('./input-guard.js')).registerInputGuard(app);

  await app.register(homeRoutes);
  await app.register(identityRoutes);
  for (const routes of moduleRoutes) await app.register(routes);
  return app;
}
