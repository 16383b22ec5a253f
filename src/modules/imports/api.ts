import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { translator } from '../../i18n/index.js';
import { importFile, importKinds, importRecords, isImportKind, type ImportOutcome } from './index.js';
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

const params = z.object({ kind: z.string().max(50).describe(`one of: ${importKinds.join(', ')}`) });
const querystring = z.object({
  dry_run: z.enum(['true', 'false']).default('false').describe('true: check and count only, store nothing'),
});
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const recordsBody = z
  .object({ records: z.array(z.record(z.string(), cell)).max(200_000).optional().describe('one object per row, keyed by the column names of the list') })
  .describe('JSON records; or send multipart/form-data with the list (CSV or XLSX) in the field "file"');

export async function importsApi(app: FastifyInstance) {
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
          'Responds 200 with the outcome (stored: true unless dry_run), 422 with the outcome when any row has a problem (nothing is stored), 400 for an unknown kind.',
        params,
        querystring,
        // Documents the JSON form; multipart/form-data (described above) reaches
        // validation without a parsed body, hence nullish. Lenient on purpose:
        // validation runs before the access check, which should answer first.
        body: recordsBody.nullish(),
        response: { 200: importOutcomeSchema, 422: importOutcomeSchema, 400: errorSchema, 413: errorSchema },
      },
    },
    async (request, reply) => {
      const { kind } = request.params as z.infer<typeof params>;
      const dryRun = (request.query as z.infer<typeof querystring>).dry_run === 'true';
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
          const key = form.tooLarge ? 'imports.errors.tooLarge' : 'imports.api.noFile';
          return reply.code(code).send({ error: form.tooLarge ? 'file_too_large' : 'no_file', message: request.t(key), message_en: english(key) });
        }
        outcome = await importFile(app.db, kind, { name: form.file.name, bytes: form.file.bytes }, options);
      } else {
        const body = request.body as z.infer<typeof recordsBody> | null | undefined;
        if (!body?.records) return reply.code(400).send({ error: 'no_file', message: request.t('imports.api.noFile'), message_en: english('imports.api.noFile') });
        const records = body.records.map((record) => Object.fromEntries(Object.entries(record).map(([column, value]) => [column, typeof value === 'boolean' ? String(value) : value])));
        outcome = await importRecords(app.db, kind, records, options);
      }
      return reply.code(outcome.problems.length > 0 ? 422 : 200).send(outcome);
    },
  );
}
