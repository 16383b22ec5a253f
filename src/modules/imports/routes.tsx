import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { multipartCsrfMatches } from '../../http/context.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { importFile, isImportKind, type ImportKind, type ImportOutcome } from './index.js';
import { deleteUpload, findImportRun, findUpload, latestImportRuns, storeUpload, templateCsv, uploadSizeLimit, type StoredUpload } from './uploads.js';
import { findImportJob, startImportJob } from './jobs.js';
import { isLarge } from './off-thread.js';
import { hasRejectedRows, rejectedRowsCsv } from './rejected.js';
import { JobPage, UploadMissing } from './job-views.js';
import { PreviewPage } from './preview-views.js';
import { ImportsPage, type ImportsPageProps } from './upload-views.js';

/**
 * Imports through the staff web interface (spec/exchange.md): upload a list,
 * see a preview of what would be created, matched and rejected, then confirm
 * or discard. The preview runs the same checks as the import, read only
 * (index.ts previewPrepared): a GET writes nothing and locks nothing.
 */

const access = { access: centreStaff };
const uploadParams = z.object({ uploadId: z.string().min(1).max(100) });
const jobParams = z.object({ jobId: z.coerce.number().int().positive().max(2_147_483_647) });
/** How often the page of a running import reloads itself. */
const jobRefreshSeconds = 2;
const pageQuery = z.object({ kind: z.string().max(50).optional(), done: z.coerce.number().int().positive().optional(), discarded: z.string().optional() });

