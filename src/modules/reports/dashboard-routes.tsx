import type { FastifyInstance, FastifyRequest } from 'fastify';
import { figureReaders } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { feedbackEntriesFor, feedbackViewOf } from '../feedback/index.js';
import { computeImpactReport } from './impact.js';
import type { ImpactQuery } from './schemas.js';
import { chartSpecs, describeChart, renderBarChart } from './charts.js';
import { contentTypes, exportFormats, tableToCsv, tableToXlsx, type ExportFormat } from './export.js';
import { displayCell, numberFormats } from './numbers.js';
import { choosePeriod } from './period.js';
import { smallCountPaths, thresholdFor } from './suppression.js';
import { buildTables, tableNames, type TableName } from './report-tables.js';
import { DashboardPage } from './dashboard-views.js';

/**
 * The staff dashboard: chapter 5 of the evaluation report for a chosen period,
 * as figures, charts and tables, each table downloadable as CSV and Excel.
 */
export async function dashboardRoutes(app: FastifyInstance) {
  app.get('/dashboard', { config: { access: figureReaders }, schema: { hide: true } }, async (request, reply) => {
    const choice = choosePeriod(request.query as Record<string, unknown>);
    const threshold = readerThreshold(request);
    const formats = numberFormats(request.language);
    const t = request.t;
    const page = {
      t,
      formats,
      threshold,
      configuredThreshold: app.settings.MOSAIK_SMALL_NUMBER_THRESHOLD,
      values: choice.ok ? choice.period : choice.values,
      problems: choice.ok ? [] : choice.problems,
      report: null as Parameters<typeof DashboardPage>[0]['report'],
    };
    if (choice.ok) {
      const tables = await tablesFor(request, choice.period);
      const cellText = (cell: Parameters<typeof displayCell>[0]) => displayCell(cell, threshold, formats);
      const specs = chartSpecs(tables, { eventCounts: t('dashboard.charts.eventCounts'), formats: t('dashboard.charts.formats'), grants: t('dashboard.charts.grants') });
      const chartText = { count: formats.count, hidden: threshold === null ? '' : `< ${formats.count(threshold)}` };
      const chart = (name: keyof typeof specs) => ({ svg: renderBarChart(specs[name], chartText), label: describeChart(specs[name], cellText) });
      page.report = { period: choice.period, tables, charts: { event_counts: chart('event_counts'), formats: chart('formats'), grants: chart('grants') } };
    } else {
      reply.code(400);
    }
    return renderPage(request, reply, { title: t('dashboard.title'), body: <DashboardPage {...page} /> });
  });

  app.get('/dashboard/export/:table.:format', { config: { access: figureReaders }, schema: { hide: true } }, async (request, reply) => {
    const { table: name, format } = request.params as { table: string; format: string };
    if (!(tableNames as readonly string[]).includes(name) || !(exportFormats as readonly string[]).includes(format)) throw new HttpProblem(404, 'notFound');
    const choice = choosePeriod(request.query as Record<string, unknown>);
    if (!choice.ok) {
      const detail = choice.problems.map((problem) => request.t(`dashboard.period.${problem.problem}`)).join(' ');
      throw new HttpProblem(400, 'badRequest', detail);
    }
    const table = (await tablesFor(request, choice.period))[name as TableName];
    const threshold = readerThreshold(request);
    const fileName = `mosaik-${name.replace(/_/g, '-')}-${choice.period.from}-${choice.period.to}.${format}`;
    reply.type(contentTypes[format as ExportFormat]).header('content-disposition', `attachment; filename="${fileName}"`);
    return format === 'csv' ? tableToCsv(table, threshold) : tableToXlsx(table, threshold);
  });
}

function readerThreshold(request: FastifyRequest): number | null {
  return thresholdFor(request.account?.role, request.server.settings.MOSAIK_SMALL_NUMBER_THRESHOLD);
}

async function tablesFor(request: FastifyRequest, period: ImpactQuery) {
  const report = await computeImpactReport(request.server.db, period);
  // the feedback table lists events: a coordinator sees their districts' only (src/modules/feedback/policy.ts)
  report.feedback = await feedbackEntriesFor(request.server.db, await feedbackViewOf(request.server.db, request.account), report.feedback);
  const hidden = smallCountPaths(report, readerThreshold(request));
  return buildTables(report, { t: request.t, formats: numberFormats(request.language), hidden });
}
