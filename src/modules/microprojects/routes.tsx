import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { parseDay } from '../../ui/dates.js';
import { currentDay } from './clock.js';
import { setStage, startFollowUp } from './commands/projects.js';
import { loadDossier, type Dossier } from './dossier.js';
import { formInputOf } from './form.js';
import { mayKeep, mayManage, mayRead, projectRoles, staffRoles, viewerOf, type Viewer } from './policy.js';
import { adviserOverview } from './queries.js';
import { taggingOf } from './tags.js';
import { stages, type Stage } from './tables.js';
import { OverviewPage } from './views/overview.js';
import { ProjectPage } from './views/project.js';

/**
 * The pages of a micro-project: the overview (advisers: every project's next
 * task and what is overdue; a representative: their organisations'
 * projects), the project with its checklist and timeline, its stage and
 * follow-up. The record form, money and documents are in routes-*.tsx.
 */

export const projectIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).catch(0) });
const overviewQuery = z.object({ mine: z.literal('1').optional().catch(undefined), page: z.coerce.number().int().min(1).max(10_000).catch(1), lang: z.string().optional() });
const projectQuery = z.object({ done: z.string().max(40).optional().catch(undefined), lang: z.string().optional() });
export const pageSize = 50;

/** The Berlin day of the request: due dates are the centre's days (clock.ts; tests fix it). */
export const todayOf = () => currentDay();

export async function viewerOrFail(request: FastifyRequest): Promise<Viewer> {
  const viewer = await viewerOf(request.server.db, request.account!);
  if (!viewer) throw new HttpProblem(403, 'forbidden');
  return viewer;
}

/** The project's dossier, or 404 when it does not exist or the account may not read it. */
export async function readableDossier(request: FastifyRequest, id: number, today = todayOf()): Promise<{ viewer: Viewer; dossier: Dossier }> {
  const viewer = await viewerOrFail(request);
  const dossier = id > 0 ? await loadDossier(request.server.db, id, today) : null;
  if (!dossier || !mayRead(viewer, { organisationId: dossier.project.organisation_id, district: dossier.project.district })) throw new HttpProblem(404, 'notFound');
  return { viewer, dossier };
}

export async function keepableDossier(request: FastifyRequest, id: number) {
  const found = await readableDossier(request, id);
  if (!mayKeep(found.viewer, { organisationId: found.dossier.project.organisation_id, district: found.dossier.project.district })) throw new HttpProblem(403, 'forbidden');
  return found;
}

export async function showProject(request: FastifyRequest, reply: FastifyReply, viewer: Viewer, dossier: Dossier, options: { done?: string; errors?: { field: string; code: string }[] } = {}) {
  if (options.errors?.length) reply.code(400);
  // the tags of chapter 5.6 are the centre's classification: staff confirm them
  const tagging = mayManage(viewer) ? await taggingOf(request.server.db, dossier.project) : undefined;
  return renderPage(request, reply, {
    title: dossier.project.title,
    body: ProjectPage({
      t: request.t, language: request.language, csrfToken: request.csrfToken, dossier, path: request.url.split('?')[0]!,
      mayKeep: mayKeep(viewer, { organisationId: dossier.project.organisation_id, district: dossier.project.district }), mayManage: mayManage(viewer),
      done: options.done, errors: options.errors ?? [], tagging,
    }),
  });
}

export async function projectRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/microprojects', { config: { access: projectRoles }, schema: { querystring: overviewQuery, hide: true } }, async (request, reply) => {
    const viewer = await viewerOrFail(request);
    const page = request.query.page;
    const adviserId = request.query.mine === '1' && viewer.kind === 'staff' ? viewer.accountId : undefined;
    const overview = await adviserOverview(app.db, viewer, todayOf(), { adviserId, limit: pageSize, offset: (page - 1) * pageSize });
    return renderPage(request, reply, {
      title: request.t('microprojects.overview.title'),
      body: OverviewPage({ t: request.t, language: request.language, rows: overview.rows, total: overview.total, page, pages: Math.max(1, Math.ceil(overview.total / pageSize)), mine: adviserId !== undefined, viewer }),
    });
  });

  app.get('/microprojects/:id', { config: { access: projectRoles }, schema: { params: projectIdParams, querystring: projectQuery, hide: true } }, async (request, reply) => {
    const { viewer, dossier } = await readableDossier(request, request.params.id);
    return showProject(request, reply, viewer, dossier, { done: request.query.done });
  });

  app.post('/microprojects/:id/stage', { config: { access: staffRoles }, schema: { params: projectIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { viewer, dossier } = await readableDossier(request, request.params.id);
    const input = formInputOf(request.body);
    const stage = (stages as readonly string[]).includes(input.stage ?? '') ? (input.stage as Stage) : null;
    if (!stage) return showProject(request, reply, viewer, dossier, { errors: [{ field: 'stage', code: 'stage' }] });
    const typed = (input.approved_on ?? '').trim();
    const approvedOn = typed === '' ? dossier.project.approved_on : parseDay(typed);
    if (typed !== '' && approvedOn === null) return showProject(request, reply, viewer, dossier, { errors: [{ field: 'approved_on', code: 'date' }] });
    const outcome = await setStage(app.db, request.account!.id, dossier.project.id, stage, approvedOn);
    if (!outcome.ok) return showProject(request, reply, viewer, dossier, { errors: outcome.errors });
    return reply.redirect(`/microprojects/${dossier.project.id}?done=stage`, 303);
  });

  app.post('/microprojects/:id/follow-up', { config: { access: staffRoles }, schema: { params: projectIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { dossier } = await readableDossier(request, request.params.id);
    const id = await startFollowUp(app.db, request.account!.id, dossier.project.id, dossier.project.year + 1);
    return reply.redirect(`/microprojects/${id}/edit?done=followUp`, 303);
  });
}
