import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { berlinDay, isIsoDay, parseDay } from '../../ui/dates.js';
import { auditRead } from '../identity/index.js';
import { addAbsence, createExpert, removeAbsence, updateExpert, withdrawConsent } from './commands/pool.js';
import { readAbsence, readExpert, type FormError } from './form.js';
import { districtsOf, mayKeepPool, mayReadExpert, poolKeepers, poolReaders, viewerOf, type Viewer } from './policy.js';
import { absencesOfExpert, eventsOfExpert, expertById, knownDistricts, listExperts, organisationChoices, referralsOfExpert, type ExpertRow } from './queries.js';
import { expertKinds } from './tables.js';
import { ExpertFormPage, ExpertPage, PoolPage, type ExpertInput } from './views/pool.js';

/**
 * The pool's pages: the list with filters (role, topic, language, district),
 * an entry with the events, referrals and feedback means, the form, and the
 * withdrawal of consent. Coordinators read the entries working in their
 * districts; only centre staff keep the pool.
 */

export const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).catch(0) });
const poolQuery = z.object({
  kind: z.enum(expertKinds).optional().catch(undefined),
  topic: z.string().max(40).optional().catch(undefined),
  language: z.string().max(10).optional().catch(undefined),
  district: z.string().max(100).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  done: z.string().max(40).optional().catch(undefined),
});
const noticeQuery = z.object({ done: z.string().max(40).optional().catch(undefined) });
const notices = new Set(['created', 'saved', 'withdrawn', 'absenceAdded', 'absenceRemoved']);
const absenceParams = idParams.extend({ absenceId: z.coerce.number().int().positive().max(2_147_483_647).catch(0) });

/** The Berlin day of the request. */
export const todayOf = () => berlinDay(new Date());

export async function viewerOrFail(request: FastifyRequest): Promise<Viewer> {
  const viewer = await viewerOf(request.server.db, request.account!);
  if (!viewer) throw new HttpProblem(403, 'forbidden');
  return viewer;
}

/** The entry, or 404 when it does not exist or the account may not read it (another district, withdrawn for a coordinator). */
async function readableExpert(request: FastifyRequest, id: number): Promise<{ viewer: Viewer; expert: ExpertRow }> {
  const viewer = await viewerOrFail(request);
  const expert = id > 0 ? await expertById(request.server.db, id) : undefined;
  if (!expert || !mayReadExpert(viewer, expert)) throw new HttpProblem(404, 'notFound');
  return { viewer, expert };
}

async function formPage(request: FastifyRequest, reply: FastifyReply, id: number | null, input: ExpertInput, errors: FormError[]) {
  const db = request.server.db;
  const people = await db.selectFrom('person').select(['id', 'full_name']).where('erased_at', 'is', null).orderBy('full_name').orderBy('id').limit(2000).execute();
  if (errors.length > 0) reply.code(400);
  return renderPage(request, reply, {
    title: request.t(id === null ? 'experts.pool.new' : 'experts.expert.edit'),
    body: ExpertFormPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, id, input, errors, organisations: await organisationChoices(db), people, districts: await knownDistricts(db) }),
  });
}

const inputOf = (body: Record<string, unknown>): ExpertInput =>
  Object.fromEntries(Object.entries(body).filter(([, value]) => typeof value === 'string' || Array.isArray(value)).map(([key, value]) => [key, Array.isArray(value) ? value.map(String) : String(value)]));

const inputOfExpert = (expert: ExpertRow): ExpertInput => ({
  kind: expert.kind, full_name: expert.full_name, organisation_id: expert.organisation_id ? String(expert.organisation_id) : '', person_id: expert.person_id ? String(expert.person_id) : '',
  topics: expert.topics, languages: expert.languages, districts: expert.districts, fee_note: expert.fee_note, email: expert.email ?? '', phone: expert.phone ?? '', notes: expert.notes,
  consent_given_on: expert.consent_given_on, consent_wording_version: expert.consent_wording_version, consent_source: expert.consent_source,
});

