import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields, pageText } from '../../http/validation.js';
import type { FieldError } from '../../ui/forms.js';
import { readAnswers, type AnswerError } from './answers.js';
import { listResponses } from './evaluation.js';
import type { EventForm } from './queries.js';
import { eventFormOf, onlineLink, staffLanguage } from './routes-evaluation.js';
import { isLanguage, translator } from '../../i18n/index.js';
import { numberFormats } from '../reports/index.js';
import { PaperPage } from './views/paper.js';
import { deleteResponse, enterPaperForm } from './store.js';
import { questionText } from './translations.js';
import { cellLabel, EntryPage } from './views/entry.js';

/** Staff type in returned paper forms, one per row; a value outside the scale is refused on the spot. */
const eventParams = z.object({ eventId: z.string() });
const responseParams = z.object({ eventId: z.string(), responseId: z.string() });

export async function entryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  async function showEntry(request: FastifyRequest, reply: FastifyReply, form: EventForm, extra: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {}) {
    const responses = await listResponses(app.db, form.event.id);
    return renderPage(request, reply, {
      title: request.t('feedback.entry.title', { title: form.event.title }),
      body: <EntryPage t={request.t} language={staffLanguage(request)} csrfToken={request.csrfToken} event={form.event} questions={form.questions} responses={responses} {...extra} />,
    });
  }

  app.get('/events/:eventId/feedback/paper', { config: { access: centreStaff }, schema: { params: eventParams, querystring: z.object({ language: pageText }), hide: true } }, async (request, reply) => {
    const form = await eventFormOf(request);
    const wanted = request.query.language;
    const formLanguage = isLanguage(wanted) ? wanted : request.language;
    const online = await onlineLink(request, form.event.id);
    return renderPage(request, reply, {
      title: request.t('feedback.paper.title', { title: form.event.title }),
      body: <PaperPage t={request.t} formT={translator(formLanguage)} formLanguage={formLanguage} formats={numberFormats(request.language)} event={form.event} questions={form.questions} online={online} />,
    });
  });

  app.get('/events/:eventId/feedback/entry', { config: { access: centreStaff }, schema: { params: eventParams, querystring: z.object({ saved: pageText, deleted: pageText }), hide: true } }, async (request, reply) => {
    const form = await eventFormOf(request);
    const query = request.query;
    const key = /^[a-z0-9-]{1,40}$/.test(query.saved ?? query.deleted ?? '') ? (query.saved ?? query.deleted)! : undefined;
    const notice = key ? request.t(query.saved ? 'feedback.entry.saved' : 'feedback.entry.deleted', { key }) : undefined;
    return showEntry(request, reply, form, { notice });
  });

  app.post('/events/:eventId/feedback/entry', { config: { access: centreStaff }, schema: { params: eventParams, body: anyFields, hide: true } }, async (request, reply) => {
    const form = await eventFormOf(request);
    const { answers, errors, values } = readAnswers(form.questions, request.body);
    if (errors.length > 0) {
      reply.code(400);
      const language = staffLanguage(request);
      const message = (error: AnswerError) =>
        request.t(`feedback.staffErrors.${error.problem}`, {
          label: cellLabel(form.questions, error.question, language).replace(/^q/, ''),
          question: questionText(error.question.texts, language),
          value: error.value,
        });
      return showEntry(request, reply, form, { values, errors: errors.map((error) => ({ field: error.field, message: message(error) })) });
    }
    const key = await enterPaperForm(app.db, { eventId: form.event.id, accountId: request.account?.id ?? null, answers });
    return reply.redirect(`/events/${form.event.id}/feedback/entry?saved=${key}`, 303);
  });

  app.post('/events/:eventId/feedback/entry/:responseId/delete', { config: { access: centreStaff }, schema: { params: responseParams, hide: true } }, async (request, reply) => {
    const form = await eventFormOf(request);
    const responseId = Number(request.params.responseId);
    const key = Number.isSafeInteger(responseId) && responseId > 0 && responseId < 2 ** 31
      ? (await app.db.selectFrom('feedback_response').select('response_key').where('id', '=', responseId).where('event_id', '=', form.event.id).executeTakeFirst())?.response_key
      : undefined;
    if (!key || !(await deleteResponse(app.db, { eventId: form.event.id, responseId, accountId: request.account?.id ?? null }))) throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/events/${form.event.id}/feedback/entry?deleted=${encodeURIComponent(key)}`, 303);
  });
}
