import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { DomainError } from '../domain-error.js';
import { markQuestionHandled, saveFaqEntry } from './commands.js';
import { faqBody, parseFaqForm } from './form.js';
import { findEntryForStaff, openQuestions, staffFaqList } from './queries.js';
import { FaqEntryForm, QuestionQueue, StaffFaqList } from './staff-views.js';

/** The staff side of the FAQ: the list with states and "did this help?" counts, the entry form, the readers' questions. */

const access = { access: centreStaff };
const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const noticeQuery = z.object({ saved: z.string().optional() });

export async function staffFaqRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/staff/faq', { config: access, schema: { querystring: noticeQuery } }, async (request, reply) =>
    renderPage(request, reply, {
      title: request.t('faq.staff.title'),
      body: <StaffFaqList t={request.t} entries={await staffFaqList(app.db)} notice={request.query.saved === '1' ? request.t('faq.staff.saved') : undefined} />,
    }),
  );

  app.get('/staff/faq/new', { config: access }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('faq.staff.new'), body: <FaqEntryForm t={request.t} language={request.language} csrfToken={request.csrfToken} errors={[]} /> }),
  );

  async function save(request: FastifyRequest, reply: FastifyReply, body: Record<string, string>, id?: number) {
    const entry = id === undefined ? undefined : await findEntryForStaff(app.db, id);
    if (id !== undefined && !entry) throw new HttpProblem(404, 'notFound');
    const { input, problems } = parseFaqForm(body);
    if (problems.length > 0) {
      reply.code(400);
      const errors = problems.map((problem) => ({ field: problem.field, message: request.t(`faq.errors.${problem.code}`, { language: request.t(`faq.languages.${problem.field.split('_')[1] ?? 'de'}`) }) }));
      return renderPage(request, reply, { title: request.t(entry ? 'faq.staff.edit' : 'faq.staff.new'), body: <FaqEntryForm t={request.t} language={request.language} csrfToken={request.csrfToken} entry={entry} values={body} errors={errors} /> });
    }
    await saveFaqEntry(app.db, request.account!.id, input, id);
    return reply.redirect('/staff/faq?saved=1', 303);
  }

  app.post('/staff/faq', { config: access, schema: { body: faqBody, hide: true } }, async (request, reply) => save(request, reply, request.body));

  app.get('/staff/faq/questions', { config: access, schema: { querystring: noticeQuery } }, async (request, reply) =>
    renderPage(request, reply, {
      title: request.t('faq.staff.questions'),
      body: <QuestionQueue t={request.t} language={request.language} csrfToken={request.csrfToken} questions={await openQuestions(app.db)} notice={request.query.saved === '1' ? request.t('faq.staff.questionDone') : undefined} />,
    }),
  );

  app.post('/staff/faq/questions/:id/done', { config: access, schema: { params: idParams, hide: true } }, async (request, reply) => {
    try {
      await markQuestionHandled(app.db, request.account!.id, request.params.id, new Date());
    } catch (error) {
      if (error instanceof DomainError && error.code === 'notFound') throw new HttpProblem(404, 'notFound');
      throw error;
    }
    return reply.redirect('/staff/faq/questions?saved=1', 303);
  });

  app.get('/staff/faq/:id', { config: access, schema: { params: idParams } }, async (request, reply) => {
    const entry = await findEntryForStaff(app.db, request.params.id);
    if (!entry) throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, { title: request.t('faq.staff.edit'), body: <FaqEntryForm t={request.t} language={request.language} csrfToken={request.csrfToken} entry={entry} errors={[]} /> });
  });

  app.post('/staff/faq/:id', { config: access, schema: { params: idParams, body: faqBody, hide: true } }, async (request, reply) => save(request, reply, request.body, request.params.id));
}
