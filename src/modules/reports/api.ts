import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { figureReaders } from '../../http/access.js';
import { gateOf } from '../../http/load.js';
import { translator } from '../../i18n/index.js';
import { feedbackEntriesFor, feedbackViewOf } from '../feedback/index.js';
import { smallCountPaths, suppressReport, thresholdFor } from './suppression.js';
import { cachedImpactReport } from './impact.js';
import { impactQuerySchema, impactReportSchema, type ImpactQuery } from './schemas.js';

/**
 * GET /api/v1/reports/impact (spec/exchange.md, "The impact report"): the same
 * JSON document as `mosaik report impact --format json`.
 *
 * Staff, admins and coordinators get it exactly (coordinators the feedback of
 * their districts' events only). Funder and evaluator get the same document
 * with a top-level array `suppressed`: the paths of the values the one rule of
 * src/modules/reports/suppression.ts hides (counts by 0, the change by
 * null, so the document stays valid). The rule hides only figures broken down
 * by district, municipality, orientation, community or language; the report
 * has none, so the list is empty today and funder and evaluator can
 * reproduce chapter 5.
 */

const responseSchema = impactReportSchema
  .extend({
    suppressed: z
      .array(z.string())
      .optional()
      .describe('funder and evaluator only: paths of the values hidden by the small-number rule, replaced by 0 (or, for change, null); absent for exact figures'),
  })
  .describe('Chapter 5 of the evaluation report for the period');

const fieldProblem = z.object({ field: z.string(), message: z.string(), message_en: z.string() });
const badRequestSchema = z.object({ error: z.literal('badRequest'), message: z.string(), message_en: z.string(), fields: z.array(fieldProblem) });
const errorSchema = z.object({ error: z.string(), message: z.string(), message_en: z.string() });

interface ValidationItem {
  instancePath: string;
  message?: string;
  params?: { params?: { de?: string; en?: string } };
}

/** Messages of the period schema carry German and English (params, or "de / en"). */
function fieldMessages(item: ValidationItem) {
  const [de, en] = (item.message ?? '').split(' / ');
  const field = item.instancePath.replace(/^\//, '') || 'from';
  return { field, message: item.params?.params?.de ?? de, message_en: item.params?.params?.en ?? en ?? de };
}

export async function reportsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/reports/impact',
    {
      config: { access: figureReaders, heavy: 'when-computed' },
      attachValidation: true,
      schema: {
        tags: ['reports'],
        summary: 'The impact report for a period (chapter 5 of the evaluation report)',
        description:
          'Both days are included. Roles admin, staff and coordinator receive exact figures (coordinators: feedback of their districts\' events only); ' +
          'funder and evaluator receive the document with "suppressed": the paths of values hidden by the small-number rule (docs/privacy.md), replaced by 0 ' +
          '(change: null). The rule hides only figures broken down by district, municipality, orientation, community or language, never period totals, ' +
          'the distribution of organisations by number of events or means.',
        querystring: impactQuerySchema,
        response: { 200: responseSchema, 400: badRequestSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      if (request.validationError) {
        const fields = (request.validationError.validation as unknown as ValidationItem[]).map(fieldMessages);
        const english = translator('en');
        const inLanguage = fields.map((field) => (request.language === 'en' ? field.message_en : field.message));
        return reply.code(400).send({
          error: 'badRequest',
          message: `${request.t('dashboard.api.invalidQuery')} ${inLanguage.join(' ')}`,
          message_en: `${english('dashboard.api.invalidQuery')} ${fields.map((field) => field.message_en).join(' ')}`,
          fields,
        });
      }
      // computed once per period and change of the data (figures-cache.ts); shared, so copied before filtering
      const cached = await cachedImpactReport(app.db, request.query, gateOf(request));
      // per-event feedback: a coordinator's districts' events only (src/modules/feedback/policy.ts)
      const report = { ...cached, feedback: await feedbackEntriesFor(app.db, await feedbackViewOf(app.db, request.account), cached.feedback) };
      const threshold = thresholdFor(request.account?.role, app.settings.MOSAIK_SMALL_NUMBER_THRESHOLD);
      if (threshold === null) return report;
      return suppressReport(report, smallCountPaths(report, threshold));
    },
  );
}