export async function poolRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/experts', { config: { access: poolReaders }, schema: { querystring: poolQuery, hide: true } }, async (request, reply) => {
    const viewer = await viewerOrFail(request);
    const { done, ...wanted } = request.query;
    const filter = { ...wanted, q: wanted.q?.trim() || undefined, districts: districtsOf(viewer) };
    const districts = viewer.kind === 'staff' ? await knownDistricts(app.db) : viewer.districts;
    return renderPage(request, reply, {
      title: request.t('experts.pool.title'),
      body: PoolPage({ t: request.t, rows: await listExperts(app.db, filter), filter, districts, mayKeep: mayKeepPool(viewer), notice: done && notices.has(done) ? done : undefined }),
    });
  });

  app.get('/experts/new', { config: { access: poolKeepers }, schema: { hide: true } }, async (request, reply) =>
    formPage(request, reply, null, { kind: 'trainer', consent_source: 'form', consent_wording_version: 'pool-2024-1' }, []));

  app.post('/experts', { config: { access: poolKeepers }, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const parsed = readExpert(request.body);
    if (!parsed.ok) return formPage(request, reply, null, inputOf(request.body), parsed.errors);
    const created = await createExpert(app.db, request.account!.id, parsed.value);
    if (!created.ok) return formPage(request, reply, null, inputOf(request.body), created.errors);
    return reply.redirect(`/experts/${created.value}?done=created`, 303);
  });

  /** An entry's page; with the absence form's errors when it comes back from a refused absence. */
  async function expertPage(request: FastifyRequest, reply: FastifyReply, viewer: Viewer, expert: ExpertRow, shown: { notice?: string; absenceErrors?: FormError[]; absenceInput?: Record<string, string> }) {
    if (shown.absenceErrors?.length) reply.code(400);
    const today = todayOf();
    return renderPage(request, reply, {
      title: expert.full_name,
      body: ExpertPage({
        t: request.t, language: request.language, csrfToken: request.csrfToken, expert, mayKeep: mayKeepPool(viewer), today,
        events: await eventsOfExpert(app.db, expert.id), referrals: await referralsOfExpert(app.db, expert.id, districtsOf(viewer)),
        absences: await absencesOfExpert(app.db, expert.id, today), ...shown,
      }),
    });
  }

  app.get('/experts/:id', { config: { access: poolReaders }, schema: { params: idParams, querystring: noticeQuery, hide: true } }, async (request, reply) => {
    const { viewer, expert } = await readableExpert(request, request.params.id);
    await auditRead(app.db, request.account!.id, 'expert', expert.id);
    const done = request.query.done;
    return expertPage(request, reply, viewer, expert, { notice: done && notices.has(done) ? done : undefined });
  });

  app.post('/experts/:id/absences', { config: { access: poolKeepers }, schema: { params: idParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { viewer, expert } = await readableExpert(request, request.params.id);
    const input = Object.fromEntries(Object.entries(request.body).filter(([, value]) => typeof value === 'string')) as Record<string, string>;
    const parsed = readAbsence(request.body);
    if (!parsed.ok) return expertPage(request, reply, viewer, expert, { absenceErrors: parsed.errors, absenceInput: input });
    const added = await addAbsence(app.db, request.account!.id, expert.id, parsed.value);
    if (!added.ok) return expertPage(request, reply, viewer, expert, { absenceErrors: added.errors, absenceInput: input });
    return reply.redirect(`/experts/${expert.id}?done=absenceAdded#absences`, 303);
  });

  app.post('/experts/:id/absences/:absenceId/remove', { config: { access: poolKeepers }, schema: { params: absenceParams, hide: true } }, async (request, reply) => {
    const { expert } = await readableExpert(request, request.params.id);
    if (!(await removeAbsence(app.db, request.account!.id, expert.id, request.params.absenceId))) throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/experts/${expert.id}?done=absenceRemoved#absences`, 303);
  });

  app.get('/experts/:id/edit', { config: { access: poolKeepers }, schema: { params: idParams, hide: true } }, async (request, reply) => {
    const { expert } = await readableExpert(request, request.params.id);
    if (expert.consent_withdrawn_on !== null) return reply.redirect(`/experts/${expert.id}`, 303);
    return formPage(request, reply, expert.id, inputOfExpert(expert), []);
  });

  app.post('/experts/:id', { config: { access: poolKeepers }, schema: { params: idParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { expert } = await readableExpert(request, request.params.id);
    const parsed = readExpert(request.body);
    if (!parsed.ok) return formPage(request, reply, expert.id, inputOf(request.body), parsed.errors);
    const saved = await updateExpert(app.db, request.account!.id, expert.id, parsed.value);
    if (!saved.ok) return formPage(request, reply, expert.id, inputOf(request.body), saved.errors);
    return reply.redirect(`/experts/${expert.id}?done=saved`, 303);
  });

  app.post('/experts/:id/withdraw', { config: { access: poolKeepers }, schema: { params: idParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { expert } = await readableExpert(request, request.params.id);
    const typed = typeof request.body.withdrawn_on === 'string' ? request.body.withdrawn_on.trim() : '';
    const parsedDay = typed === '' ? todayOf() : parseDay(typed);
    if (!parsedDay || !isIsoDay(parsedDay)) throw new HttpProblem(400, 'badRequest');
    await withdrawConsent(app.db, request.account!.id, expert.id, parsedDay);
    return reply.redirect(`/experts/${expert.id}?done=withdrawn`, 303);
  });
}
