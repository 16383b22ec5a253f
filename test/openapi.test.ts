import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/db/tables.js';
import { readSettings } from '../src/config.js';
import type { Access } from '../src/http/access.js';
import { registerOpenApi } from '../src/http/openapi.js';
import { loadDemo } from '../src/modules/demo/index.js';
import { z } from 'zod';
import { cookiesOf, createTestApp, csrfFrom, type SignedIn, type TestApp } from './app.js';

/*
 * The OpenAPI document at /api/docs/json, checked twice: as a document (by an
 * OpenAPI validator, and for what every operation must describe), and against
 * the API itself — each real answer, to staff, to signed-out callers, to a
 * role without access and to bad input, must have a documented status and a
 * body that matches the documented schema (ajv, with formats).
 */

type Json = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  operation: Json;
}

// ajv-formats is CommonJS: its default export arrives wrapped under ESM
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const methods = ['get', 'post', 'put', 'patch', 'delete'];
const isApi = (path: string) => path.startsWith('/api/v1/');
/** The route as Fastify registered it: /api/v1/people/{id} → /api/v1/people/:id. */
const routeUrl = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/**
 * OpenAPI 3.0 writes exclusive bounds as booleans next to minimum/maximum;
 * JSON Schema (and ajv) as the bound itself.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const schema: Json = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, toJsonSchema(value)]));
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (schema[exclusive] === true) {
      schema[exclusive] = schema[bound];
      delete schema[bound];
    } else if (schema[exclusive] === false) delete schema[exclusive];
  }
  return schema;
}

describe('the OpenAPI document', () => {
  let test: TestApp;
  let document: Json;
  let resolved: Json;
  let validation: { valid: boolean; errors?: unknown };
  const sessions = new Map<Role, SignedIn>();
  let anonymous: { cookie: string; csrfToken: string };
  let personId: number;
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  const compiled = new Map<object, ValidateFunction>();
  /** Every status seen per operation, so that the comparison is known to have covered the cases. */
  const seen = new Map<string, Set<number>>();

  beforeAll(async () => {
    test = await createTestApp({ env: { MOSAIK_SIGNIN_RATE_LIMIT: '1000' } });
    // the demo: persons with roles and consents, organisations to review, events for the report
    await loadDemo(test.database.db);
    const response = await test.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
    const validator = new Validator();
    // the validator keeps and resolves what it was given: hand it a copy
    validation = await validator.validate(structuredClone(document));
    resolved = toJsonSchema(validator.resolveRefs()) as Json;
    for (const role of ['staff', 'coordinator', 'funder', 'representative'] as const) sessions.set(role, await test.signIn(role));
    const page = await test.app.inject({ method: 'GET', url: '/sign-in' });
    anonymous = { cookie: cookiesOf(page), csrfToken: csrfFrom(page.body) };
    const withConsent = await test.database.db.selectFrom('consent').innerJoin('person_role', 'person_role.person_id', 'consent.person_id').select('consent.person_id').executeTakeFirstOrThrow();
    personId = withConsent.person_id;
  }, 300_000);
  afterAll(async () => test?.close());

  const operations = (): Operation[] =>
    Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => methods.includes(method))
        .map(([method, operation]) => ({ method, path, operation: operation as Json })),
    );
  const accessOf = (method: string, path: string): Access => {
    const route = test.app.registeredRoutes.find((entry) => entry.method === method.toUpperCase() && entry.url === routeUrl(path));
    if (!route) throw new Error(`${method} ${path} is documented but not registered`);
    return route.access;
  };

  /** The status must be documented for the operation, and the body must match its schema. */
  function expectDocumented(method: string, path: string, response: LightMyRequestResponse) {
    const label = `${method.toUpperCase()} ${path} → ${response.statusCode} ${response.body.slice(0, 300)}`;
    const documented = resolved.paths[path]?.[method]?.responses?.[String(response.statusCode)];
    expect(documented, `undocumented status: ${label}`).toBeDefined();
    const key = `${method} ${path}`;
    seen.set(key, (seen.get(key) ?? new Set()).add(response.statusCode));
    const mediaType = String(response.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!documented.content) {
      expect(response.body, `documented without a body: ${label}`).toBe('');
      return;
    }
    const media = documented.content[mediaType];
    expect(media, `undocumented content type ${mediaType} (documented: ${Object.keys(documented.content).join(', ')}): ${label}`).toBeDefined();
    if (mediaType !== 'application/json') return;
    let validate = compiled.get(media.schema);
    if (!validate) compiled.set(media.schema, (validate = ajv.compile(media.schema)));
    const valid = validate(response.json());
    expect(valid ? [] : validate.errors, `body does not match the documented schema: ${label}`).toEqual([]);
  }

  const call = (method: string, url: string, session: { cookie: string; csrfToken: string } | null, options: { payload?: unknown; headers?: Record<string, string> } = {}) =>
    test.app.inject({
      method: method.toUpperCase() as 'GET',
      url,
      headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}), ...options.headers },
      ...(options.payload === undefined ? {} : { payload: options.payload as string }),
    });

  it('is a valid OpenAPI 3.0 document', () => {
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\.0\./);
  });

  it('describes only the API, the health check and the feeds, not the HTML pages', () => {
    const paths = Object.keys(document.paths);
    expect(paths.filter(isApi).length).toBeGreaterThanOrEqual(6);
    expect(paths.filter((path) => !isApi(path) && path !== '/health' && !path.endsWith('.ics'))).toEqual([]);
  });

  it('names the session cookie and the CSRF header as security schemes', () => {
    expect(document.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'mosaik_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
    });
  });

  it('gives every API operation its refusals, its errors and its security requirement', () => {
    const apiOperations = operations().filter(({ path }) => isApi(path));
    for (const { method, path, operation } of apiOperations) {
      const label = `${method.toUpperCase()} ${path}`;
      const statuses = Object.keys(operation.responses);
      const access = accessOf(method, path);
      const changing = method !== 'get';
      expect(statuses, label).toContain('400');
      expect(statuses, label).toContain('500');
      if (access === 'public') {
        expect(operation.security, label).toEqual(changing ? [{ csrf: [] }] : []);
        continue;
      }
      expect(statuses, label).toContain('401');
      if (Array.isArray(access) || changing) expect(statuses, label).toContain('403');
      expect(operation.security, label).toEqual([changing ? { session: [], csrf: [] } : { session: [] }]);
      // a path parameter that names a record ({id}) answers 404 when there is none
      if (/\{[^}]*(id|token|code|key)\}/i.test(path)) expect(statuses, label).toContain('404');
      if (operation.requestBody) expect(statuses, label).toEqual(expect.arrayContaining(['413', '415']));
    }
    expect(apiOperations.length).toBeGreaterThanOrEqual(8);
  });

  it('uses no regular expression a validator without Unicode mode cannot read', () => {
    const patterns: string[] = [];
    JSON.stringify(document, (key, value) => {
      if (key === 'pattern' && typeof value === 'string') patterns.push(value);
      return value;
    });
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterns.filter((pattern) => /\\[pP]\{/.test(pattern))).toEqual([]);
    // the rule itself is still stated: a person's name needs a letter or digit
    const fullName = document.paths['/api/v1/people'].post.requestBody.content['application/json'].schema.properties.fullName;
    expect(fullName.description).toMatch(/letter or digit/);
  });

  it('states the format of dates, instants and e-mail addresses', () => {
    const unformatted: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${at}[${index}]`));
      if (!node || typeof node !== 'object') return;
      const schema = node as Json;
      for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
        const expected = /e-?mail/i.test(name) ? 'email' : /(^|_)(date|from|to|since|until)$|Date$|On$/.test(name) ? 'date' : /At$/.test(name) ? 'date-time' : null;
        if (expected && property.type === 'string' && property.format !== expected) unformatted.push(`${at}.${name} (${expected})`);
      }
      for (const [key, value] of Object.entries(schema)) walk(value, `${at}.${key}`);
    };
    walk(document.paths, '');
    expect(unformatted).toEqual([]);
    const parameters = document.paths['/api/v1/reports/impact'].get.parameters as Json[];
    expect(parameters.map((parameter) => [parameter.name, parameter.schema.format])).toEqual([
      ['from', 'date'],
      ['to', 'date'],
    ]);
  });

  it('describes every answer of every read: to staff, to signed-out callers and to a role without access', async () => {
    const samples: Record<string, string> = { id: String(personId), from: '2017-01-01', to: '2019-12-31' };
    // a background import job of staff's own, so that its read has something to show
    const started = await call('post', '/api/v1/imports/organizations?background=true&dry_run=true', sessions.get('staff')!, {
      payload: JSON.stringify({ records: [{ name: 'Verein für Probeimporte e. V.' }] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(started.statusCode, started.body.slice(0, 300)).toBe(202);
    const samplesOf: Record<string, Record<string, string>> = { '/api/v1/imports/jobs/{id}': { id: String((started.json() as { id: number }).id) } };
    const reads = operations().filter(({ method }) => method === 'get');
    for (const { path, operation } of reads) {
      const sampleOf = (name: string) => samplesOf[path]?.[name] ?? samples[name] ?? '1';
      const required = ((operation.parameters ?? []) as Json[]).filter((parameter) => parameter.in === 'query' && parameter.required);
      const query = required.map((parameter) => `${parameter.name}=${sampleOf(parameter.name)}`).join('&');
      const url = path.replace(/\{([^}]+)\}/g, (_match, name: string) => sampleOf(name)) + (query ? `?${query}` : '');
      const access = accessOf('get', path);
      const staff = await call('get', url, sessions.get('staff')!);
      expectDocumented('get', path, staff);
      if (isApi(path)) expect(staff.statusCode, `GET ${url} as staff: ${staff.body.slice(0, 300)}`).toBe(200);
      if (required.length > 0) expectDocumented('get', path, await call('get', url.split('?')[0]!, sessions.get('staff')!));
      if (access === 'public') continue;
      const signedOut = await call('get', url, null);
      expect(signedOut.statusCode).toBe(401);
      expectDocumented('get', path, signedOut);
      const refused = Array.isArray(access) ? [...sessions.keys()].find((role) => !access.includes(role)) : undefined;
      if (refused) {
        const response = await call('get', url, sessions.get(refused)!);
        expect(response.statusCode, `GET ${url} as ${refused}`).toBe(403);
        expectDocumented('get', path, response);
      }
    }
    // an id that names nothing, and a query the route refuses
    expectDocumented('get', '/api/v1/people/{id}', await call('get', '/api/v1/people/999999', sessions.get('staff')!));
    expectDocumented('get', '/api/v1/people', await call('get', '/api/v1/people?limit=0', sessions.get('staff')!));
    expectDocumented('get', '/api/v1/organisations', await call('get', '/api/v1/organisations?sort=loudest', sessions.get('staff')!));
    expectDocumented('get', '/api/v1/reports/impact', await call('get', '/api/v1/reports/impact?from=2019-13-01&to=2019-01-01', sessions.get('staff')!));
    expect(seen.get('get /api/v1/people/{id}')).toEqual(new Set([200, 401, 403, 404]));
    expect(seen.get('get /api/v1/people')).toEqual(new Set([200, 400, 401, 403]));
    expect(seen.get('get /api/v1/reports/impact')).toEqual(new Set([200, 400, 401, 403]));
  });

  it('describes the answers to changing requests, bad input among them', async () => {
    const staff = sessions.get('staff')!;
    const json = { 'content-type': 'application/json' };
    const people = '/api/v1/people';
    const created = await call('post', people, staff, { payload: { fullName: 'Ada Schneider', email: 'ada@example.org', preferredLanguage: 'de' } });
    expect(created.statusCode).toBe(201);
    expectDocumented('post', people, created);
    const id = (created.json() as { id: number }).id;
    const answers: [string, string, LightMyRequestResponse][] = [
      // every field refused at once, each named
      ['post', people, await call('post', people, staff, { payload: { fullName: '!!!', email: 'not an address', preferredLanguage: 'xx', extra: 1 } })],
      ['post', people, await call('post', people, staff, { payload: '{"fullName": ', headers: json })],
      ['post', people, await call('post', people, staff, { payload: '<person/>', headers: { 'content-type': 'application/xml' } })],
      ['post', people, await call('post', people, staff, { payload: { fullName: 'x'.repeat(1024 * 1024 + 1) } })],
      ['post', people, await call('post', people, null, { payload: { fullName: 'Ada' } })],
      // signed out with a valid anonymous CSRF token: still 401, the access rule answers first
      ['post', people, await call('post', people, anonymous, { payload: { fullName: 'Ada' } })],
      ['post', people, await call('post', people, sessions.get('coordinator')!, { payload: { fullName: 'Ada' } })],
      ['post', people, await call('post', people, { ...staff, csrfToken: 'x'.repeat(43) }, { payload: { fullName: 'Ada' } })],
      ['patch', '/api/v1/people/{id}', await call('patch', `${people}/${id}`, staff, { payload: { phone: null, notes: 'Kontakt über den Verein' } })],
      ['patch', '/api/v1/people/{id}', await call('patch', `${people}/999999`, staff, { payload: { notes: 'nobody' } })],
      ['patch', '/api/v1/people/{id}', await call('patch', `${people}/${id}`, staff, { payload: { email: 'nope' } })],
      ['post', '/api/v1/imports/{kind}', await call('post', '/api/v1/imports/recipes', staff, { payload: { records: [] } })],
      ['post', '/api/v1/imports/{kind}', await call('post', '/api/v1/imports/organizations?dry_run=maybe', staff, { payload: { records: [] } })],
      ['post', '/api/v1/imports/{kind}', await call('post', '/api/v1/imports/organizations?dry_run=true', staff, { payload: { records: [{ name: '' }] } })],
      ['post', '/api/v1/imports/{kind}', await call('post', '/api/v1/imports/organizations?dry_run=true', staff, { payload: {} })],
    ];
    for (const [method, path, response] of answers) expectDocumented(method, path, response);
    expect(answers.map(([, , response]) => response.statusCode)).toEqual([400, 400, 415, 413, 401, 401, 403, 403, 200, 404, 400, 400, 400, 422, 400]);
    // a refused field is named, in German and English
    const refused = answers[0]![2].json() as { issues: { field: string; message_en: string }[] };
    expect(refused.issues.map((issue) => issue.field)).toEqual(expect.arrayContaining(['fullName', 'email', 'preferredLanguage']));
    // an import refused by validation: its document names the issues, and the real answer carries them (checked against it above)
    const importRefusal = resolved.paths['/api/v1/imports/{kind}'].post.responses['400'].content['application/json'].schema;
    expect(importRefusal.properties?.issues?.items?.required).toEqual(['field', 'location', 'code', 'message', 'message_en']);
    const badQuery = answers[12]![2].json() as { issues: { field: string; location: string; message_en: string }[] };
    expect(badQuery.issues).toEqual([expect.objectContaining({ field: 'dry_run', location: 'querystring', message_en: expect.stringContaining('dry_run') })]);
  });
});

describe('the shared responses of a route', () => {
  it('documents 429 on a rate-limited route and 503 when a load limiter is registered', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await registerOpenApi(app, readSettings({ MOSAIK_DEMO: 'false' }));
    await app.register(rateLimit, { global: false });
    await app.register(underPressure, { maxEventLoopDelay: 60_000 });
    const schema = { querystring: z.object({ q: z.string() }), response: { 200: z.object({ ok: z.boolean() }) } };
    app.get('/api/v1/limited', { config: { access: ['staff'], rateLimit: { max: 5, timeWindow: '1 minute' } }, schema }, async () => ({ ok: true }));
    app.get('/api/v1/open', { config: { access: 'public' }, schema }, async () => ({ ok: true }));
    app.get('/a-page', { config: { access: 'public' } }, async () => 'html');
    await app.ready();
    const document = app.swagger() as Json;
    await app.close();
    expect(Object.keys(document.paths)).toEqual(['/api/v1/limited', '/api/v1/open']);
    expect(Object.keys(document.paths['/api/v1/limited'].get.responses)).toEqual(['200', '400', '401', '403', '429', '500', '503']);
    expect(document.paths['/api/v1/open'].get).toMatchObject({ security: [] });
    expect(Object.keys(document.paths['/api/v1/open'].get.responses)).toEqual(['200', '400', '500', '503']);
    expect(document.components.responses.TooManyRequests.headers['Retry-After']).toBeDefined();
  });
});
