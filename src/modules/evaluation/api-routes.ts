import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { methodsQuerySchema, methodsTable, methodsTableSchema } from './methods.js';
import { methodsReaders } from './routes-workspace.js';

/**
 * GET /api/v1/reports/evaluation (docs/exchange.md, "The methods table
 * (`report evaluation`)"): the same document as `mosaik report evaluation
 * --format json`. No personal data: event counts only.
 */

const fieldProblem = z.object({ field: z.string(), message: z.string(), message_en: z.string() });
const badRequestSchema = z.object({ error: z.literal('badRequest'), message: z.string(), message_en: z.string(), fields: z.array(fieldProblem) });
const errorSchema = z.object({ error: z.string(), message: z.string(), message_en: z.string() });
const day = z.iso.date().describe('a day, YYYY-MM-DD; both days are included');

export async function evaluationApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/reports/evaluation',
    {
      config: { access: methodsReaders },
      attachValidation: true,
      schema: {
        tags: ['reports'],
        summary: 'The methods table of the evaluation for a period (report 4.1)',
        description: 'Events of every organiser with start_date in the period, by format: all, those of the centre, those the evaluation observed, and the observed share. Roles admin, staff and evaluator.',
        querystring: z.object({ from: day, to: day }),
        response: { 200: methodsTableSchema, 400: badRequestSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      // the messages of the period schema (German / English), whether or not the schema above refused the query
      const period = methodsQuerySchema.safeParse(request.query ?? {});
      if (period.success && request.validationError) throw request.validationError;
      if (!period.success) {
        const fields = period.error.issues.map((issue) => {
          const [de, en] = issue.message.split(' / ');
          return { field: String(issue.path[0] ?? 'from'), message: de, message_en: en ?? de };
        });
        return reply.code(400).send({
          error: 'badRequest',
          message: `Der Zeitraum ist ungültig. ${fields.map((field) => `${field.field}: ${field.message}`).join(' ')}`,
          message_en: `The period is not valid. ${fields.map((field) => `${field.field}: ${field.message_en}`).join(' ')}`,
          fields,
        });
      }
      return methodsTable(app.db, period.data);
    },
  );
}
