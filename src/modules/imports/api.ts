import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { translator } from '../../i18n/index.js';
import { importFile, importKinds, importRecords, isImportKind, type ImportKind, type ImportOutcome } from './index.js';
import { findImportJob, startImportJob, type ImportJob, type JobInput } from './jobs.js';
import { isLarge } from './off-thread.js';
import { readMultipart, uploadProblem } from './routes.js';
import { uploadSizeLimit } from './uploads.js';

/**
 * POST /api/v1/imports/{kind} (spec/exchange.md: "the same operations exist in
 * the HTTP API"): a file as multipart/form-data, or JSON records. All or
 * nothing, as on the command line: 422 with every problem and nothing stored.
 */

const message = z.object({ de: z.string(), en: z.string() });

export const importOutcomeSchema = z
  .object({
    kind: z.enum(importKinds as [string, ...string[]]),
    fileName: z.string(),
    rows: z.number().int().describe('rows below the header that hold any value'),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    newOrganisations: z
      .array(z.object({ name: z.string(), normalisedName: z.string(), lines: z.array(z.number().int()) }))
      .describe('organisations created for names that matched nothing; flagged for review'),
    matchedOrganisations: z.number().int().describe('name occurrences that meant a known organisation'),
    problems: z
      .array(
        z.object({
          line: z.number().int().describe('line as in the spreadsheet, header = 1; 0 = the file as a whole'),
          column: z.string().nullable(),
          code: z.string(),
          message: message.describe('what is wrong and how to fix it'),
          more: z.number().int().optional().describe('on the final entry only: how many problems were left off'),
        }),
      )
      .describe('every problem; when there is one, nothing was stored'),
    stored: z.boolean().describe('true when the changes were committed'),
  })
  .describe('What the import did (or, for a dry run, would do)');

const errorSchema = z.object({ error: z.string(), message: z.string(), message_en: z.string() });
/**
 * A refused request: an unknown kind or no file, or (error "badRequest") a
 * query or body the route's schema refused, then with one issue per field,
 * as src/http/errors.ts sends them (the shared ValidationProblem).
 */
const refusalSchema = errorSchema.extend({
  issues: z
    .array(
      z.object({
        field: z.string().describe('Dotted path of the field, e.g. "dry_run" or "records.3.name"; empty for the whole input'),
        location: z.enum(['body', 'querystring', 'params', 'headers']).describe('Where the field was sent'),
        code: z.string().describe('The rule that failed (invalid_type, invalid_value, …)'),
        message: z.string().describe('What is wrong and how to fix it, in the language of the request'),
        message_en: z.string().describe('The same in English'),
      }),
    )
    .optional()
    .describe('One entry per refused field, when the query or body failed validation; a list whose rows fail the checks answers 422 with the outcome instead'),
});

const params = z.object({ kind: z.string().max(50).describe(`one of: ${importKinds.join(', ')}`) });
const querystring = z.object({
  dry_run: z.enum(['true', 'false']).default('false').describe('true: check and count only, store nothing'),
  background: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: answer 202 with a job at once; false: wait for the outcome. Default: in the background for large lists (over 512 KB of CSV, 2 MB unpacked XLSX or 5,000 records)'),
});

