import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { multipartCsrfMatches } from '../../http/context.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { readMultipart } from '../imports/index.js';
import { addReceipt, deleteReceipt, tickTask, uploadDocument } from './commands/keeping.js';
import { findDocument } from './queries.js';
import { formInputOf, parseReceiptForm, type FormError, type FormInput } from './form.js';
import { keeperRoles, projectRoles } from './policy.js';
import { proofPdf, proofXlsx } from './proof.js';
import { keepableDossier, projectIdParams, readableDossier, showProject } from './routes.js';
import { MoneyPage } from './views/money.js';
import { findReport } from './report.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Dossier } from './dossier.js';
import type { Viewer } from './policy.js';
import { mayKeep } from './policy.js';

/**
 * What the association and its adviser keep on a project: the checklist's
 * ticks, the receipts (with the money checks and the proof of use as PDF and
 * XLSX, with the Sachbericht of routes-report.tsx) and the documents.
 */

const receiptParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).catch(0), receiptId: z.coerce.number().int().positive().max(2_147_483_647).catch(0) });
const documentParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).catch(0), documentId: z.coerce.number().int().positive().max(2_147_483_647).catch(0) });
const moneyQuery = z.object({ done: z.string().max(40).optional().catch(undefined), lang: z.string().optional() });
const proofQuery = z.object({ lang: z.enum(['de', 'en']).catch('de') });

export async function keepingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  function showMoney(request: FastifyRequest, reply: FastifyReply, viewer: Viewer, dossier: Dossier, options: { input?: FormInput; errors?: FormError[]; done?: string } = {}) {
    if (options.errors?.length) reply.code(400);
    const title = request.t('microprojects.money.title', { project: dossier.project.title });
    return renderPage(request, reply, {
      title: options.errors?.length ? request.t('microprojects.form.errorPrefix', { title }) : title,
      body: MoneyPage({
        t: request.t, language: request.language, csrfToken: request.csrfToken, dossier, input: options.input ?? { kept: 'yes' }, errors: options.errors ?? [], done: options.done,
        mayKeep: mayKeep(viewer, { organisationId: dossier.project.organisation_id, district: dossier.project.district }),
      }),
    });
  }

  app.post('/microprojects/:id/tasks', { config: { access: keeperRoles }, schema: { params: projectIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { viewer, dossier } = await keepableDossier(request, request.params.id);
    const input = formInputOf(request.body);
    const outcome = await tickTask(app.db, request.account!.id, dossier.project.id, input.task ?? '', input.done !== 'no');
    if (!outcome.ok) return showProject(request, reply, viewer, dossier, { errors: outcome.errors });
    return reply.redirect(`/microprojects/${dossier.project.id}?done=task#task-${outcome.value}`, 303);
  });

  app.get('/microprojects/:id/receipts', { config: { access: projectRoles }, schema: { params: projectIdParams, querystring: moneyQuery, hide: true } }, async (request, reply) => {
    const { viewer, dossier } = await readableDossier(request, request.params.id);
    return showMoney(request, reply, viewer, dossier, { done: request.query.done });
  });

  app.post('/microprojects/:id/receipts', { config: { access: keeperRoles }, schema: { params: projectIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { viewer, dossier } = await keepableDossier(request, request.params.id);
    const input = formInputOf(request.body);
    const parsed = parseReceiptForm(input, { startsOn: dossier.project.starts_on, endsOn: dossier.project.ends_on });
    if (!parsed.ok) return showMoney(request, reply, viewer, dossier, { input, errors: parsed.errors });
    await addReceipt(app.db, request.account!.id, dossier.project.id, parsed.value);
    return reply.redirect(`/microprojects/${dossier.project.id}/receipts?done=receipt`, 303);
  });

  app.post('/microprojects/:id/receipts/:receiptId/delete', { config: { access: keeperRoles }, schema: { params: receiptParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { dossier } = await keepableDossier(request, request.params.id);
    if (!(await deleteReceipt(app.db, request.account!.id, dossier.project.id, request.params.receiptId))) throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/microprojects/${dossier.project.id}/receipts?done=deleted`, 303);
  });

  app.get('/microprojects/:id/proof.pdf', { config: { access: projectRoles }, schema: { params: projectIdParams, querystring: proofQuery, hide: true } }, async (request, reply) => {
    const { dossier } = await readableDossier(request, request.params.id);
    const pdf = await proofPdf(dossier, request.query.lang, await findReport(app.db, dossier.project.id));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="verwendungsnachweis-${dossier.project.id}.pdf"`).send(pdf);
  });

  app.get('/microprojects/:id/proof.xlsx', { config: { access: projectRoles }, schema: { params: projectIdParams, querystring: proofQuery, hide: true } }, async (request, reply) => {
    const { dossier } = await readableDossier(request, request.params.id);
    const xlsx = await proofXlsx(dossier, request.query.lang, await findReport(app.db, dossier.project.id));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="verwendungsnachweis-${dossier.project.id}.xlsx"`)
      .send(xlsx);
  });

  app.post('/microprojects/:id/documents', { config: { access: keeperRoles, csrfInMultipart: true }, schema: { params: projectIdParams, hide: true } }, async (request, reply) => {
    const form = await readMultipart(request, 'document');
    if (!form.notMultipart && !multipartCsrfMatches(request, form.fields._csrf)) throw new HttpProblem(403, 'csrf');
    const { viewer, dossier } = await keepableDossier(request, request.params.id);
    if (!form.file) return showProject(request, reply, viewer, dossier, { errors: [{ field: 'document', code: form.tooLarge ? 'fileTooLarge' : 'fileMissing' }] });
    const outcome = await uploadDocument(app.db, request.account!.id, dossier.project.id, { fileName: form.file.name, content: form.file.bytes, truncated: form.tooLarge });
    if (!outcome.ok) return showProject(request, reply, viewer, dossier, { errors: outcome.errors });
    return reply.redirect(`/microprojects/${dossier.project.id}?done=document#documents`, 303);
  });

  app.get('/microprojects/:id/documents/:documentId', { config: { access: keeperRoles }, schema: { params: documentParams, hide: true } }, async (request, reply) => {
    const { dossier } = await keepableDossier(request, request.params.id);
    const document = request.params.documentId > 0 ? await findDocument(app.db, dossier.project.id, request.params.documentId) : undefined;
    if (!document) throw new HttpProblem(404, 'notFound');
    const asciiName = document.file_name.replace(/[^\w.-]/g, '_');
    return reply
      .type(document.content_type)
      .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(document.file_name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(document.content));
  });
}