export async function importsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/imports', { config: access, schema: { querystring: pageQuery.passthrough(), hide: true } }, async (request, reply) => {
    const query = request.query;
    const done = query.done ? await findImportRun(app.db, query.done) : undefined;
    return showUploadForm(request, reply, { selectedKind: query.kind, done, discarded: query.discarded === '1' });
  });

  app.get('/imports/templates/:kind.csv', { config: access, schema: { params: z.object({ kind: z.string() }), hide: true } }, async (request, reply) => {
    const { kind } = request.params;
    if (!isImportKind(kind)) throw new HttpProblem(404, 'notFound');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="mosaik-${kind}.csv"`)
      .send(templateCsv(kind));
  });

  app.post('/imports', { config: { ...access, csrfInMultipart: true }, schema: { hide: true } }, async (request, reply) => {
    const form = await readMultipart(request);
    // the hidden _csrf field comes before the file input, so it is read first (context.ts)
    if (!form.notMultipart && !multipartCsrfMatches(request, form.fields._csrf)) throw new HttpProblem(403, 'csrf');
    const errors: ImportsPageProps['errors'] = [];
    const kind = form.fields.kind;
    if (!kind || !isImportKind(kind)) errors.push({ field: 'kind', message: request.t('imports.errors.chooseKind') });
    const fileError = uploadProblem(request, form);
    if (fileError) errors.push({ field: 'file', message: fileError });
    if (errors.length > 0 || !form.file || !kind) {
      reply.code(form.tooLarge ? 413 : 400);
      return showUploadForm(request, reply, { selectedKind: kind, errors });
    }
    const id = await storeUpload(app.db, { kind, fileName: form.file.name, bytes: form.file.bytes, accountId: request.account!.id });
    return reply.redirect(`/imports/${id}`, 303);
  });

  app.get('/imports/:uploadId', { config: access, schema: { params: uploadParams, hide: true } }, async (request, reply) => {
    const upload = await uploadOf(request, reply);
    if (!upload) return reply;
    if (isLarge({ bytes: upload.bytes })) return startJob(request, reply, upload, true);
    const outcome = await importFile(app.db, upload.kind, { name: upload.fileName, bytes: upload.bytes }, { dryRun: true, accountId: request.account!.id });
    if (outcome.problems.length > 0) reply.code(422);
    return showPreview(request, reply, upload, outcome);
  });

  // The rejected rows of a previewed file, with what is wrong, to correct and upload again (rejected.ts).
  app.get('/imports/:uploadId/rejected.csv', { config: access, schema: { params: uploadParams, hide: true } }, async (request, reply) => {
    const upload = await uploadOf(request, reply);
    if (!upload) return reply;
    const outcome = await importFile(app.db, upload.kind, { name: upload.fileName, bytes: upload.bytes }, { dryRun: true, accountId: request.account!.id });
    const csv = await rejectedRowsCsv(upload.kind, upload.bytes, outcome, request.language === 'de' ? 'de' : 'en');
    if (!csv) return sendMissing(request, reply);
    const base = upload.fileName.replace(/\.(csv|xlsx)$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 100) || 'liste';
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${encodeURIComponent(base)}-fehler.csv"`)
      .send(csv);
  });

  app.post('/imports/:uploadId/confirm', { config: access, schema: { params: uploadParams, hide: true } }, async (request, reply) => {
    const upload = await uploadOf(request, reply);
    if (!upload) return reply;
    const accountId = request.account!.id;
    if (isLarge({ bytes: upload.bytes })) return startJob(request, reply, upload, false);
    const outcome = await importFile(app.db, upload.kind, { name: upload.fileName, bytes: upload.bytes }, { accountId });
    if (!outcome.stored) {
      // Another import changed what this file refers to since the preview.
      reply.code(422);
      return showPreview(request, reply, upload, outcome, true);
    }
    // Not in the import's transaction: a second confirmation would find
    // nothing to change anyway, since imports are idempotent.
    await deleteUpload(app.db, upload.id);
    return reply.redirect(`/imports?done=${outcome.runId}`, 303);
  });

  app.post('/imports/:uploadId/discard', { config: access, schema: { params: uploadParams, hide: true } }, async (request, reply) => {
    const upload = await uploadOf(request, reply);
    if (!upload) return reply;
    await deleteUpload(app.db, upload.id);
    return reply.redirect('/imports?discarded=1', 303);
  });

  app.get('/imports/jobs/:jobId', { config: access, schema: { params: jobParams, hide: true } }, async (request, reply) => {
    const { jobId } = request.params;
    const job = await findImportJob(app.db, jobId);
    const account = request.account!;
    if (!job || (job.accountId !== account.id && account.role !== 'admin')) return sendMissing(request, reply);
    if (job.status === 'done' && job.outcome) {
      const upload = job.uploadId ? await findUpload(app.db, job.uploadId) : undefined;
      if (job.outcome.stored) {
        if (upload) await deleteUpload(app.db, upload.id);
        return reply.redirect(job.outcome.runId ? `/imports?done=${job.outcome.runId}` : '/imports', 303);
      }
      if (!upload) return sendMissing(request, reply);
      if (job.outcome.problems.length > 0) reply.code(422);
      return showPreview(request, reply, upload, job.outcome, !job.dryRun);
    }
    if (job.status !== 'failed') reply.header('refresh', String(jobRefreshSeconds));
    return renderPage(request, reply, {
      title: request.t(job.dryRun ? 'imports.job.checkingTitle' : 'imports.job.storingTitle', { file: job.fileName }),
      body: JobPage({ t: request.t, language: request.language, fileName: job.fileName, dryRun: job.dryRun, status: job.status === 'done' ? 'failed' : job.status, progress: job.progress, failure: job.failure, refreshSeconds: jobRefreshSeconds }),
    });
  });

  /** A large list is checked or stored in the background; its page shows the progress. */
  async function startJob(request: FastifyRequest, reply: FastifyReply, upload: KnownUpload, dryRun: boolean) {
    const input = { bytes: upload.bytes };
    const id = await startImportJob(app.db, { kind: upload.kind, fileName: upload.fileName, dryRun, accountId: request.account!.id, uploadId: upload.id, input });
    return reply.redirect(`/imports/jobs/${id}`, 303);
  }

  async function showUploadForm(request: FastifyRequest, reply: FastifyReply, props: Partial<ImportsPageProps>) {
    const history = await latestImportRuns(app.db, 20);
    return renderPage(request, reply, {
      title: request.t('imports.title'),
      body: ImportsPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, history, ...props }),
    });
  }

  /** The upload named in the address, if this account may see it; otherwise the reply is sent. */
  async function uploadOf(request: FastifyRequest, reply: FastifyReply): Promise<KnownUpload | undefined> {
    const { uploadId } = uploadParams.parse(request.params);
    const upload = await findUpload(app.db, uploadId);
    if (!upload || !isImportKind(upload.kind)) {
      await sendMissing(request, reply);
      return undefined;
    }
    const account = request.account!;
    if (upload.accountId !== account.id && account.role !== 'admin') {
      reply.code(403);
      await renderPage(request, reply, { title: request.t('imports.notYours.title'), body: UploadMissing({ t: request.t, reason: 'notYours' }) });
      return undefined;
    }
    return { ...upload, kind: upload.kind };
  }
}

