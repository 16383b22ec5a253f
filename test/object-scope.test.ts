import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../src/http/access.js';
import { createTestApp, type SignedIn, type TestApp } from './app.js';
import { testEngine } from './database.js';
import * as make from './factories.js';

/*
 * Object-level scope (issue 8, finding 12): test/authorisation.test.ts checks
 * who may call a route; this checks which objects. Two organisations in two
 * districts; a representative of the first, a coordinator of the first's
 * district. For every route that takes an id and that one of them may call,
 * the other organisation's or district's object answers 403 or 404 and never
 * shows its data, while the own object is served. A new id-taking route that
 * a representative or coordinator may call fails the first test until it has
 * a row in `objectRules`.
 */

type ScopedRole = 'representative' | 'coordinator';
interface Ids {
  event: number;
  organisation: number;
  person: number;
  registration: number;
  request: number;
}
interface ObjectRule {
  /** What the id names and whose it is: the representative's organisation, the coordinator's district. */
  object: string;
  url: (ids: Ids) => string;
  /** Further addresses for the other side, e.g. an own event with another event's registration. */
  mixed?: (own: Ids, other: Ids) => string[];
}

const eventRule = (suffix: string): ObjectRule => ({ object: 'event: partner event of the coordinator\'s district', url: (ids) => `/events/${ids.event}${suffix}` });

/** Every id-taking route a representative or coordinator may call, with its object rule. */
const objectRules: Record<string, ObjectRule | 'not an object'> = {
  'GET /events/:id': eventRule(''),
  'GET /events/:id/edit': eventRule('/edit'),
  'POST /events/:id/edit': eventRule('/edit'),
  'POST /events/:id/cancel': eventRule('/cancel'),
  'POST /events/:id/duplicate': eventRule('/duplicate'),
  'GET /events/:id/registrations': eventRule('/registrations'),
  'POST /events/:id/registrations': eventRule('/registrations'),
  'POST /events/:id/registrations/:registrationId/cancel': {
    object: 'registration of an event of the coordinator\'s district',
    url: (ids) => `/events/${ids.event}/registrations/${ids.registration}/cancel`,
    mixed: (own, other) => [`/events/${own.event}/registrations/${other.registration}/cancel`],
  },
  'GET /events/:id/sign-in-sheet': eventRule('/sign-in-sheet'),
  'GET /events/:id/check-in': eventRule('/check-in'),
  'POST /events/:id/check-in': eventRule('/check-in'),
  'POST /events/:id/walk-ins': eventRule('/walk-ins'),
  'GET /events/:id/no-shows': eventRule('/no-shows'),
  'POST /events/:id/no-shows': eventRule('/no-shows'),
  'GET /events/:eventId/feedback': eventRule('/feedback'),
  'GET /organisations/:id': { object: 'organisation: the representative\'s own, or of the coordinator\'s district', url: (ids) => `/organisations/${ids.organisation}` },
  'GET /organisations/:id/edit': { object: 'organisation: the representative\'s own', url: (ids) => `/organisations/${ids.organisation}/edit` },
  'POST /organisations/:id/edit': { object: 'organisation: the representative\'s own', url: (ids) => `/organisations/${ids.organisation}/edit` },
  'GET /people/:id': { object: 'person with a current role in the coordinator\'s district', url: (ids) => `/people/${ids.person}` },
  'GET /api/v1/people/:id': { object: 'person with a current role in the coordinator\'s district', url: (ids) => `/api/v1/people/${ids.person}` },
  'GET /my/consultation-requests/:id': { object: 'consultation request of the representative\'s organisation', url: (ids) => `/my/consultation-requests/${ids.request}` },
  // the table and format of an aggregate export, not an object
  'GET /dashboard/export/:table.:format': 'not an object',
};

