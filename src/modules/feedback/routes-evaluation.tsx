import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import QRCode from 'qrcode';
import { centreStaff, figureReaders } from '../../http/access.js';
import { gateOf } from '../../http/load.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import type { EventFormat } from '../../db/tables.js';
import { numberFormats } from '../reports/index.js';
import { choosePeriod } from '../reports/index.js';
import { reportFormats } from '../reports/index.js';
import { cachedAnnex } from './annex.js';
import { annexEventCount, annexPdf, pdfEventLimit } from './annex-pdf.js';
import { evaluateEvent } from './evaluation.js';
import { feedbackViewOf, seesEvent } from './policy.js';
import { eventWithForm, feedbackCodeFor, type EventForm } from './queries.js';
import { AnnexPage } from './views/annex.js';
import { EvaluationPage } from './views/evaluation.js';

/** Staff languages only: the evaluation pages are German and English. */
export const staffLanguage = (request: FastifyRequest): 'de' | 'en' => (request.language === 'en' ? 'en' : 'de');

export async function eventFormOf(request: FastifyRequest): Promise<EventForm> {
  const form = await eventWithForm(request.server.db, Number(z.object({ eventId: z.string() }).parse(request.params).eventId));
  if (!form) throw new HttpProblem(404, 'notFound');
  return form;
}

/** The short link of an event's online form and its QR code (SVG, drawn on the server). */
export async function onlineLink(request: FastifyRequest, eventId: number) {
  const code = await feedbackCodeFor(request.server.db, eventId);
  const url = `${request.server.settings.baseUrl.replace(/\/$/, '')}/f/${code}`;
  const qrSvg = (await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })).replace('<svg ', '<svg aria-hidden="true" focusable="false" width="160" height="160" ');
  return { code, url, qrSvg };
}

export async function evaluationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/events/:eventId/feedback', { config: { access: figureReaders }, schema: { hide: true } }, async (request, reply) => {
    const form = await eventFormOf(request);
    const account = request.account!;
    // one policy for every feedback page and export (policy.ts): a coordinator's districts only, no open answers for figures-only roles
    const view = await feedbackViewOf(app.db, account);
    const event = await app.db.selectFrom('event').select(['district']).where('id', '=', form.event.id).executeTakeFirst();
    if (!event || !seesEvent(view, event)) throw new HttpProblem(404, 'notFound');
    const evaluation = await evaluateEvent(app.db, form);
    if (!view.openAnswers) for (const question of evaluation.questions) Object.assign(question, { texts: [], responseIds: [] });
    const isStaff = centreStaff.includes(account.role);
    const staff = isStaff ? await onlineLink(request, form.event.id) : null;
    return renderPage(request, reply, {
      title: request.t('feedback.evaluation.title', { title: form.event.title }),
      body: <EvaluationPage t={request.t} language={staffLanguage(request)} formats={numberFormats(request.language)} event={form.event} evaluation={evaluation} staff={staff} showOpenAnswers={view.openAnswers} />,
    });
  });

  app.get('/feedback/annex', { config: { access: figureReaders, heavy: 'when-computed' }, schema: { querystring: anyFields, hide: true } }, async (request, reply) => {
    const { values, errors, blocks } = await annexOf(request);
    if (errors.length > 0) reply.code(400);
    const page = Math.max(1, Math.floor(Number(request.query.page ?? 1)) || 1);
    return renderPage(request, reply, {
      title: request.t('feedback.annex.title'),
      body: <AnnexPage t={request.t} language={staffLanguage(request)} formats={numberFormats(request.language)} values={values} errors={errors} blocks={blocks} page={page} />,
    });
  });

  // the same annex as a PDF file, drawn on the server (docs/decisions.md: why pdfmake)
  app.get('/feedback/annex.pdf', { config: { access: figureReaders }, schema: { hide: true } }, async (request, reply) => {
    const { values, errors, blocks } = await annexOf(request);
    if (!blocks) throw new HttpProblem(400, 'badRequest', errors.map((error) => error.message).join(' '));
    if (annexEventCount(blocks) > pdfEventLimit) throw new HttpProblem(400, 'badRequest', request.t('feedback.annexPdf.tooMany', { count: annexEventCount(blocks), limit: pdfEventLimit }));
    const language = staffLanguage(request);
    // a copy: pdfmake writes into the document it is given (a list's strings become objects), and the blocks are the cache's
    const pdf = await annexPdf({ t: request.t, language, formats: numberFormats(language), period: { from: values.from, to: values.to }, format: values.format || undefined, blocks: structuredClone(blocks) });
    const name = `${request.t('feedback.annexPdf.filename')}-${values.from}-${values.to}${values.format ? `-${values.format}` : ''}.pdf`;
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(pdf);
  });
}

/** The period and format of the annex from the query string (page and PDF alike), and the annex if both are valid. */
async function annexOf(request: FastifyRequest) {
  const query = anyFields.parse(request.query);
  const choice = choosePeriod(query);
  const format = typeof query.format === 'string' ? query.format : '';
  const formatValid = format === '' || (reportFormats as readonly string[]).includes(format);
  const errors = [
    ...(choice.ok ? [] : [{ field: 'from', message: request.t('feedback.annex.periodInvalid') }]),
    ...(formatValid ? [] : [{ field: 'format', message: request.t('feedback.annex.formatInvalid') }]),
  ];
  const values = { ...(choice.ok ? choice.period : choice.values), format };
  const view = await feedbackViewOf(request.server.db, request.account);
  // computed once per period, format, view and change of the data (src/modules/reports/figures-cache.ts)
  const blocks = choice.ok && formatValid ? await cachedAnnex(request.server.db, { ...choice.period, format: (format || undefined) as EventFormat | undefined }, view, gateOf(request)) : null;
  return { values, errors, blocks };
}
