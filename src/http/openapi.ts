import swagger, { type SwaggerOptions } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Settings } from '../config.js';
import type { Access } from './access.js';
import { sessionCookie } from './context.js';

/**
 * The OpenAPI document at /api/docs/json, in one place. The routes' Zod
 * schemas describe what succeeds; what every route can also answer — the
 * refusals of src/http/context.ts and the errors of src/http/errors.ts — is
 * added here once, from the route's access rule and shape, so that a route
 * cannot forget to document them. test/openapi.test.ts validates the document
 * and compares real responses with it.
 */

/** The paths the document describes: the JSON API, the health check, the iCalendar feeds. HTML pages are not an API. */
export const isDocumentedUrl = (url: string) => url.startsWith('/api/v1/') || url === '/health' || url.endsWith('.ics');

const changingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Kept out of the final document: how the transform tells transformObject which shared responses an operation has. */
const errorsKey = 'x-mosaik-errors';

// ── shared component schemas: the JSON body of src/http/errors.ts ──────────

const problemKinds = ['notFound', 'forbidden', 'signInRequired', 'csrf', 'rateLimit', 'badRequest', 'server'];

const problemSchema = {
  type: 'object',
  description: 'Every error the API gives: a kind, and what to do in German (or the language of the request) and in English.',
  required: ['error', 'message', 'message_en'],
  properties: {
    error: { type: 'string', description: `The kind of problem: ${problemKinds.join(', ')}; some operations name their own (see the operation)` },
    message: { type: 'string', description: 'What is wrong and how to fix it, in the language of the request (German unless ?lang= or the session says otherwise)' },
    message_en: { type: 'string', description: 'The same in English' },
  },
};

const validationProblemSchema = {
  type: 'object',
  description: 'A request that failed validation: one entry per refused field, in German and English.',
  required: ['error', 'message', 'message_en'],
  properties: {
    ...problemSchema.properties,
    error: { type: 'string', enum: ['badRequest'] },
    issues: {
      type: 'array',
      description: 'One entry per refused field; absent when the request as a whole could not be read (e.g. malformed JSON)',
      items: {
        type: 'object',
        required: ['field', 'location', 'code', 'message', 'message_en'],
        properties: {
          field: { type: 'string', description: 'Dotted path of the field, e.g. "email" or "records.3.name"; empty for the whole input' },
          location: { type: 'string', enum: ['body', 'querystring', 'params', 'headers'], description: 'Where the field was sent' },
          code: { type: 'string', description: 'The rule that failed (invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom)' },
          message: { type: 'string' },
          message_en: { type: 'string' },
        },
      },
    },
  },
};

/** A problem whose `error` is one of the given kinds. */
const problemOf = (...kinds: string[]) => ({
  allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { error: { type: 'string', enum: kinds } } }],
});

const json = (schema: object) => ({ 'application/json': { schema } });
const retryAfter = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } };

/** The standard responses, by status; an operation gets those its access rule and shape can produce. */
const sharedResponses = {
  400: { name: 'BadRequest', response: { description: 'The request failed validation: see issues for each field and how to fix it', content: json({ $ref: '#/components/schemas/ValidationProblem' }) } },
  401: { name: 'SignInRequired', response: { description: `Not signed in: sign in through POST /sign-in and send the ${sessionCookie} cookie`, content: json(problemOf('signInRequired')) } },
  403: {
    name: 'Forbidden',
    response: {
      description: "The account's role may not use this operation (error forbidden), or a changing request came without the session's CSRF token in x-csrf-token (error csrf)",
      content: json(problemOf('forbidden', 'csrf')),
    },
  },
  404: { name: 'NotFound', response: { description: 'No such record, or one the account may not see (it is not told apart from one that does not exist)', content: json(problemOf('notFound')) } },
  413: { name: 'PayloadTooLarge', response: { description: 'The request body is larger than the operation accepts', content: json(problemOf('badRequest')) } },
  415: { name: 'UnsupportedMediaType', response: { description: 'The request body has a content type the operation does not read', content: json(problemOf('badRequest')) } },
  429: { name: 'TooManyRequests', response: { description: 'Too many requests from this address: wait and try again', headers: retryAfter, content: json(problemOf('rateLimit')) } },
  500: { name: 'ServerError', response: { description: 'Mosaik failed; the message carries a reference to quote to the operator, who finds the cause in the log', content: json(problemOf('server')) } },
  503: { name: 'ServiceUnavailable', response: { description: 'The server is under too much load: try again shortly', headers: retryAfter, content: json({ $ref: '#/components/schemas/Problem' }) } },
} as const;
type SharedStatus = keyof typeof sharedResponses;

const securitySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookie,
    description: 'The session cookie that POST /sign-in sets (form fields email, password, _csrf)',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description: "Changing requests (POST, PUT, PATCH, DELETE) send the session's CSRF token, found in every page's forms as _csrf",
  },
};

// ── the per-route transform ───────────────────────────────────────────────

/**
 * A path parameter that names a record (id, consentId, token, code, event_key)
 * is answered with 404 when there is no such record, or none the account may
 * see; a parameter that selects among fixed choices (imports' kind) is not:
 * the route answers a wrong choice with its own 400.
 */
export const namesRecord = (parameter: string) => /(id|token|code|key)$/i.test(parameter);

interface RouteFacts {
  access: Access;
  method: string;
  /** A path parameter names a record (see namesRecord). */
  hasRecordParam: boolean;
  hasInput: boolean;
  hasBody: boolean;
  rateLimited: boolean;
}

/** Which shared responses a route can give, from its access rule and shape. */
export function standardErrors(route: RouteFacts, underLoadLimit: boolean): SharedStatus[] {
  const changing = changingMethods.has(route.method);
  const codes: SharedStatus[] = [];
  if (route.hasInput) codes.push(400);
  if (route.access !== 'public') codes.push(401);
  // refused by role, or (changing requests, public ones too) without the CSRF token
  if (Array.isArray(route.access) || changing) codes.push(403);
  if (route.hasRecordParam) codes.push(404);
  if (route.hasBody) codes.push(413, 415);
  if (route.rateLimited) codes.push(429);
  codes.push(500);
  if (underLoadLimit) codes.push(503);
  return codes;
}

function securityOf(access: Access, method: string) {
  const changing = changingMethods.has(method);
  if (access === 'public') return changing ? [{ csrf: [] }] : [];
  return [changing ? { session: [], csrf: [] } : { session: [] }];
}

const feedResponses = (hasParams: boolean) => ({
  200: { description: 'An iCalendar feed (RFC 5545)', content: { 'text/calendar': { schema: { type: 'string' } } } },
  ...(hasParams ? { 404: { description: 'No such public event (an HTML page)', content: { 'text/html': { schema: { type: 'string' } } } } } : {}),
});

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions };

function transform(underLoadLimit: () => boolean) {
  return (input: TransformInput): { schema: FastifySchema; url: string } => {
    const { url, route } = input;
    if (!isDocumentedUrl(url)) return { schema: { hide: true } as FastifySchema, url };
    const original = (input.schema ?? {}) as FastifySchema & { hide?: boolean };
    if (original.hide) return { schema: original, url };
    const method = [route.method].flat()[0]!.toUpperCase();
    const config = (route.config ?? {}) as { access?: Access; rateLimit?: unknown };
    const access = config.access ?? 'public';
    const hasParams = url.includes(':');

    if (url.endsWith('.ics')) {
      return { schema: { tags: ['feeds'], summary: hasParams ? 'One public event as iCalendar' : "The centre's upcoming public events as iCalendar", security: [], response: feedResponses(hasParams) } as FastifySchema, url };
    }
    if (url === '/health') {
      return { schema: { tags: ['operations'], summary: 'Health check for load balancers and monitoring', security: [], response: { 200: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } } } as FastifySchema, url };
    }

    const { schema } = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
    const facts: RouteFacts = {
      access,
      method,
      hasRecordParam: [...url.matchAll(/:([A-Za-z0-9_]+)/g)].some((match) => namesRecord(match[1]!)),
      hasInput: Boolean(original.querystring || original.params || original.body || original.headers),
      hasBody: Boolean(original.body),
      rateLimited: config.rateLimit !== undefined && config.rateLimit !== false,
    };
    return { schema: { ...schema, security: securityOf(access, method), [errorsKey]: standardErrors(facts, underLoadLimit()) } as FastifySchema, url };
  };
}

