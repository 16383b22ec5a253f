import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Settings } from '../config.js';
import { wantsJson } from './access.js';

/**
 * Holding up under load (issue 16): compressed responses, a cap on the
 * number of heavy requests computed at once, and a quick 503 instead of a
 * queue when the cap is reached or the event loop is stuck, so that public
 * pages and /health keep answering while staff run reports.
 *
 * Registered by buildApp before the static files and the routes: the
 * compression and the hooks only apply to routes registered after them.
 */

/**
 * Routes that recompute a report from raw rows (seconds of CPU and database
 * time at national scale), matched by path prefix because the route files
 * belong to their modules. Keep in step with the routes:
 *  - /dashboard, /dashboard/export/:table.:format  (modules/reports/dashboard-routes.tsx)
 *  - /feedback/annex, /feedback/annex.pdf          (modules/feedback/routes-evaluation.tsx)
 *  - /api/v1/reports/impact                        (modules/reports/api.ts)
 *  - /evaluation/*.csv, the evaluator's exports     (modules/evaluation/routes.tsx)
 */
export const heavyRoutePrefixes = ['/dashboard', '/feedback/annex', '/api/v1/reports', '/evaluation/organisations.csv', '/evaluation/participations.csv'];

/**
 * Never refused while the event loop is stuck: the operator's probe must tell
 * "busy" from "down"; static files cost next to nothing, and refusing them
 * would leave the pages that do get through without their stylesheet.
 */
const neverRefused = (path: string) => path === '/health' || path.startsWith('/assets/');

/** Seconds a refused client is asked to wait: about one dashboard computation. */
export const retryAfterSeconds = 5;

const pathOf = (url: string) => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

export const isHeavyRoute = (url: string) => {
  const path = pathOf(url);
  return heavyRoutePrefixes.some((prefix) => path.startsWith(prefix));
};

/**
 * True when the client has closed its connection: nobody would read the
 * answer, so heavy work is not started (and may stop after an await).
 */
export function clientHasGone(request: FastifyRequest): boolean {
  const socket = request.raw.socket as (typeof request.raw.socket & { destroyed?: boolean }) | null;
  return request.raw.aborted || socket?.destroyed === true;
}

const busy = {
  message: 'Mosaik ist gerade ausgelastet. Bitte versuchen Sie es in einigen Sekunden noch einmal.',
  message_en: 'Mosaik is busy right now. Please try again in a few seconds.',
};

