import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { figureReaders } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { auditRead } from '../identity/index.js';
import { analysisQuerySchema, latestApprovedYear, projectAnalysis, projectAnalysisSchema, suppressAnalysis } from './analysis.js';
import { loadDossier } from './dossier.js';
import { mayRead, projectRoles } from './policy.js';
import { projectsFor } from './queries.js';
import { todayOf, viewerOrFail } from './routes.js';
import { budgetLines, stages } from './tables.js';
import { confirmedTagsOf, listTags, suggestTags } from './tags.js';

/**
 * The JSON API of the micro-projects (docs/exchange.md): the projects an
 * account may read (centre staff: all; coordinators: their districts;
 * representatives: their organisations) and one project with its checklist,
 * money and tags; another's project answers 404. Contact persons, payees and
 * documents stay on the pages (personal data; the read of a project is
 * audited). And the analysis of chapter 5.6 (`report projects`), for the
 * roles that read figures, with small numbers suppressed for funder and evaluator.
 */

const errorSchema = z.object({ error: z.string(), message: z.string(), message_en: z.string() });
const day = z.iso.date();

const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Only projects of this funding year'),
  stage: z.enum(stages).optional().describe('Only projects in this stage'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const projectParams = z.object({ projectId: z.string().describe('Micro-project id') });

const projectSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int(),
  stage: z.enum(stages),
  organisationId: z.number().int(),
  organisationName: z.string(),
  adviserName: z.string().nullable(),
  approvedOn: day.nullable(),
  startsOn: day.nullable(),
  endsOn: day.nullable(),
});
const listResponse = z.object({ total: z.number().int().describe('Projects the account may read that match'), items: z.array(projectSummary) });

const projectResponse = projectSummary.extend({
  summary: z.string(),
  applicationType: z.enum(['new', 'follow_up']),
  previousProjectId: z.number().int().nullable().describe('The project this one follows up'),
  grantApplicationId: z.number().int().nullable().describe("The row on the funder's list it is linked to"),
  integrationOffice: z.string(),
  proofDueOn: day.nullable().describe('When the proof of use is due (the end plus the months of the year\'s rule)'),
  tasks: z.array(z.object({
    key: z.string(), group: z.enum(['application', 'approval', 'minijob', 'running', 'proof']), dueOn: day.nullable(), optional: z.boolean(), done: z.boolean(),
    state: z.enum(['done', 'overdue', 'dueSoon', 'open', 'undated']).describe('undated: the date it depends on is not known yet'),
  })).describe('The checklist for today (Berlin)'),
  money: z.object({
    lines: z.array(z.object({ line: z.enum(budgetLines), plannedCents: z.number().int(), actualCents: z.number().int(), verdict: z.enum(['within', 'withinTolerance', 'overspent']) })),
    plannedTotalCents: z.number().int(),
    actualTotalCents: z.number().int(),
    receipts: z.number().int().describe('How many receipts are kept'),
    warnings: z.array(z.string()).describe('Codes of the money checks that do not fit (microprojects.warnings.<code>)'),
  }),
  tags: z.array(z.object({ key: z.string(), kind: z.enum(['target_group', 'goal']), label: z.string(), confirmed: z.boolean(), suggested: z.boolean() }))
    .describe('Confirmed tags, and the ones Mosaik suggests from the summary that staff have not confirmed'),
});

const analysisResponse = projectAnalysisSchema.extend({
  suppressed: z.array(z.string()).optional().describe('funder and evaluator only: paths of the values hidden by the small-number rule, replaced by 0'),
});

