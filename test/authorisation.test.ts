import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/db/tables.js';
import { assertEveryRouteHasAccess, libraryRoutes, roles, type Access } from '../src/http/access.js';
import { cookiesOf, createTestApp, csrfFrom, type SignedIn, type TestApp } from './app.js';

/*
 * The access policy, written out a second time on purpose: every route the
 * application registers must be listed here with the rule it is meant to have.
 * A new route without an entry fails this test; so does a route whose declared
 * rule differs, or whose enforcement lets the wrong role in. Each module lists
 * its routes in test/access/<module>.ts.
 */
const expectedAccess: Record<string, Access> = {};
const accessFolder = new URL('./access/', import.meta.url);
for (const file of readdirSync(accessFolder).filter((name) => name.endsWith('.ts')).sort()) {
  const part = ((await import(new URL(file, accessFolder).href)) as { expectedAccess: Record<string, Access> }).expectedAccess;
  for (const [route, access] of Object.entries(part)) {
    if (route in expectedAccess) throw new Error(`${route} is listed twice (again in test/access/${file})`);
    expectedAccess[route] = access;
  }
}

/*
 * Library routes (static assets, API documentation) are public by design,
 * matched exactly: written out here a second time, so that a library update
 * adding a route under /assets/ or /api/docs fails this test (and, without
 * config.access, the start of the server: src/http/access.ts).
 */
const expectedLibraryRoutes = [
  'GET /assets/kern/*', 'HEAD /assets/kern/*', 'GET /assets/*', 'HEAD /assets/*',
  'GET /api/docs', 'HEAD /api/docs', 'HEAD /api/docs/',
  'GET /api/docs/static/index.html', 'HEAD /api/docs/static/index.html',
  'GET /api/docs/static/swagger-initializer.js', 'HEAD /api/docs/static/swagger-initializer.js',
  'GET /api/docs/json', 'HEAD /api/docs/json', 'GET /api/docs/yaml', 'HEAD /api/docs/yaml',
  'GET /api/docs/static/*', 'HEAD /api/docs/static/*',
];
const isLibraryRoute = (url: string) => url.startsWith('/assets/') || url.startsWith('/api/docs');

const sampleUrl = (url: string) => url.replace(/:([a-zA-Z_]+)(\.:[a-zA-Z_]+)?/g, (_m, _name, ext) => (ext ? '1.csv' : '1')).replace('*', 'x');

describe('authorisation of every route for every role', () => {
  let test: TestApp;
  const sessions = new Map<Role, SignedIn>();
  let anonymous: { cookie: string; csrfToken: string };
  beforeAll(async () => {
    // every role signs in again after /sign-out: more sign-ins than the production limit
    test = await createTestApp({ env: { MOSAIK_SIGNIN_RATE_LIMIT: '1000' } });
    const page = await test.app.inject({ method: 'GET', url: '/sign-in' });
    anonymous = { cookie: cookiesOf(page), csrfToken: csrfFrom(page.body) };
    for (const role of roles) sessions.set(role, await test.signIn(role));
  });
  afterAll(async () => test?.close());

  it('lists every registered route in the policy with the same rule', () => {
    const registered = test.app.registeredRoutes.filter((route) => !isLibraryRoute(route.url));
    const missing = registered.filter((route) => !(`${route.method} ${route.url}` in expectedAccess)).map((r) => `${r.method} ${r.url}`);
    expect(missing, 'routes without an entry in expectedAccess').toEqual([]);
    for (const route of registered) expect(route.access, `${route.method} ${route.url}`).toEqual(expectedAccess[`${route.method} ${route.url}`]);
  });

  it('makes public exactly the known library routes under /assets/ and /api/docs', () => {
    const underLibraryPrefixes = test.app.registeredRoutes.filter((route) => isLibraryRoute(route.url));
    expect(underLibraryPrefixes.map((route) => `${route.method} ${route.url}`).sort()).toEqual([...expectedLibraryRoutes].sort());
    expect([...libraryRoutes].sort()).toEqual([...expectedLibraryRoutes].sort());
    for (const route of underLibraryPrefixes) expect(route.access, `${route.method} ${route.url}`).toBe('public');
    // a new route under those prefixes without a rule is not made public silently: the server refuses to start
    for (const url of ['/api/docs/extra', '/assets/private', '/api/docs/static/more/*']) {
      expect(() => assertEveryRouteHasAccess({ method: 'GET', url, handler: () => undefined })).toThrow(/has no access rule/);
    }
    expect(() => assertEveryRouteHasAccess({ method: ['GET', 'POST'], url: '/api/docs/json', handler: () => undefined })).toThrow(/has no access rule/);
  });

  it('enforces each rule for signed-out visitors and each role', async () => {
    const registered = test.app.registeredRoutes.filter((route) => !isLibraryRoute(route.url) && route.method !== 'HEAD');
    expect(registered.length).toBeGreaterThan(5);
    for (const route of registered) {
      for (const role of [null, ...roles] as const) {
        const session = role ? sessions.get(role)! : anonymous;
        const allowed = route.access === 'public' || (role !== null && (route.access === 'signedIn' || route.access.includes(role)));
        const response = await test.app.inject({
          method: route.method as 'GET',
          url: sampleUrl(route.url),
          // with a valid CSRF token, so that only the access rule can refuse
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
          payload: route.method === 'GET' ? undefined : {},
        });
        const refused = response.statusCode === 401 || response.statusCode === 403 || (response.statusCode === 303 && String(response.headers.location).startsWith('/sign-in?next='));
        const label = `${route.method} ${route.url} as ${role ?? 'signed out'} → ${response.statusCode}`;
        expect(refused, label).toBe(!allowed);
        expect(response.statusCode, `${label}: no server error`).toBeLessThan(500);
        // signing out ends the shared session: sign in again for the routes that follow
        if ((route.url === '/sign-out' || route.url === '/account/sign-out-everywhere') && role) sessions.set(role, await test.signIn(role));
      }
    }
  }, 300_000); // about 170 routes × 7 identities: a minute on a quiet machine
});
