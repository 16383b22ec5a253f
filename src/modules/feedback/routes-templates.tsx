import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields, pageText } from '../../http/validation.js';
import type { EventFormat } from '../../db/tables.js';
import { reportFormats } from '../reports/index.js';
import type { FormQuestion } from './queries.js';
import { checkTemplateRows, readTemplateRows, saveTemplate, templateQuestions, type TemplateRow } from './templates.js';
import { TemplateEditPage, TemplateListPage } from './views/templates.js';

/** Staff edit the template form of each format (German and English required). */

const newRows = 3;

const formatParams = z.object({ format: z.string() });

function formatOf(request: FastifyRequest): EventFormat {
  const { format } = formatParams.parse(request.params);
  if (!(reportFormats as readonly string[]).includes(format)) throw new HttpProblem(404, 'notFound');
  return format as EventFormat;
}

const rowsOf = (questions: FormQuestion[]): TemplateRow[] => [
  ...questions.map((question, index) => ({ index, kind: question.kind, key: question.key, texts: question.texts, order: index + 1, remove: false, isNew: false })),
  ...Array.from({ length: newRows }, (_, extra) => ({ index: questions.length + extra, kind: 'rating' as const, key: null, texts: { de: '', en: '' }, order: questions.length + extra + 1, remove: false, isNew: true })),
];

export async function templateRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/feedback/templates', { config: { access: centreStaff }, schema: { hide: true } }, async (request, reply) => {
    const templates = [];
    for (const format of reportFormats) templates.push({ format, questions: (await templateQuestions(app.db, format)).questions.length });
    return renderPage(request, reply, { title: request.t('feedback.templates.title'), body: <TemplateListPage t={request.t} templates={templates} /> });
  });

  app.get('/feedback/templates/:format', { config: { access: centreStaff }, schema: { params: formatParams, querystring: z.object({ updated: pageText, kept: pageText }), hide: true } }, async (request, reply) => {
    const format = formatOf(request);
    const { questions } = await templateQuestions(app.db, format);
    const saved = request.query;
    const notice = saved.updated !== undefined ? request.t('feedback.templates.saved', { updated: Number(saved.updated) || 0, kept: Number(saved.kept) || 0 }) : undefined;
    return renderPage(request, reply, {
      title: request.t('feedback.templates.formatTitle', { format: request.t(`feedback.formats.${format}`) }),
      body: <TemplateEditPage t={request.t} csrfToken={request.csrfToken} format={format} rows={rowsOf(questions)} notice={notice} />,
    });
  });

  app.post('/feedback/templates/:format', { config: { access: centreStaff }, schema: { params: formatParams, body: anyFields, hide: true } }, async (request, reply) => {
    const format = formatOf(request);
    const { questions: current } = await templateQuestions(app.db, format);
    const rows = readTemplateRows(request.body, current.length + newRows);
    const { questions, problems } = checkTemplateRows(rows);
    if (problems.length > 0) {
      reply.code(400);
      const errors = problems.map((problem) => ({ field: problem.field, message: request.t(`feedback.templates.errors.${problem.problem}`, { number: problem.index + 1 }) }));
      return renderPage(request, reply, {
        title: request.t('feedback.templates.formatTitle', { format: request.t(`feedback.formats.${format}`) }),
        body: <TemplateEditPage t={request.t} csrfToken={request.csrfToken} format={format} rows={rows} errors={errors} />,
      });
    }
    const outcome = await saveTemplate(app.db, format, questions, request.account?.id ?? null);
    return reply.redirect(`/feedback/templates/${format}?updated=${outcome.updated}&kept=${outcome.kept}`, 303);
  });
}
