import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
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
  /** A micro-project of the organisation, with a receipt and a document. */
  project: number;
  receipt: number;
  document: number;
  /** A Wegweiser entry serving the district, and a proposal for it. */
  service: string;
  proposal: number;
  /** A pinboard post of the organisation waiting for review (with a picture), and a conversation about it. */
  post: number;
  conversation: number;
  /** A concern raised by the organisation, of its district. */
  concern: number;
  /** An open Vereins-Check (draft) of the organisation, with one answer and its note. */
  selfcheck: number;
  /** A pool entry working only in the district, and a dialogue forum of the district with it booked and an outcome. */
  expert: number;
  forum: number;
  outcome: number;
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
  // micro-projects (src/modules/microprojects/policy.ts): the representative's organisation, the coordinator's district
  ...Object.fromEntries(
    ['GET /microprojects/:id', 'POST /microprojects/:id/tasks', 'GET /microprojects/:id/receipts', 'POST /microprojects/:id/receipts', 'GET /microprojects/:id/proof.pdf', 'GET /microprojects/:id/proof.xlsx', 'GET /microprojects/:id/sachbericht', 'POST /microprojects/:id/sachbericht', 'GET /microprojects/:id/due-dates.ics', 'POST /microprojects/:id/documents', 'GET /api/v1/microprojects/:projectId'].map((route) => [
      route,
      { object: "micro-project of the representative's organisation or of the coordinator's district", url: (ids: Ids) => route.split(' ')[1].replace(/:(id|projectId)\b/, String(ids.project)) },
    ]),
  ),
  'POST /microprojects/:id/receipts/:receiptId/delete': {
    object: "receipt of a micro-project of the representative's organisation",
    url: (ids) => `/microprojects/${ids.project}/receipts/${ids.receipt}/delete`,
    mixed: (own, other) => [`/microprojects/${own.project}/receipts/${other.receipt}/delete`],
  },
  'GET /microprojects/:id/documents/:documentId': {
    object: "document of a micro-project of the representative's organisation",
    url: (ids) => `/microprojects/${ids.project}/documents/${ids.document}`,
    mixed: (own, other) => [`/microprojects/${own.project}/documents/${other.document}`],
  },
  // portraits (src/modules/portraits/policy.ts): the representative's own organisation
  ...Object.fromEntries(
    ['GET /my/portraits/:id', 'GET /my/portraits/:id/photo', 'POST /my/portraits/:id', 'POST /my/portraits/:id/release', 'POST /my/portraits/:id/withdraw'].map((route) => [
      route,
      { object: "portrait of the representative's organisation", url: (ids: Ids) => route.split(' ')[1].replace(':id', String(ids.organisation)) },
    ]),
  ),
  // the Wegweiser (src/modules/wegweiser/policy.ts): entries serving the coordinator's district
  'GET /wegweiser/manage/:id': { object: "Wegweiser entry serving the coordinator's district", url: (ids) => `/wegweiser/manage/${ids.service}` },
  'POST /wegweiser/manage/:id': { object: "Wegweiser entry serving the coordinator's district", url: (ids) => `/wegweiser/manage/${ids.service}` },
  'POST /wegweiser/manage/:id/checked': { object: "Wegweiser entry serving the coordinator's district", url: (ids) => `/wegweiser/manage/${ids.service}/checked` },
  // needs and concerns (src/modules/concerns/policy.ts): a coordinator reads those of their districts
  'GET /concerns/:id': { object: "concern raised by an organisation of the coordinator's district", url: (ids) => `/concerns/${ids.concern}` },
  'POST /wegweiser/manage/proposals/:id': { object: "proposal for a Wegweiser entry of the coordinator's district", url: (ids) => `/wegweiser/manage/proposals/${ids.proposal}` },
  // the pinboard (src/modules/pinboard/policy.ts): a post of the representative's organisation not yet published
  // (a published one is meant for every association), and a conversation about it
  ...Object.fromEntries(
    ['GET /pinboard/:id', 'GET /pinboard/:id/image', 'POST /pinboard/:id/report', 'POST /pinboard/:id/contact', 'GET /pinboard/:id/edit', 'POST /pinboard/:id/edit',
      'POST /pinboard/:id/renew', 'POST /pinboard/:id/matched', 'POST /pinboard/:id/withdraw'].map((route) => [
      route,
      { object: "pinboard post of the representative's organisation, waiting for review", url: (ids: Ids) => route.split(' ')[1].replace(':id', String(ids.post)) },
    ]),
  ),
  'GET /pinboard/conversations/:id': { object: "conversation about a post of the representative's organisation", url: (ids) => `/pinboard/conversations/${ids.conversation}` },
  'POST /pinboard/conversations/:id': { object: "conversation about a post of the representative's organisation", url: (ids) => `/pinboard/conversations/${ids.conversation}` },
  // the Vereins-Check (src/modules/selfcheck/policy.ts): a representative fills in their organisations' checks only
  ...Object.fromEntries(
    ['GET /selfcheck/checks/:id', 'GET /selfcheck/checks/:id/areas/:area', 'POST /selfcheck/checks/:id/areas/:area', 'POST /selfcheck/checks/:id/submit', 'POST /selfcheck/checks/:id/discard'].map((route) => [
      route,
      { object: "Vereins-Check (draft) of the representative's organisation", url: (ids: Ids) => route.split(' ')[1].replace(':id', String(ids.selfcheck)).replace(':area', 'network') },
    ]),
  ),
  'GET /selfcheck/organisations/:id': { object: "the representative's organisation's Vereins-Checks", url: (ids) => `/selfcheck/organisations/${ids.organisation}` },
  // the expert pool and dialogue forums (src/modules/experts/policy.ts): entries working in the coordinator's districts, forums there
  'GET /experts/:id': { object: "pool entry working in the coordinator's district", url: (ids) => `/experts/${ids.expert}` },
  'GET /experts/forums/:id': { object: "dialogue forum of the coordinator's district", url: (ids) => `/experts/forums/${ids.forum}` },
  'GET /experts/forums/:id/documentation': { object: "dialogue forum of the coordinator's district", url: (ids) => `/experts/forums/${ids.forum}/documentation` },
  'POST /experts/forums/:id/staff': { object: "dialogue forum of the coordinator's district", url: (ids) => `/experts/forums/${ids.forum}/staff` },
  'POST /experts/forums/:id/staff/:expertId/remove': {
    object: "booking of a dialogue forum of the coordinator's district",
    url: (ids) => `/experts/forums/${ids.forum}/staff/${ids.expert}/remove`,
    mixed: (own, other) => [`/experts/forums/${other.forum}/staff/${own.expert}/remove`],
  },
  'POST /experts/forums/:id/outcomes': { object: "dialogue forum of the coordinator's district", url: (ids) => `/experts/forums/${ids.forum}/outcomes` },
  'POST /experts/forums/:id/outcomes/:outcomeId/remove': {
    object: "outcome of a dialogue forum of the coordinator's district",
    url: (ids) => `/experts/forums/${ids.forum}/outcomes/${ids.outcome}/remove`,
    mixed: (own, other) => [`/experts/forums/${own.forum}/outcomes/${other.outcome}/remove`],
  },
};