const expectedAccess: Record<string, Access> = {};
const accessFolder = new URL('./access/', import.meta.url);
for (const file of readdirSync(accessFolder).filter((name) => name.endsWith('.ts'))) {
  Object.assign(expectedAccess, ((await import(new URL(file, accessFolder).href)) as { expectedAccess: Record<string, Access> }).expectedAccess);
}
const mayCall = (access: Access, role: ScopedRole) => access !== 'public' && (access === 'signedIn' || access.includes(role));

describe(`object scope of id-taking routes on ${testEngine}`, () => {
  let test: TestApp;
  const who = {} as Record<ScopedRole, SignedIn>;
  const own = {} as Ids;
  const other = {} as Ids;
  /** What only the other side's objects are called: none of it may show. */
  const otherNames: string[] = [];

  beforeAll(async () => {
    test = await createTestApp();
    const db = test.database.db;
    for (const [ids, district] of [[own, 'Kreis Nord'], [other, 'Kreis Süd']] as const) {
      const organisation = await make.organisation(db, { district });
      const person = await make.person(db, { organisationId: organisation.id });
      const event = await make.event(db, { district, organizer: 'partner' });
      const registration = await make.registration(db, { eventId: event.id, organisationId: organisation.id });
      const request = await make.consultationRequest(db, { organisationId: organisation.id });
      Object.assign(ids, { organisation: organisation.id, person: person.id, event: event.id, registration: registration.id, request: request.id });
      if (ids === other) otherNames.push(organisation.name, person.name, event.title, registration.personName, request.requesterName);
    }
    who.representative = await make.account(test, 'representative', { organisationIds: [own.organisation] });
    who.coordinator = await make.account(test, 'coordinator', { districts: ['Kreis Nord'] });
    // a representative's requests are those they sent themselves
    await db.updateTable('consultation_request').set({ requested_by: who.representative.accountId }).where('id', '=', own.request).execute();
  });
  afterAll(async () => test?.close());

  const call = (method: string, url: string, session: SignedIn) =>
    test.app.inject({ method: method as 'GET', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken }, payload: method === 'GET' ? undefined : {} });

  const scopedRoutes = () =>
    Object.entries(expectedAccess)
      .filter(([route]) => route.includes(':') && !route.startsWith('HEAD '))
      .flatMap(([route, access]) => (['representative', 'coordinator'] as const).filter((role) => mayCall(access, role)).map((role) => ({ route, role })));

  it('has an object rule for every id-taking route a representative or coordinator may call', () => {
    const missing = [...new Set(scopedRoutes().map(({ route }) => route))].filter((route) => !(route in objectRules));
    expect(missing, 'add these to objectRules in test/object-scope.test.ts').toEqual([]);
    expect(scopedRoutes().length).toBeGreaterThan(10);
  });

  it("refuses the other organisation's and district's objects and never shows their data; serves the own", async () => {
    // reads first, so that changes (a duplicate, a cancellation) cannot hide what a read would show
    const routes = scopedRoutes().sort((a, b) => Number(a.route.startsWith('POST')) - Number(b.route.startsWith('POST')));
    for (const { route, role } of routes) {
      const rule = objectRules[route];
      if (rule === 'not an object') continue;
      const method = route.split(' ')[0];
      for (const url of [rule.url(other), ...(rule.mixed?.(own, other) ?? [])]) {
        const response = await call(method, url, who[role]);
        const label = `${method} ${url} as ${role} (other side) → ${response.statusCode}`;
        expect([403, 404], label).toContain(response.statusCode);
        for (const name of otherNames) expect(response.body, `${label} shows ${name}`).not.toContain(name);
      }
      const response = await call(method, rule.url(own), who[role]);
      const label = `${method} ${rule.url(own)} as ${role} (own) → ${response.statusCode}`;
      if (method === 'GET') expect(response.statusCode, label).toBe(200);
      // a change with an empty body may name no sub-object (check-in without a registration: 404);
      // the own object's read above proves the access, here only: no server error, no foreign data
      else expect(response.statusCode, label).not.toBe(403);
      expect(response.statusCode, label).toBeLessThan(500);
      for (const name of otherNames) expect(response.body, `${label} shows ${name}`).not.toContain(name);
    }
  });
});
