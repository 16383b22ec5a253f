import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../db/tables.js';
import { centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { auditRead } from '../identity/index.js';
import { todayInBerlin } from '../consultations/index.js';
import { directoryScopeOf, inScope, type DirectoryScope } from '../organisations/index.js';
import {
  consentFields,
  consentForm,
  parseForm,
  personFields,
  personForm,
  roleFields,
  roleForm,
  roleKeyForm,
  textInput,
  withdrawalFields,
  withdrawalForm,
  type FormError,
  type FormInput,
} from './form.js';
import { errorMessage, PersonFormPage } from './form-views.js';
import { ListPage } from './list-views.js';
import { addRole, createPerson, endRole, organisationMeant, recordConsent, removeRole, updatePerson, withdrawConsent } from './people.js';
import { PersonPage, type PageProblem } from './person-views.js';
import { consentsOfPerson, consentWordings, findPerson, hasActiveConsent, organisationName, personInScope, rolesOfPerson, searchPeople, type PersonRecord } from './queries.js';
import { personRoles } from './tables.js';

/**
 * The people pages. Centre staff see and change every person; municipal
 * coordinators read the persons holding a current role in an organisation of
 * their districts (name, language, those roles; contact data only with an
 * active 'directory' consent). A person outside the reader's scope is "not
 * found", like an organisation profile.
 */

export const peopleReaders: readonly Role[] = [...centreStaff, 'coordinator'];

const pageSize = 25;
export const personId = z.coerce.number().int().positive().max(2_147_483_647);

const listQuery = z.object({
  q: z.string().max(200).catch(''),
  organisation: z.string().regex(/^\d{1,9}$/).catch(''),
  role: z.union([z.literal(''), z.enum(personRoles)]).catch(''),
  page: z.coerce.number().int().positive().max(100_000).catch(1),
});
const personParams = z.object({ id: z.string() });
const consentParams = z.object({ id: z.string(), consentId: z.string() });
const doneQuery = z.object({
  done: z.enum(['created', 'saved', 'roleAdded', 'roleEnded', 'roleRemoved', 'consentRecorded', 'consentWithdrawn']).optional().catch(undefined),
});

const idOf = (value: unknown) => {
  const parsed = personId.safeParse(value);
  if (!parsed.success) throw new HttpProblem(404, 'notFound');
  return parsed.data;
};

/** The person, or 404 when it does not exist or lies outside the reader's scope; audits the read. */
export async function visiblePerson(app: FastifyInstance, request: FastifyRequest, id: number): Promise<{ person: PersonRecord; scope: DirectoryScope }> {
  const person = await findPerson(app.db, id);
  const scope = await directoryScopeOf(app.db, request.account!);
  if (!person || !(await personInScope(app.db, scope, id))) throw new HttpProblem(404, 'notFound');
  return { person, scope };
}

/** A person that staff may change: existing and not erased. */
async function changeablePerson(app: FastifyInstance, id: number): Promise<PersonRecord> {
  const person = await findPerson(app.db, id);
  if (!person || person.erasedAt !== null) throw new HttpProblem(404, 'notFound');
  return person;
}

export async function peopleRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const readers = { access: peopleReaders };
  const staffOnly = { access: centreStaff };
  const isStaff = (request: FastifyRequest) => centreStaff.includes(request.account!.role);

  app.get('/people', { config: readers, schema: { querystring: listQuery, hide: true } }, async (request, reply) => {
    const form = request.query;
    const scope = await directoryScopeOf(app.db, request.account!);
    const organisationId = form.organisation ? Number(form.organisation) : undefined;
    const [result, name] = await Promise.all([
      searchPeople(app.db, scope, { q: form.q, organisationId, role: form.role || undefined, limit: pageSize, offset: (form.page - 1) * pageSize }),
      organisationId === undefined ? undefined : organisationName(app.db, scope, organisationId),
    ]);
    return renderPage(request, reply, {
      title: name ? request.t('people.list.titleOf', { name }) : request.t('people.list.title'),
      body: ListPage({ t: request.t, form, result, organisationName: name, pageSize, canCreate: isStaff(request) }),
    });
  });

  function showForm(request: FastifyRequest, reply: FastifyReply, id: number | null, input: FormInput, errors: FormError<(typeof personFields)[number]>[], name?: string) {
    const title = id === null ? request.t('people.form.createTitle') : request.t('people.form.editTitle', { name });
    if (errors.length > 0) reply.code(400);
    return renderPage(request, reply, {
      title: errors.length > 0 ? request.t('people.form.errorPrefix', { title }) : title,
      body: PersonFormPage({ t: request.t, csrfToken: request.csrfToken, id, title, input, errors }),
    });
  }

  app.get('/people/new', { config: staffOnly, schema: { hide: true } }, async (request, reply) => showForm(request, reply, null, { preferred_language: 'de' }, []));

  app.post('/people/new', { config: staffOnly, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const input = textInput(request.body);
    const parsed = parseForm(personForm, personFields, input);
    if (!parsed.ok) return showForm(request, reply, null, input, parsed.errors);
    const id = await createPerson(app.db, parsed.values, request.account!.id);
    return reply.redirect(`/people/${id}?done=created`, 303);
  });

  async function showPerson(request: FastifyRequest, reply: FastifyReply, person: PersonRecord, scope: DirectoryScope, problem?: PageProblem) {
    const staffView = isStaff(request);
    const today = todayInBerlin();
    const [roles, consents, wordings, directoryConsent] = await Promise.all([
      rolesOfPerson(app.db, person.id, today),
      staffView ? consentsOfPerson(app.db, person.id, today) : [],
      staffView ? consentWordings(app.db) : [],
      staffView ? true : hasActiveConsent(app.db, person.id, 'directory', today),
    ]);
    const { done } = doneQuery.parse(request.query ?? {});
    if (problem) reply.code(400);
    const title = person.erasedAt !== null ? request.t('people.erased') : person.fullName;
    return renderPage(request, reply, {
      title: problem ? request.t('people.form.errorPrefix', { title }) : title,
      body: PersonPage({
        t: request.t,
        language: request.language,
        csrfToken: request.csrfToken,
        person,
        // coordinators see the roles in organisations of their districts only
        roles: roles.filter((role) => inScope(scope, role.district)),
        consents,
        wordings,
        staffView,
        canErase: request.account!.role === 'admin',
        showContact: directoryConsent,
        today,
        done: problem ? undefined : done,
        problem,
      }),
    });
  }

  app.get('/people/:id', { config: readers, schema: { params: personParams, hide: true } }, async (request, reply) => {
    const { person, scope } = await visiblePerson(app, request, idOf(request.params.id));
    await auditRead(app.db, request.account!.id, 'person', person.id);
    return showPerson(request, reply, person, scope);
  });

  app.get('/people/:id/edit', { config: staffOnly, schema: { params: personParams, hide: true } }, async (request, reply) => {
    const person = await changeablePerson(app, idOf(request.params.id));
    const input: FormInput = { full_name: person.fullName, email: person.email ?? '', phone: person.phone ?? '', preferred_language: person.preferredLanguage, notes: person.notes ?? '' };
    return showForm(request, reply, person.id, input, [], person.fullName);
  });

  app.post('/people/:id/edit', { config: staffOnly, schema: { params: personParams, body: anyFields, hide: true } }, async (request, reply) => {
    const person = await changeablePerson(app, idOf(request.params.id));
    const input = textInput(request.body);
    const parsed = parseForm(personForm, personFields, input);
    if (!parsed.ok) return showForm(request, reply, person.id, input, parsed.errors, person.fullName);
    const outcome = await updatePerson(app.db, person.id, parsed.values, request.account!.id);
    if (!outcome.ok) throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/people/${person.id}?done=saved`, 303);
  });

  /** Shows the person page again with one form's errors, each linked to its control (`${prefix}-${field}`). */
  async function showProblem(request: FastifyRequest, reply: FastifyReply, person: PersonRecord, form: PageProblem['form'], prefix: string, errors: FormError[], input: FormInput) {
    const messages = errors.map((error) => ({ field: `${prefix}-${error.field}`, message: errorMessage(request.t, error, 'people.person.labels') }));
    return showPerson(request, reply, person, { districts: null }, { form, errors: messages, input });
  }

  app.post('/people/:id/roles', { config: staffOnly, schema: { params: personParams, body: anyFields, hide: true } }, async (request, reply) => {
    const person = await changeablePerson(app, idOf(request.params.id));
    const input = textInput(request.body);
    const parsed = parseForm(roleForm, roleFields, input);
    if (!parsed.ok) return showProblem(request, reply, person, 'role', 'role', parsed.errors, input);
    const organisationId = await organisationMeant(app.db, parsed.values.organisation);
    if (organisationId === undefined) return showProblem(request, reply, person, 'role', 'role', [{ field: 'organisation', code: 'unknownOrganisation' }], input);
    const outcome = await addRole(app.db, person.id, { organisationId, role: parsed.values.role, since: parsed.values.since, until: parsed.values.until }, request.account!.id);
    if (!outcome.ok) return showProblem(request, reply, person, 'role', 'role', [{ field: 'role', code: 'duplicateRole' }], input);
    return reply.redirect(`/people/${person.id}?done=roleAdded#section-roles`, 303);
  });

  app.post('/people/:id/roles/end', { config: staffOnly, schema: { params: personParams, body: anyFields, hide: true } }, async (request, reply) => {
    const person = await changeablePerson(app, idOf(request.params.id));
    const parsed = parseForm(roleKeyForm, ['organisation_id', 'role', 'until'], request.body);
    const outcome = parsed.ok ? await endRole(app.db, person.id, { organisationId: parsed.values.organisation_id, role: parsed.values.role, until: parsed.values.until }, request.account!.id) : null;
    if (outcome?.ok) return reply.redirect(`/people/${person.id}?done=roleEnded#section-roles`, 303);
    const code = outcome?.problem === 'untilBeforeSince' ? 'endBeforeSince' : 'unknownRole';
    return showProblem(request, reply, person, 'roleChange', 'role', [{ field: 'organisation', code }], {});
  });

  app.post('/people/:id/roles/remove', { config: staffOnly, schema: { params: personParams, body: anyFields, hide: true } }, async (request, reply) => {
    const person = await changeablePerson(app, idOf(request.params.id));
    const parsed = parseForm(roleKeyForm, ['organisation_id', 'role', 'until'], request.body);
    const removed = parsed.ok && (await removeRole(app.db, person.id, { organisationId: parsed.values.organisation_id, role: parsed.values.role }, request.account!.id));
    if (removed) return reply.redirect(`/people/${person.id}?done=roleRemoved#section-roles`, 303);
    return showProblem(request, reply, person, 'roleChange', 'role', [{ field: 'organisation', code: 'unknownRole' }], {});
  });

  app.post('/people/:id/consents', { config: staffOnly, schema: { params: personParams, body: anyFields, hide: true } }, async (request, reply) => {
    const person = await changeablePerson(app, idOf(request.params.id));
    const input = textInput(request.body);
    const parsed = parseForm(consentForm, consentFields, input);
    if (!parsed.ok) return showProblem(request, reply, person, 'consent', 'consent', parsed.errors, input);
    const outcome = await recordConsent(app.db, person.id, parsed.values, request.account!.id);
    if (outcome.ok) return reply.redirect(`/people/${person.id}?done=consentRecorded#section-consents`, 303);
    const field = outcome.problem === 'unknownWording' || outcome.problem === 'duplicate' ? 'wording' : 'given_on';
    return showProblem(request, reply, person, 'consent', 'consent', [{ field, code: `consent.${outcome.problem}` }], input);
  });

  app.post('/people/:id/consents/:consentId/withdraw', { config: staffOnly, schema: { params: consentParams, body: anyFields, hide: true } }, async (request, reply) => {
    const person = await changeablePerson(app, idOf(request.params.id));
    const consentId = idOf(request.params.consentId);
    const input = textInput(request.body);
    const parsed = parseForm(withdrawalForm, withdrawalFields, input);
    const prefix = `withdraw-${consentId}`;
    if (!parsed.ok) return showProblem(request, reply, person, `withdraw-${consentId}`, prefix, parsed.errors, input);
    const outcome = await withdrawConsent(app.db, person.id, consentId, parsed.values, request.account!.id);
    if (outcome.ok) return reply.redirect(`/people/${person.id}?done=consentWithdrawn#section-consents`, 303);
    if (outcome.problem === 'notFound') throw new HttpProblem(404, 'notFound');
    return showProblem(request, reply, person, `withdraw-${consentId}`, prefix, [{ field: 'withdrawn_on', code: `withdrawal.${outcome.problem}` }], input);
  });
}