type KnownUpload = StoredUpload & { kind: ImportKind };

function showPreview(request: FastifyRequest, reply: FastifyReply, upload: StoredUpload, outcome: ImportOutcome, changedSince = false) {
  return renderPage(request, reply, {
    title: request.t('imports.preview.title', { file: upload.fileName }),
    body: PreviewPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, uploadId: upload.id, outcome, changedSince, rejectedHref: hasRejectedRows(outcome) ? `/imports/${upload.id}/rejected.csv` : undefined }),
  });
}

function sendMissing(request: FastifyRequest, reply: FastifyReply) {
  reply.code(404);
  return renderPage(request, reply, { title: request.t('imports.missing.title'), body: UploadMissing({ t: request.t, reason: 'missing' }) });
}

export interface MultipartForm {
  fields: Record<string, string>;
  file?: { field: string; name: string; bytes: Buffer };
  tooLarge: boolean;
  notMultipart: boolean;
  /** The body ended before the form did (a broken connection, a client that gave up). */
  truncated: boolean;
}

/**
 * Reads a multipart form: its text fields and its one file, up to the size
 * limit. An oversized file is read to its end and dropped (not refused midway),
 * so that the browser receives the page that explains the limit.
 */
export async function readMultipart(request: FastifyRequest, fileField = 'file'): Promise<MultipartForm> {
  const form: MultipartForm = { fields: {}, tooLarge: false, notMultipart: !request.isMultipart(), truncated: false };
  if (form.notMultipart) return form;
  // throwFileSizeLimit is read per call by @fastify/multipart but missing from its types
  const options = { limits: { fileSize: uploadSizeLimit }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0];
  try {
    for await (const part of request.parts(options)) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') form.fields[part.fieldname] = part.value;
        continue;
      }
      const bytes = await part.toBuffer();
      // a file input left empty still sends a part, without name or content
      if (!part.filename && bytes.length === 0) continue;
      if (part.file.truncated) form.tooLarge = true;
      else if (part.fieldname === fileField && !form.file) form.file = { field: part.fieldname, name: part.filename || 'upload', bytes };
    }
  } catch (error) {
    // Busboy's "Unexpected end of form" and its kin: the client's fault, said as 400, not 500
    // (security finding 17). Limits @fastify/multipart enforces itself carry 413.
    if ((error as { statusCode?: number }).statusCode === 413) form.tooLarge = true;
    else form.truncated = true;
    request.log.info({ err: error }, 'multipart body unreadable');
    delete form.file;
  }
  return form;
}

/** Why the form's file cannot be used, in the page language; undefined when it can. */
export function uploadProblem(request: FastifyRequest, form: MultipartForm): string | undefined {
  if (form.notMultipart) return request.t('imports.errors.notMultipart');
  if (form.truncated) return request.t('imports.errors.truncated');
  if (form.tooLarge) return request.t('imports.errors.tooLarge');
  if (!form.file) return request.t('imports.errors.chooseFile');
  if (form.file.bytes.length === 0) return request.t('imports.errors.emptyFile', { file: form.file.name });
  return undefined;
}