// A page of its own, not the layout: it must cost next to nothing while the
// server is busy, and it is shown in German and English alike (the request's
// language may not be known yet when the event loop check refuses it).
const busyPage = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ausgelastet / Busy – Mosaik</title><link rel="stylesheet" href="/assets/kern/kern.min.css"></head>
<body><main class="kern-container kern-stack-md">
<h1 class="kern-heading-large">Gerade ausgelastet</h1>
<div class="kern-alert kern-alert--warning" role="alert"><div class="kern-alert__body"><p class="kern-body">${busy.message}</p></div></div>
<h2 class="kern-heading-medium" lang="en">Busy right now</h2>
<p class="kern-body" lang="en">${busy.message_en}</p>
<p><a class="kern-link" href="">Erneut versuchen / Try again</a></p>
</main></body></html>
`;

/** Sets status and headers of a refusal and returns its body, page or JSON. */
function busyAnswer(request: FastifyRequest, reply: FastifyReply): string | (typeof busy & { error: string }) {
  reply.code(503).header('retry-after', String(retryAfterSeconds)).header('cache-control', 'no-store');
  if (wantsJson(request)) return { error: 'busy', ...busy };
  reply.type('text/html; charset=utf-8');
  return busyPage;
}

const holdsSlot = Symbol('holdsHeavySlot');
type WithSlot = FastifyRequest & { [holdsSlot]?: boolean };

/**
 * A heavy route whose answer usually comes from the figures cache
 * (src/modules/reports/figures-cache.ts) says so in its config:
 * `config: { heavy: 'when-computed' }`. It takes no slot when it arrives;
 * only the computation, when the cache has nothing for the current data,
 * passes through heavyWork. A repeated dashboard costs a lookup, so it must
 * not be refused because other readers' computations fill the cap.
 */
export type HeavyMode = 'when-computed';

declare module 'fastify' {
  interface FastifyContextConfig {
    heavy?: HeavyMode;
  }
}

/** Raised by heavyWork when the cap is full; answered with 503 and Retry-After. */
export class HeavyWorkRefused extends Error {
  constructor() {
    super('heavy work refused: the cap is full');
    this.name = 'HeavyWorkRefused';
  }
}

/** Raised by heavyWork when the client has gone; answered with 499, nothing computed. */
export class ClientGone extends Error {
  constructor() {
    super('client gone before heavy work started');
    this.name = 'ClientGone';
  }
}

interface HeavyGate {
  limit: number;
  running: number;
}
const gates = new WeakMap<object, HeavyGate>();

/**
 * Runs `work` in one of the heavy slots of the request's server, or refuses
 * it at once (HeavyWorkRefused) when all are taken. A request that holds a
 * slot already (its route is gated on arrival, or an outer computation took
 * it) runs nested work in that slot.
 */
export async function heavyWork<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
  const withSlot = request as WithSlot;
  if (withSlot[holdsSlot]) return work();
  const gate = gates.get(request.server.heavyGate);
  if (!gate) return work(); // an app without load protection (some tests)
  if (clientHasGone(request)) throw new ClientGone();
  if (gate.running >= gate.limit) throw new HeavyWorkRefused();
  gate.running++;
  withSlot[holdsSlot] = true;
  try {
    return await work();
  } finally {
    withSlot[holdsSlot] = false;
    gate.running--;
  }
}

/** The gate of a request for the figures cache: `cachedFigures(…, { gate: gateOf(request) })`. */
export const gateOf =
  (request: FastifyRequest) =>
  <T>(work: () => Promise<T>) =>
    heavyWork(request, work);

/** The answer to a refusal raised inside a handler (errors.ts). */
export function refusedAnswer(request: FastifyRequest, reply: FastifyReply, error: HeavyWorkRefused | ClientGone) {
  if (error instanceof ClientGone) {
    request.log.info({ url: request.url }, 'client gone before heavy work started');
    return reply.code(499).send();
  }
  return reply.send(busyAnswer(request, reply));
}

export async function registerLoadProtection(app: FastifyInstance, settings: Settings, options: { maxEventLoopDelayMs?: number } = {}) {
  // Brotli at quality 4 (not the default 11): a 2.6 MB page in a few
  // milliseconds, at most 10 % larger. Fonts (woff2) and images are
  // compressed already and are left alone by the compressible-type check.
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });

  // When the event loop is stuck (a long report render, or on PGlite a long
  // statement on the main thread), answer at once instead of adding to it.
  // under-pressure measures the mean delay per second; the samples that
  // include the start (loading modules, routes, the API document: seconds on
  // a loaded machine) are ignored, or the first visitors would be refused.
  let readyAt = Infinity;
  app.addHook('onReady', async () => {
    readyAt = performance.now();
  });
  // The threshold is MOSAIK_MAX_EVENT_LOOP_DELAY_MS: 1 s in production, off (0) elsewhere.
  await app.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelayMs ?? settings.maxEventLoopDelayMs,
    sampleInterval: 1000,
    retryAfter: retryAfterSeconds,
    pressureHandler: (request, reply) => {
      if (neverRefused(pathOf(request.url))) return; // go on
      if (performance.now() - readyAt < 2000) return; // the last sample may still cover the start
      // under-pressure sends what the handler returns (and goes no further)
      return busyAnswer(request, reply) as unknown as void;
    },
  });

  // At most MOSAIK_HEAVY_CONCURRENCY heavy requests at once; the rest get
  // 503 with Retry-After right away. No queue: a queue is what kept the
  // server computing for clients that had given up and re-sent.
  const gate: HeavyGate = { limit: settings.MOSAIK_HEAVY_CONCURRENCY, running: 0 };
  const gateKey = {};
  gates.set(gateKey, gate);
  app.decorate('heavyGate', gateKey);
  const release = (request: WithSlot) => {
    if (!request[holdsSlot]) return;
    request[holdsSlot] = false;
    gate.running--;
  };
  // preHandler: after the sign-in and role check, so a signed-out visitor is
  // sent to the sign-in page, not counted.
  app.addHook('preHandler', async (request: WithSlot, reply) => {
    if (!isHeavyRoute(request.url)) return;
    if (request.routeOptions.config.heavy === 'when-computed') return; // gated where it computes (heavyWork)
    if (clientHasGone(request)) {
      // 499 as nginx logs it: the client closed the request, nothing computed
      request.log.info({ url: request.url }, 'client gone before heavy work started');
      return reply.code(499).send();
    }
    if (gate.running >= gate.limit) return reply.send(busyAnswer(request, reply));
    gate.running++;
    request[holdsSlot] = true;
  });
  // The slot is freed when the handler has produced its answer (onSend runs
  // for success and error alike), not when the client goes: the work goes on
  // until the handler returns and must still count against the cap.
  app.addHook('onSend', async (request: WithSlot) => release(request));
  app.addHook('onResponse', async (request: WithSlot) => release(request));
  app.decorate('heavyRequestsRunning', () => gate.running);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Heavy requests being computed now (for tests and the benchmark). */
    heavyRequestsRunning(): number;
    /** The key of this server's heavy-work gate (heavyWork). */
    heavyGate: object;
  }
}