export const importJobSchema = z
  .object({
    id: z.number().int(),
    url: z.string().describe('where to ask for the status: GET /api/v1/imports/jobs/{id}'),
    kind: z.string(),
    fileName: z.string(),
    dryRun: z.boolean(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number().int().describe('0 to 100'),
    result: importOutcomeSchema.nullable().describe('when done: the outcome (stored false when any row has a problem)'),
    failure: message.nullable().describe('when failed: why; nothing was stored'),
  })
  .describe('An import running in the background');
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const recordsBody = z
  .object({ records: z.array(z.record(z.string(), cell)).max(200_000).optional().describe('one object per row, keyed by the column names of the list') })
  .describe('JSON records; or send multipart/form-data with the list (CSV or XLSX) in the field "file"');

export async function importsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/v1/imports/:kind',
    {
      config: { access: centreStaff },
      bodyLimit: uploadSizeLimit,
      schema: {
        tags: ['imports'],
        summary: 'Import a list (organizations, events, participants, feedback, consultations, grants)',
        description:
          'Send the list as multipart/form-data (field "file", CSV or XLSX as described in spec/exchange.md) or as JSON {"records": [...]}. ' +
          'Responds 200 with the outcome (stored: true unless dry_run), 422 with the outcome when any row has a problem (nothing is stored), 400 for an unknown kind. ' +
          'A large list (or background=true) is imported in the background: 202 with the job and its address in Location; GET it until status is done.',
        params,
        querystring,
        // Documents the JSON form; multipart/form-data (described above) reaches
        // validation without a parsed body, hence nullish. Lenient on purpose:
        // validation runs before the access check, which should answer first.
        body: recordsBody.nullish(),
        response: { 200: importOutcomeSchema, 202: importJobSchema, 422: importOutcomeSchema, 400: refusalSchema, 413: errorSchema },
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const query = request.query;
      const dryRun = query.dry_run === 'true';
      const inBackground = (input: JobInput) => query.background === 'true' || (query.background !== 'false' && isLarge('bytes' in input ? input : { records: input.records }));
      const startJob = async (fileName: string, input: JobInput) => {
        const id = await startImportJob(app.db, { kind: kind as ImportKind, fileName, dryRun, accountId: request.account!.id, input });
        const job = (await findImportJob(app.db, id))!;
        return reply.code(202).header('location', jobUrl(id)).send(presentJob(job));
      };
      const english = translator('en');
      if (!isImportKind(kind)) {
        const values = { kind, kinds: importKinds.join(', ') };
        return reply.code(400).send({ error: 'unknown_kind', message: request.t('imports.api.unknownKind', values), message_en: english('imports.api.unknownKind', values) });
      }
      const options = { dryRun, accountId: request.account!.id };
      let outcome: ImportOutcome;
      if (request.isMultipart()) {
        const form = await readMultipart(request);
        const problem = uploadProblem(request, form);
        if (problem || !form.file) {
          const code = form.tooLarge ? 413 : 400;
          const [error, key] = form.tooLarge ? ['file_too_large', 'imports.errors.tooLarge'] : form.truncated ? ['truncated_upload', 'imports.errors.truncated'] : ['no_file', 'imports.api.noFile'];
          return reply.code(code).send({ error, message: request.t(key), message_en: english(key) });
        }
        if (inBackground({ bytes: form.file.bytes })) return startJob(form.file.name, { bytes: form.file.bytes });
        outcome = await importFile(app.db, kind, { name: form.file.name, bytes: form.file.bytes }, options);
      } else {
        const body = request.body;
        if (!body?.records) return reply.code(400).send({ error: 'no_file', message: request.t('imports.api.noFile'), message_en: english('imports.api.noFile') });
        const records = body.records.map((record) => Object.fromEntries(Object.entries(record).map(([column, value]) => [column, typeof value === 'boolean' ? String(value) : value])));
        if (inBackground({ records })) return startJob(`${kind}.json`, { records });
        outcome = await importRecords(app.db, kind, records, options);
      }
      return reply.code(outcome.problems.length > 0 ? 422 : 200).send(outcome);
    },
  );

  app.get(
    '/api/v1/imports/jobs/:id',
    {
      config: { access: centreStaff },
      schema: {
        tags: ['imports'],
        summary: 'Status, progress and outcome of an import running in the background',
        params: jobParams,
        response: { 200: importJobSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const job = await findImportJob(app.db, id);
      const account = request.account!;
      if (!job || (job.accountId !== account.id && account.role !== 'admin')) {
        const english = translator('en');
        return reply.code(404).send({ error: 'not_found', message: request.t('imports.api.jobNotFound'), message_en: english('imports.api.jobNotFound') });
      }
      return presentJob(job);
    },
  );
}

const jobParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const jobUrl = (id: number) => `/api/v1/imports/jobs/${id}`;

function presentJob(job: ImportJob): z.infer<typeof importJobSchema> {
  return {
    id: job.id,
    url: jobUrl(job.id),
    kind: job.kind,
    fileName: job.fileName,
    dryRun: job.dryRun,
    status: job.status,
    progress: job.progress,
    result: job.outcome,
    failure: job.failure,
  };
}
