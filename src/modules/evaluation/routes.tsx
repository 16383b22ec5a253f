import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../db/tables.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { listTopics } from '../consultations/index.js';
import { writeAudit } from '../identity/index.js';
import { organisationsCsv, participationsCsv } from './export.js';
import { pseudonymiserFor, pseudonymPattern } from './pseudonyms.js';
import { activityYears, describeOrganisations, evaluationProfiles, evaluationTimeline, organisationIndex, participations } from './queries.js';
import { EvaluationHome, OrganisationsPage, OrganisationTimelinePage, ParticipationsPage } from './views.js';

/**
 * Pseudonymised records for the external evaluation. Admins may look at what
 * the evaluator sees (the same pages, small numbers hidden alike).
 */

export const evaluationReaders: readonly Role[] = ['admin', 'evaluator'];

const pageSize = 50;
const listQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().positive().max(100_000).catch(1),
});

export async function evaluationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const readers = { access: evaluationReaders };
  /** The small-number threshold of every evaluation table; null when the installation sets none. */
  const threshold = app.settings.MOSAIK_SMALL_NUMBER_THRESHOLD > 1 ? app.settings.MOSAIK_SMALL_NUMBER_THRESHOLD : null;
  const pseudonyms = () => pseudonymiserFor(app.db);
  const query = (request: FastifyRequest) => listQuery.parse(request.query ?? {});

  /** Exports leave Mosaik: each is audited like any other export of personal records. */
  async function sendCsv(request: FastifyRequest, reply: FastifyReply, list: string, file: () => Promise<unknown> | unknown, details: Record<string, unknown> = {}) {
    await writeAudit(app.db, { accountId: request.account!.id, action: 'evaluation.export', subjectType: 'evaluation', details: { list, ...details } });
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="mosaik-evaluation-${list}.csv"`);
    return reply.send(await file());
  }

  app.get('/evaluation', { config: readers, schema: { hide: true } }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('evaluation.home.title'), body: <EvaluationHome t={request.t} threshold={threshold} /> }),
  );

  app.get('/evaluation/organisations', { config: readers, schema: { hide: true } }, async (request, reply) => {
    const { year: asked, page } = query(request);
    const [index, years] = await Promise.all([pseudonyms().then((p) => organisationIndex(app.db, p)), activityYears(app.db)]);
    const year = asked ?? years.at(-1) ?? null;
    const pages = Math.max(1, Math.ceil(index.ids.length / pageSize));
    const current = Math.min(page, pages);
    const organisations = await describeOrganisations(app.db, await pseudonyms(), index.ids.slice((current - 1) * pageSize, current * pageSize), await evaluationProfiles(app.db));
    return renderPage(request, reply, {
      title: request.t('evaluation.organisations.title'),
      body: <OrganisationsPage t={request.t} organisations={organisations} total={index.ids.length} years={years} year={year} page={current} pages={pages} threshold={threshold} />,
    });
  });

  app.get('/evaluation/organisations.csv', { config: readers, schema: { hide: true } }, async (request, reply) =>
    sendCsv(request, reply, 'organisations', async () => organisationsCsv(app.db, await pseudonyms(), threshold)),
  );

  app.get('/evaluation/organisations/:pseudonym', { config: readers, schema: { params: z.object({ pseudonym: z.string() }), hide: true } }, async (request, reply) => {
    const pseudonym = request.params.pseudonym.toUpperCase();
    const id = pseudonymPattern.test(pseudonym) ? (await organisationIndex(app.db, await pseudonyms())).byPseudonym.get(pseudonym) : undefined;
    if (id === undefined) throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, {
      title: request.t('evaluation.timeline.title', { pseudonym }),
      body: <OrganisationTimelinePage t={request.t} language={request.language} pseudonym={pseudonym} timeline={await evaluationTimeline(app.db, id)} topics={await listTopics(app.db)} />,
    });
  });

  app.get('/evaluation/participations', { config: readers, schema: { hide: true } }, async (request, reply) => {
    const { year, page } = query(request);
    const [result, years] = await Promise.all([
      participations(app.db, await pseudonyms(), { year, limit: pageSize, offset: (page - 1) * pageSize }),
      activityYears(app.db),
    ]);
    const pages = Math.max(1, Math.ceil(result.total / pageSize));
    return renderPage(request, reply, {
      title: request.t('evaluation.participations.title'),
      body: <ParticipationsPage t={request.t} language={request.language} items={result.items} total={result.total} years={years} year={year ?? null} page={page} pages={pages} />,
    });
  });

  app.get('/evaluation/participations.csv', { config: readers, schema: { hide: true } }, async (request, reply) => {
    const { year } = query(request);
    return sendCsv(request, reply, 'participations', async () => participationsCsv(app.db, await pseudonyms(), year), { year: year ?? null });
  });
}
