import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { auditRead } from '../identity/index.js';
import { todayInBerlin } from '../consultations/index.js';
import { directoryScopeOf, inScope } from '../organisations/index.js';
import { personRules } from './form.js';
import { createPerson, updatePerson } from './people.js';
import { consentsOfPerson, hasActiveConsent, rolesOfPerson, searchPeople, type PersonRecord } from './queries.js';
import { peopleReaders, personId, visiblePerson } from './routes.js';
import { consentPurposes, consentSources, personLanguages, personRoles } from './tables.js';

/**
 * /api/v1/people: the people list and one person as JSON, and creating and
 * changing a person (centre staff). The same scope as the pages: coordinators
 * get persons with a current role in their districts, contact data only with
 * an active 'directory' consent, no notes and no consents; anything outside
 * their scope is 404. Bodies use the field rules of the person form.
 */

const errorSchema = z.object({ error: z.string(), message: z.string(), message_en: z.string() });
const issueSchema = z.object({ field: z.string(), location: z.string(), code: z.string(), message: z.string(), message_en: z.string() });
const badRequestSchema = errorSchema.extend({ issues: z.array(issueSchema).optional().describe('One entry per refused field, in German and English') });

const listQuery = z.object({
  q: z.string().max(200).optional().describe('Name or part of it; tolerant of typos (pg_trgm)'),
  organisation: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('Only persons with a current role in this organisation'),
  role: z.enum(personRoles).optional().describe('Only persons with this current role'),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/**
 * E-mail addresses as stored: documented as such (format email) without
 * checking them again on the way out, so that an address kept under an
 * older rule cannot turn a read into a server error.
 */
const storedEmail = z.string().meta({ format: 'email' });

const roleSchema = z.object({ organisationId: z.number().int(), organisationName: z.string(), role: z.enum(personRoles) });
const listResponse = z.object({
  total: z.number().int().describe('Matching persons the account may see'),
  items: z.array(
    z.object({
      id: z.number().int(),
      fullName: z.string().nullable().describe('null for an erased person'),
      erased: z.boolean(),
      email: storedEmail.nullable().describe('null when the reader may not see contact data'),
      phone: z.string().nullable(),
      preferredLanguage: z.enum(personLanguages).nullable(),
      roles: z.array(roleSchema).describe('Current roles (coordinators: in organisations of their districts)'),
    }),
  ),
});

const personResponse = z.object({
  id: z.number().int(),
  fullName: z.string().nullable().describe('null for an erased person'),
  erased: z.boolean(),
  contactVisible: z.boolean().describe("False for a coordinator when the person has no active 'directory' consent"),
  email: storedEmail.nullable(),
  phone: z.string().nullable(),
  preferredLanguage: z.enum(personLanguages).nullable(),
  notes: z.string().nullable().describe('Centre staff only'),
  roles: z.array(
    roleSchema.extend({ since: z.iso.date().nullable(), until: z.iso.date().nullable(), active: z.boolean() }).describe('A role with its period (YYYY-MM-DD)'),
  ),
  consents: z
    .array(
      z.object({
        id: z.number().int(),
        purpose: z.enum(consentPurposes),
        wordingVersion: z.string(),
        givenOn: z.iso.date(),
        source: z.enum(consentSources),
        withdrawnOn: z.iso.date().nullable(),
        withdrawalSource: z.enum(consentSources).nullable(),
        active: z.boolean(),
      }),
    )
    .describe('The whole consent history, withdrawn consents included (centre staff only; empty for coordinators)'),
});

const personBody = z
  .object({
    // the rule's Unicode pattern leaves the document (src/http/openapi.ts); the description states it
    fullName: personRules.full_name.describe('At least one letter or digit (any script), at most 200 characters'),
    email: personRules.email.meta({ format: 'email' }).nullable().optional(),
    phone: personRules.phone.nullable().optional(),
    preferredLanguage: personRules.preferred_language.optional().describe('de en tr ar ru uk; default de'),
    notes: personRules.notes.nullable().optional(),
  })
  .strict();
const personPatch = personBody.partial().strict().describe('Only the fields sent are changed; null clears a field');
const idParams = z.object({ id: z.string().describe('Person id') });

/** The form's field names from the API's. */
const columnsOf = (body: z.infer<typeof personPatch>) => ({
  full_name: body.fullName,
  email: body.email === undefined ? undefined : (body.email || null),
  phone: body.phone === undefined ? undefined : (body.phone || null),
  preferred_language: body.preferredLanguage,
  notes: body.notes === undefined ? undefined : (body.notes || null),
});

export async function peopleApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const idOf = (id: string) => {
    const parsed = personId.safeParse(id);
    if (!parsed.success) throw new HttpProblem(404, 'notFound');
    return parsed.data;
  };

  async function personJson(request: FastifyRequest, person: PersonRecord) {
    const staff = centreStaff.includes(request.account!.role);
    const scope = await directoryScopeOf(app.db, request.account!);
    const today = todayInBerlin();
    if (person.erasedAt !== null) {
      return { id: person.id, fullName: null, erased: true, contactVisible: false, email: null, phone: null, preferredLanguage: null, notes: null, roles: [], consents: [] };
    }
    const [roles, consents, contactVisible] = await Promise.all([
      rolesOfPerson(app.db, person.id, today),
      staff ? consentsOfPerson(app.db, person.id, today) : [],
      staff ? true : hasActiveConsent(app.db, person.id, 'directory', today),
    ]);
    return {
      id: person.id,
      fullName: person.fullName,
      erased: false,
      contactVisible,
      email: contactVisible ? person.email : null,
      phone: contactVisible ? person.phone : null,
      preferredLanguage: person.preferredLanguage,
      notes: staff ? person.notes : null,
      roles: roles
        .filter((role) => inScope(scope, role.district))
        .map(({ organisationId, organisationName, role, since, until, active }) => ({ organisationId, organisationName, role, since, until, active })),
      consents: consents.map(({ textDe: _de, textEn: _en, ...consent }) => consent),
    };
  }

  app.get(
    '/api/v1/people',
    {
      config: { access: peopleReaders },
      schema: { tags: ['people'], summary: 'Search persons (coordinators: persons with a current role in their districts)', querystring: listQuery, response: { 200: listResponse } },
    },
    async (request) => {
      const query = request.query;
      const scope = await directoryScopeOf(app.db, request.account!);
      return searchPeople(app.db, scope, { q: query.q, organisationId: query.organisation, role: query.role, limit: query.limit, offset: query.offset });
    },
  );

  app.get(
    '/api/v1/people/:id',
    {
      config: { access: peopleReaders },
      schema: { tags: ['people'], summary: 'One person with roles and consents (the read is audited)', params: idParams, response: { 200: personResponse, 404: errorSchema } },
    },
    async (request) => {
      const { person } = await visiblePerson(app, request, idOf(request.params.id));
      await auditRead(app.db, request.account!.id, 'person', person.id, { via: 'api' });
      return personJson(request, person);
    },
  );

  app.post(
    '/api/v1/people',
    { config: { access: centreStaff }, schema: { tags: ['people'], summary: 'Create a person', body: personBody, response: { 201: personResponse, 400: badRequestSchema } } },
    async (request, reply) => {
      const body = request.body;
      const columns = columnsOf(body);
      const id = await createPerson(
        app.db,
        { full_name: body.fullName, email: columns.email ?? null, phone: columns.phone ?? null, preferred_language: body.preferredLanguage ?? 'de', notes: columns.notes ?? null },
        request.account!.id,
      );
      const { person } = await visiblePerson(app, request, id);
      return reply.code(201).send(await personJson(request, person));
    },
  );

  app.patch(
    '/api/v1/people/:id',
    {
      config: { access: centreStaff },
      schema: { tags: ['people'], summary: 'Change a person (only the fields sent)', params: idParams, body: personPatch, response: { 200: personResponse, 400: badRequestSchema, 404: errorSchema } },
    },
    async (request) => {
      const id = idOf(request.params.id);
      const outcome = await updatePerson(app.db, id, columnsOf(request.body), request.account!.id);
      if (!outcome.ok) throw new HttpProblem(404, 'notFound');
      const { person } = await visiblePerson(app, request, id);
      return personJson(request, person);
    },
  );
}