export async function microprojectsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/microprojects',
    {
      config: { access: projectRoles },
      schema: {
        tags: ['microprojects'],
        summary: 'The micro-projects the account may read (coordinators: their districts; representatives: their organisations)',
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (request) => {
      const viewer = await viewerOrFail(request);
      let query = projectsFor(app.db, viewer).select((eb) => eb.fn.countAll<string>().over().as('total'));
      if (request.query.year !== undefined) query = query.where('p.year', '=', request.query.year);
      if (request.query.stage !== undefined) query = query.where('p.stage', '=', request.query.stage);
      const rows = await query.limit(request.query.limit).offset(request.query.offset).execute();
      let total = Number(rows[0]?.total ?? 0);
      if (rows.length === 0 && request.query.offset > 0) {
        const counted = await (request.query.year !== undefined ? projectsFor(app.db, viewer).where('p.year', '=', request.query.year) : projectsFor(app.db, viewer)).execute();
        total = counted.filter((row) => request.query.stage === undefined || row.stage === request.query.stage).length;
      }
      return {
        total,
        items: rows.map((row) => ({
          id: row.id, title: row.title, year: row.year, stage: row.stage, organisationId: row.organisation_id, organisationName: row.organisation_name,
          adviserName: row.adviser_name, approvedOn: row.approved_on, startsOn: row.starts_on, endsOn: row.ends_on,
        })),
      };
    },
  );

  app.get(
    '/api/v1/microprojects/:projectId',
    {
      config: { access: projectRoles },
      schema: {
        tags: ['microprojects'],
        summary: 'One micro-project with its checklist, money and tags (the read is audited)',
        params: projectParams,
        response: { 200: projectResponse, 404: errorSchema },
      },
    },
    async (request) => {
      const viewer = await viewerOrFail(request);
      const id = /^[1-9]\d{0,9}$/.test(request.params.projectId) ? Number(request.params.projectId) : 0;
      const dossier = id > 0 && id <= 2_147_483_647 ? await loadDossier(app.db, id, todayOf()) : null;
      if (!dossier || !mayRead(viewer, { organisationId: dossier.project.organisation_id, district: dossier.project.district })) throw new HttpProblem(404, 'notFound');
      const project = dossier.project;
      const [tags, confirmed] = await Promise.all([listTags(app.db), confirmedTagsOf(app.db, project.id)]);
      const suggested = new Set(suggestTags(project.summary, tags));
      await auditRead(app.db, request.account!.id, 'microproject', project.id, { via: 'api' });
      return {
        id: project.id, title: project.title, year: project.year, stage: project.stage, organisationId: project.organisation_id, organisationName: project.organisation_name,
        adviserName: project.adviser_name, approvedOn: project.approved_on, startsOn: project.starts_on, endsOn: project.ends_on,
        summary: project.summary, applicationType: project.application_type, previousProjectId: project.previous_project_id, grantApplicationId: project.grant_application_id,
        integrationOffice: project.integration_office, proofDueOn: dossier.proofDue,
        tasks: dossier.tasks.map((task) => ({ key: task.key, group: task.group, dueOn: task.due, optional: task.optional, done: task.done, state: task.state })),
        money: {
          lines: dossier.money.lines.map((line) => ({ line: line.line, plannedCents: line.planned, actualCents: line.actual, verdict: line.verdict })),
          plannedTotalCents: dossier.money.plannedTotal, actualTotalCents: dossier.money.actualTotal, receipts: dossier.receipts.length,
          warnings: dossier.money.warnings.map((warning) => warning.code),
        },
        tags: tags.filter((tag) => confirmed.has(tag.key) || suggested.has(tag.key)).map((tag) => ({
          key: tag.key, kind: tag.kind, label: request.language === 'en' ? tag.label_en : tag.label_de, confirmed: confirmed.has(tag.key), suggested: suggested.has(tag.key),
        })),
      };
    },
  );

  app.get(
    '/api/v1/reports/projects',
    {
      config: { access: figureReaders },
      schema: {
        tags: ['reports'],
        summary: 'The micro-project analysis of a funding year (chapter 5.6 of the evaluation report)',
        description:
          'The same JSON document as `mosaik report projects --year Y --format json` (docs/exchange.md). Without year: the latest year with an approved row. ' +
          'Funder and evaluator receive it with "suppressed": the paths of orientation counts hidden by the small-number rule (docs/privacy.md), replaced by 0.',
        querystring: analysisQuerySchema,
        response: { 200: analysisResponse },
      },
    },
    async (request) => {
      const year = request.query.year ?? (await latestApprovedYear(app.db)) ?? Number(todayOf().slice(0, 4));
      return suppressAnalysis(await projectAnalysis(app.db, year), request.account?.role, app.settings.MOSAIK_SMALL_NUMBER_THRESHOLD);
    },
  );
}
