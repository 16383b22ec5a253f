import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { figureReaders } from '../../http/access.js';
import { gateOf } from '../../http/load.js';
import { HttpProblem } from '../../http/errors.js';
import { renderFragment, renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { feedbackEntriesFor, feedbackViewOf, type FeedbackView } from '../feedback/index.js';
import { cachedFigures, stringBytes } from './figures-cache.js';
import { cachedImpactReport } from './impact.js';
import type { ImpactQuery } from './schemas.js';
import { chartSpecs, describeChart, renderBarChart } from './charts.js';
import { contentTypes, exportFormats, tableToCsv, tableToXlsx, type ExportFormat } from './export.js';
import { displayCell, numberFormats } from './numbers.js';
import { choosePeriod } from './period.js';
import { smallCountPaths, thresholdFor } from './suppression.js';
import { buildTables, tableNames, type DashboardTable, type TableName } from './report-tables.js';
import { DashboardPage, type RenderedChart } from './dashboard-views.js';

/**
 * The staff dashboard: chapter 5 of the evaluation report for a chosen period,
 * as figures, charts and tables, each table downloadable as CSV and Excel.
 *
 * Computed once per change of the data (src/modules/reports/figures-cache.ts):
 * the tables and charts per period, reader and language, the page's HTML per
 * page of the feedback table as well. A repeated request reads the data
 * version and sends the kept HTML.
 */
const exportParams = z.object({ table: z.string(), format: z.string() });

export async function dashboardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/dashboard', { config: { access: figureReaders, heavy: 'when-computed' }, schema: { querystring: anyFields, hide: true } }, async (request, reply) => {
    const query = request.query;
    const choice = choosePeriod(query);
    const t = request.t;
    const props = {
      t,
      formats: numberFormats(request.language),
      threshold: readerThreshold(request),
      configuredThreshold: app.settings.MOSAIK_SMALL_NUMBER_THRESHOLD,
    };
    if (!choice.ok) {
      reply.code(400);
      return renderPage(request, reply, { title: t('dashboard.title'), body: <DashboardPage {...props} values={choice.values} problems={choice.problems} report={null} /> });
    }
    const period = choice.period;
    const feedbackPage = Math.max(1, Math.floor(Number(query.feedback_page ?? 1)) || 1);
    const reader = await readerOf(request);
    const html = await cachedFigures(
      app.db,
      `dashboard-page|${reader.key}|${period.from}|${period.to}|${feedbackPage}`,
      async () => {
        const figures = await figuresFor(request, period, reader);
        return renderFragment(<DashboardPage {...props} values={period} problems={[]} report={{ period, ...figures }} feedbackPage={feedbackPage} />);
      },
      { size: stringBytes, gate: gateOf(request) },
    );
    // the whole page too, per session, compressed (src/http/kept-response.ts): 370 KB at national scale
    return renderPage(request, reply, { title: t('dashboard.title'), body: <div class="mosaik-dashboard" dangerouslySetInnerHTML={{ __html: html }} />, keep: true });
  });

  app.get('/dashboard/export/:table.:format', { config: { access: figureReaders, heavy: 'when-computed' }, schema: { params: exportParams, querystring: anyFields, hide: true } }, async (request, reply) => {
    const { table: name, format } = request.params;
    if (!(tableNames as readonly string[]).includes(name) || !(exportFormats as readonly string[]).includes(format)) throw new HttpProblem(404, 'notFound');
    const choice = choosePeriod(request.query);
    if (!choice.ok) {
      const detail = choice.problems.map((problem) => request.t(`dashboard.period.${problem.problem}`)).join(' ');
      throw new HttpProblem(400, 'badRequest', detail);
    }
    const table = (await figuresFor(request, choice.period, await readerOf(request))).tables[name as TableName];
    const threshold = readerThreshold(request);
    const fileName = `mosaik-${name.replace(/_/g, '-')}-${choice.period.from}-${choice.period.to}.${format}`;
    reply.type(contentTypes[format as ExportFormat]).header('content-disposition', `attachment; filename="${fileName}"`);
    return format === 'csv' ? tableToCsv(table, threshold) : tableToXlsx(table, threshold);
  });
}

function readerThreshold(request: FastifyRequest): number | null {
  return thresholdFor(request.account?.role, request.server.settings.MOSAIK_SMALL_NUMBER_THRESHOLD);
}

interface Reader {
  view: FeedbackView;
  threshold: number | null;
  /**
   * Everything of the reader the figures depend on, as part of a cache key:
   * the language (labels, number formats), the small-number threshold
   * (funder and evaluator see figures suppressed), the events of the
   * feedback table (a coordinator's districts) and whether open answers show.
   */
  key: string;
}

async function readerOf(request: FastifyRequest): Promise<Reader> {
  const view = await feedbackViewOf(request.server.db, request.account);
  const threshold = readerThreshold(request);
  const districts = view.districts === null ? '*' : JSON.stringify([...view.districts].sort());
  return { view, threshold, key: JSON.stringify([request.language, threshold, districts, view.openAnswers]) };
}

interface Figures {
  tables: Record<TableName, DashboardTable>;
  charts: Record<'event_counts' | 'formats' | 'grants', RenderedChart>;
}

/** The tables and the charts (SVG) of a period as this reader sees them: once per change of the data. */
function figuresFor(request: FastifyRequest, period: ImpactQuery, reader: Reader): Promise<Figures> {
  const db = request.server.db;
  return cachedFigures(
    db,
    `dashboard-figures|${reader.key}|${period.from}|${period.to}`,
    async () => {
      const report = await cachedImpactReport(db, period);
      // the feedback table lists events: a coordinator sees their districts' only (src/modules/feedback/policy.ts)
      const visible = { ...report, feedback: await feedbackEntriesFor(db, reader.view, report.feedback) };
      const formats = numberFormats(request.language);
      const t = request.t;
      const { threshold } = reader;
      const tables = buildTables(visible, { t, formats, hidden: smallCountPaths(visible, threshold) });
      const cellText = (cell: Parameters<typeof displayCell>[0]) => displayCell(cell, threshold, formats);
      const specs = chartSpecs(tables, { eventCounts: t('dashboard.charts.eventCounts'), formats: t('dashboard.charts.formats'), grants: t('dashboard.charts.grants') });
      const chartText = { count: formats.count, hidden: threshold === null ? '' : `< ${formats.count(threshold)}` };
      const chart = (name: keyof typeof specs): RenderedChart => ({ svg: renderBarChart(specs[name], chartText), label: describeChart(specs[name], cellText) });
      return { tables, charts: { event_counts: chart('event_counts'), formats: chart('formats'), grants: chart('grants') } };
    },
    { size: (figures) => 65536 + figures.tables.feedback.rows.length * 2000, gate: gateOf(request) },
  );
}
