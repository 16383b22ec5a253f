import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { figureReaders } from '../../http/access.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { latestApprovedYear, projectAnalysis, suppressAnalysis } from './analysis.js';
import { confirmTags, saveTag, tagInputSchema } from './commands/tags.js';
import { formInputOf, type FormError, type FormInput } from './form.js';
import { staffRoles } from './policy.js';
import { projectIdParams, readableDossier, showProject, todayOf } from './routes.js';
import { listTags, suggestTags } from './tags.js';
import { AnalysisPage, TagListPage } from './views/tags.js';

/**
 * Chapter 5.6 on the pages: staff confirm a project's tags (with Mosaik's
 * suggestions from the summary) and keep the list of target groups and
 * goals; the analysis of a year for those who read figures.
 */

const analysisQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

/** The submitted checkboxes: one value or several. */
const valuesOf = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item): item is string => typeof item === 'string');

export async function tagRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post('/microprojects/:id/tags', { config: { access: staffRoles }, schema: { params: projectIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    // looked up and scoped before the body is read
    const { viewer, dossier } = await readableDossier(request, request.params.id);
    const keys = valuesOf(request.body.tags);
    if (request.body.accept === 'suggestions') keys.push(...suggestTags(dossier.project.summary, await listTags(app.db)));
    const outcome = await confirmTags(app.db, request.account!.id, dossier.project.id, keys);
    if (!outcome.ok) return showProject(request, reply, viewer, dossier, { errors: outcome.errors });
    return reply.redirect(`/microprojects/${dossier.project.id}?done=tags#tags`, 303);
  });

  const showList = async (request: FastifyRequest, reply: FastifyReply, input: FormInput, errors: FormError[], done?: string) => {
    if (errors.length > 0) reply.code(400);
    return renderPage(request, reply, {
      title: request.t('microprojects.tags.listTitle'),
      body: TagListPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, tags: await listTags(app.db), input, errors, done }),
    });
  };

  app.get('/microprojects/tags', { config: { access: staffRoles }, schema: { querystring: z.object({ done: z.string().max(20).optional().catch(undefined) }), hide: true } }, async (request, reply) =>
    showList(request, reply, {}, [], request.query.done),
  );

  app.post('/microprojects/tags', { config: { access: staffRoles }, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const input = formInputOf(request.body);
    const parsed = tagInputSchema.safeParse({ ...input, position: input.position?.trim() || undefined });
    if (!parsed.success) {
      const errors = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'key')))].map((field): FormError => ({ field, code: `tag_${field}` }));
      return showList(request, reply, input, errors);
    }
    await saveTag(app.db, request.account!.id, parsed.data);
    return reply.redirect('/microprojects/tags?done=saved', 303);
  });

  app.get('/microprojects/analysis', { config: { access: figureReaders }, schema: { querystring: analysisQuery, hide: true } }, async (request, reply) => {
    const latest = (await latestApprovedYear(app.db)) ?? Number(todayOf().slice(0, 4));
    const year = request.query.year ?? latest;
    const analysis = suppressAnalysis(await projectAnalysis(app.db, year), request.account?.role, app.settings.MOSAIK_SMALL_NUMBER_THRESHOLD);
    const years = [...new Set([year, ...Array.from({ length: Math.max(0, latest - 2016) }, (_, index) => latest - index)])].sort((a, b) => b - a);
    return renderPage(request, reply, {
      title: request.t('microprojects.analysis.title', { year }),
      body: AnalysisPage({ t: request.t, language: request.language, analysis, tags: await listTags(app.db), years, suppressed: 'suppressed' in analysis ? (analysis.suppressed ?? []) : [] }),
    });
  });
}