const expectedAccess: Record<string, Access> = {};
const accessFolder = new URL('./access/', import.meta.url);
for (const file of readdirSync(accessFolder).filter((name) => name.endsWith('.ts'))) {
  Object.assign(expectedAccess, ((await import(new URL(file, accessFolder).href)) as { expectedAccess: Record<string, Access> }).expectedAccess);
}
/**
 * The objects of the newer modules for one side, written directly (a test of
 * scope, not of how they are made): a micro-project with a receipt and a
 * document, a portrait with a photo, a Wegweiser entry serving the district
 * with a proposal of its assurer. Names carry the side, so that the other
 * side's never show.
 */
async function scopedObjects(db: TestApp['database']['db'], { organisationId, district, tag }: { organisationId: number; district: string; tag: string }) {
  const project = await sql<{ id: number }>`
    insert into microproject (organisation_id, title, summary, year, stage, starts_on, ends_on)
    values (${organisationId}, ${`Projekt Garten ${tag}`}, 'Ein Gemeinschaftsgarten', 2030, 'running', '2030-02-01', '2030-12-31') returning id`.execute(db);
  const projectId = project.rows[0].id;
  const receipt = await sql<{ id: number }>`
    insert into microproject_receipt (project_id, paid_on, payee, purpose, budget_line, amount_cents)
    values (${projectId}, '2030-03-01', ${`Baumarkt ${tag}`}, 'Erde', 'project_costs', 4200) returning id`.execute(db);
  const document = await sql<{ id: number }>`
    insert into microproject_document (project_id, file_name, content_type, size_bytes, content)
    values (${projectId}, ${`Bescheid-${tag}.pdf`}, 'application/pdf', 8, ${Buffer.from('%PDF-1.4')}) returning id`.execute(db);
  // a 1 × 1 PNG
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  await sql`insert into portrait (organisation_id, text, photo, photo_type, photo_width, photo_height, photo_alt)
    values (${organisationId}, ${`Unser Verein ${tag}`}, ${png}, 'image/png', 1, 1, 'Logo')`.execute(db);
  const wegweiserOrganisation = await sql<{ id: string }>`insert into wegweiser_organization (name) values (${`Beratungsstelle ${tag}`}) returning id`.execute(db);
  const service = await sql<{ id: string }>`
    insert into wegweiser_service (organization_id, name, status) values (${wegweiserOrganisation.rows[0].id}, ${`Migrationsberatung ${tag}`}, 'active') returning id`.execute(db);
  const serviceId = service.rows[0].id;
  await sql`insert into wegweiser_service_area (service_id, name) values (${serviceId}, ${district})`.execute(db);
  const proposal = await sql<{ id: number }>`
    insert into wegweiser_check (service_id, assurer_email, token_hash, sent_at, expires_at, answer, proposal, answered_at)
    values (${serviceId}, ${`assurer-${tag.toLowerCase()}@example.org`}, ${`hash-${tag}`}, now(), now() + interval '30 days', 'proposed', '{"note": "Neue Telefonnummer"}'::jsonb, now()) returning id`.execute(db);
  const post = await sql<{ id: number }>`
    insert into pinboard_post (organisation_id, kind, lang, title, body, district, image, image_type)
    values (${organisationId}, 'room_offered', 'de', ${`Raum zu teilen ${tag}`}, 'Unser Raum ist dienstags frei.', 'Kassel', ${png}, 'image/png') returning id`.execute(db);
  const conversation = await sql<{ id: number }>`
    insert into pinboard_conversation (post_id, reader_organisation_id) values (${post.rows[0].id}, ${organisationId}) returning id`.execute(db);
  await sql`insert into pinboard_message (conversation_id, from_author, body) values (${conversation.rows[0].id}, false, ${`Nachricht ${tag}`})`.execute(db);
  const concern = await sql<{ id: number }>`
    insert into concern_entry (kind, title, topic, raised_on, state) values ('concern', ${`Mietkosten ${tag}`}, 'funding_rules', '2030-03-01', 'collected') returning id`.execute(db);
  await sql`insert into concern_entry_organisation (entry_id, organisation_id) values (${concern.rows[0].id}, ${organisationId})`.execute(db);
  const selfcheck = await sql<{ id: number }>`
    insert into selfcheck (organisation_id, start_token) values (${organisationId}, ${`object-scope-token-${tag}`}) returning id`.execute(db);
  await sql`
    insert into selfcheck_answer (selfcheck_id, item_key, item_version_id, organisation_id, answer, note)
    select ${selfcheck.rows[0].id}, v.item_key, v.id, ${organisationId}, 'not_yet', ${`Notiz zum Check ${tag}`}
    from selfcheck_item_version v where v.item_key = 'network.civil_mo' order by v.version desc limit 1`.execute(db);
  const expert = await sql<{ id: number }>`
    insert into expert (kind, full_name, districts, topics, languages, consent_given_on, consent_wording_version, consent_source)
    values ('moderator', ${`Moderatorin ${tag}`}, ${sql.val([district])}::text[], '{moderation}', '{de}', '2030-01-10', 'pool-2030-1', 'form') returning id`.execute(db);
  const forum = await sql<{ id: number }>`
    insert into event (event_key, title, format, start_date, district, organizer)
    values (${`forum-${tag}`}, ${`Dialogforum ${tag}`}, 'dialogue_forum', '2030-05-04', ${district}, 'centre') returning id`.execute(db);
  await sql`insert into expert_event (event_id, expert_id, role) values (${forum.rows[0].id}, ${expert.rows[0].id}, 'moderator')`.execute(db);
  const outcome = await sql<{ id: number }>`
    insert into expert_forum_outcome (event_id, kind, text) values (${forum.rows[0].id}, 'agreement', ${`Vereinbarung ${tag}`}) returning id`.execute(db);
  return {
    ids: { project: projectId, receipt: receipt.rows[0].id, document: document.rows[0].id, service: serviceId, proposal: proposal.rows[0].id, post: post.rows[0].id, conversation: conversation.rows[0].id, concern: concern.rows[0].id, selfcheck: selfcheck.rows[0].id,
      expert: expert.rows[0].id, forum: forum.rows[0].id, outcome: outcome.rows[0].id },
    names: [`Projekt Garten ${tag}`, `Baumarkt ${tag}`, `Bescheid-${tag}`, `Unser Verein ${tag}`, `Migrationsberatung ${tag}`, `Raum zu teilen ${tag}`, `Nachricht ${tag}`, `Mietkosten ${tag}`, `Notiz zum Check ${tag}`, `Moderatorin ${tag}`, `Dialogforum ${tag}`, `Vereinbarung ${tag}`],
  };
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
      const scoped = await scopedObjects(db, { organisationId: organisation.id, district, tag: ids === own ? 'Nord' : 'Süd' });
      Object.assign(ids, { organisation: organisation.id, person: person.id, event: event.id, registration: registration.id, request: request.id, ...scoped.ids });
      if (ids === other) otherNames.push(organisation.name, person.name, event.title, registration.personName, request.requesterName, ...scoped.names);
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
