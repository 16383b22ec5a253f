import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Settings } from '../config.js';
import type { Db } from '../db/connection.js';
import { moduleRoutes } from './modules.js';
import { assertEveryRouteHasAccess, type Access } from './access.js';
import { registerRequestContext } from './context.js';
import { registerErrorHandling } from './errors.js';
import { registerInputGuard } from './input-guard.js';
import { registerOpenApi } from './openapi.js';
import { homeRoutes } from './home.js';
import { registerLoadProtection } from './load.js';

const kernDist = fileURLToPath(new URL('../../node_modules/@kern-ux/native/dist/', import.meta.url));
const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));

/** No page of Mosaik uses these browser features; no injected script may either. */
const permissionsPolicy = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
  'interest-cohort=()',
  'browsing-topics=()',
].join(', ');

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
    // X-Forwarded-For is believed only from the proxies the operator names
    // (MOSAIK_TRUST_PROXY); trusting it from anyone let every client pick its
    // own address and walk past the rate limits (issue 8, finding 4).
    trustProxy: settings.MOSAIK_TRUST_PROXY.length > 0 ? settings.MOSAIK_TRUST_PROXY : false,
    bodyLimit: 1024 * 1024,
    // Route plugins are imported when they are registered (lazy() in
    // src/modules/module.ts). On a busy machine the first import of a module's
    // views can take longer than Fastify's 10 s default, and the app then
    // refused to start; a plugin that never finishes still fails, after 2 minutes.
    pluginTimeout: 120_000,
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

  if (settings.MOSAIK_TRUST_PROXY.length === 0) {
    // behind an unnamed proxy every client shares the proxy's address, and so its limits
    let warned = false;
    app.addHook('onRequest', async (request) => {
      if (warned || request.headers['x-forwarded-for'] === undefined) return;
      warned = true;
      request.log.warn({ proxy: request.ip }, 'X-Forwarded-For ignored: name the reverse proxy in MOSAIK_TRUST_PROXY (docs/operations.md)');
    });
  }

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('permissions-policy', permissionsPolicy);
    // Pages, exports and API answers name persons: no browser or proxy keeps a
    // copy (the back button after sign-out, a shared computer). Stylesheets,
    // fonts and images under /assets/ are the same for everyone and keep
    // their caching (issue 8, finding 18).
    if (!request.url.startsWith('/assets/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // Helmet's security headers, built once. @fastify/helmet builds helmet's
  // middleware anew for every request (parsing the CSP each time: 1.5 % of a
  // public page's CPU in the issue-16 profile); the headers are the same.
  const securityHeaders = helmet({
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
  app.addHook('onRequest', (request, reply, next) => securityHeaders(request.raw, reply.raw, (error?: unknown) => next(error instanceof Error ? error : undefined)));
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(rateLimit, { global: false });
  await registerLoadProtection(app, settings); // before the static files and routes: compression and the heavy-route cap apply to routes registered after it
  await app.register(fastifyStatic, { root: kernDist, prefix: '/assets/kern/', decorateReply: false, maxAge: '1d' });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', decorateReply: false, maxAge: '1h' });
  await registerOpenApi(app, settings);

  registerRequestContext(app);
  registerErrorHandling(app);
  registerInputGuard(app); // after the request context: access and CSRF are checked first

  await app.register(homeRoutes);
  for (const routes of moduleRoutes()) await app.register(routes);
  return app;
}