// ── the whole document ───────────────────────────────────────────────────

type Json = Record<string, unknown>;

/**
 * Fills in the shared responses an operation does not describe itself (a
 * route's own 400 or 404 schema stays: it is what that route really sends).
 */
function addSharedResponses(document: Json) {
  for (const pathItem of Object.values((document.paths ?? {}) as Record<string, Json>)) {
    for (const operation of Object.values(pathItem) as Json[]) {
      const codes = operation[errorsKey] as SharedStatus[] | undefined;
      if (!codes) continue;
      delete operation[errorsKey];
      const responses = (operation.responses ?? {}) as Json;
      for (const code of codes) responses[code] ??= { $ref: `#/components/responses/${sharedResponses[code].name}` };
      operation.responses = responses;
    }
  }
}

/**
 * Unicode property escapes (\p{L}) are valid only with the u flag, which
 * OpenAPI's regular expressions do not have: many validators cannot read them,
 * others read them as the letters "p{L}". Such a pattern leaves the document;
 * the server still checks it (Zod), and the description says so.
 */
export function dropUnicodePatterns(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(dropUnicodePatterns);
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  if (typeof schema.pattern === 'string' && /\\[pP]\{/.test(schema.pattern)) {
    const rule = `Checked by the server against the Unicode regular expression /${schema.pattern}/u.`;
    schema.description = typeof schema.description === 'string' ? `${schema.description} (${rule})` : rule;
    delete schema.pattern;
  }
  for (const value of Object.values(schema)) dropUnicodePatterns(value);
}

/**
 * OpenAPI 3.0.3: `nullable` does not widen an `enum` — a nullable choice must
 * list null among its values, or validators refuse the null Mosaik sends
 * (a consent never withdrawn has withdrawalSource null).
 */
export function allowNullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(allowNullInNullableEnums);
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  for (const value of Object.values(schema)) allowNullInNullableEnums(value);
}

function transformObject({ openapiObject }: { openapiObject: Json }) {
  addSharedResponses(openapiObject);
  dropUnicodePatterns(openapiObject.paths);
  allowNullInNullableEnums(openapiObject.paths);
  const components = (openapiObject.components ?? {}) as Json;
  components.responses = Object.fromEntries(Object.values(sharedResponses).map(({ name, response }) => [name, response]));
  return openapiObject;
}

export function openApiOptions(settings: Settings, underLoadLimit: () => boolean = () => false): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Mosaik API',
        version: '1',
        description:
          'JSON API of Mosaik. Sign in through POST /sign-in and keep the session cookie; send the CSRF token in x-csrf-token for changing requests. ' +
          'Every error is a JSON problem { error, message, message_en }; see docs/api.md.',
      },
      servers: [{ url: settings.baseUrl }],
      components: {
        securitySchemes: securitySchemes as never,
        schemas: { Problem: problemSchema, ValidationProblem: validationProblemSchema } as never,
      },
    },
    transform: transform(underLoadLimit) as never,
    transformObject: transformObject as never,
  };
}

/** The document at /api/docs/json and the Swagger UI at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, settings: Settings) {
  // Asked when the document is first built (after start-up): a load limiter
  // registered later than this plugin still counts.
  await app.register(swagger, openApiOptions(settings, () => app.hasPlugin('@fastify/under-pressure')));
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
