import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formTexts } from '../../http/validation.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { berlinDay } from '../../ui/dates.js';
import { EntryProblems, recordWorkshopResults } from './commands/record.js';
import { idOf, text, type FormBody } from './form.js';
import type { EntryInputDraft, FieldProblem } from './input.js';
import { editorRoles } from './policy.js';
import { eventForResults } from './queries.js';
import { ResultsPage, resultRowsDefault } from './views/results.js';
import { fieldErrors } from './views/shared.js';

/**
 * A workshop's results entered after the event ("Ergebnisse erfassen",
 * linked from the event's page): several needs and concerns at once, all
 * stored or none. Rows left empty are skipped; organisations are chosen
 * from those that took part or registered.
 */

const editors = { access: editorRoles };
const eventParams = z.object({ eventId: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const savedQuery = z.object({ saved: z.coerce.number().int().min(0).max(1000).optional().catch(undefined) });

export async function sourceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/concerns/events/:eventId/results', { config: editors, schema: { params: eventParams, querystring: savedQuery, hide: true } }, async (request, reply) => {
    const event = await eventForResults(app.db, request.params.eventId);
    if (!event) throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, {
      title: request.t('concerns.results.title', { event: event.title }),
      body: <ResultsPage t={request.t} language={request.language} csrfToken={request.csrfToken} event={event} rows={resultRowsDefault} values={{}} errors={[]} past={event.start_date <= berlinDay(new Date())}
        notice={request.query.saved ? request.t('concerns.results.saved', { count: request.query.saved }) : undefined} />,
    });
  });

  app.post('/concerns/events/:eventId/results', { config: editors, schema: { params: eventParams, body: formTexts, hide: true } }, async (request, reply) => {
    const event = await eventForResults(app.db, request.params.eventId);
    if (!event) throw new HttpProblem(404, 'notFound');
    const body = request.body;
    const rows = Math.min(Math.max(idOf(text(body, 'rows')) ?? resultRowsDefault, 1), 50);
    const page = (status: number, errors: FieldProblem[], rowCount: number) => {
      reply.code(status);
      return renderPage(request, reply, {
        title: request.t('concerns.results.title', { event: event.title }),
        body: <ResultsPage t={request.t} language={request.language} csrfToken={request.csrfToken} event={event} rows={rowCount} values={body as Record<string, string | string[]>} past={true}
          errors={fieldErrors(request.t, errors, (problem) => `r${problem.row ?? 1}_${problem.field === 'organisations' ? 'title' : problem.field}`)} />,
      });
    };
    if (text(body, 'more') === 'yes') return page(200, [], Math.min(rows + 5, 50));
    if (event.start_date > berlinDay(new Date())) return page(400, [{ field: 'title', code: 'eventNotPast', row: 1 }], rows);
    // the row numbers in messages are the form's, also where an earlier row was left empty
    const filled: { row: number; draft: EntryInputDraft }[] = [];
    const allowed = new Set(event.organisations.map((o) => o.id));
    for (let row = 1; row <= rows; row++) {
      const p = `r${row}_`;
      if (text(body, `${p}title`) === '') continue;
      const organisationIds = [body[`${p}organisationId`] ?? []].flat().map((value) => idOf(String(value))).filter((id): id is number => id !== null && allowed.has(id));
      filled.push({ row, draft: { kind: text(body, `${p}kind`) as EntryInputDraft['kind'], title: text(body, `${p}title`), topic: text(body, `${p}topic`) as EntryInputDraft['topic'], raisedOn: event.start_date, district: event.district, organisationIds, source: { kind: 'event', eventId: event.id } } });
    }
    try {
      const ids = await recordWorkshopResults(app.db, request.account!.id, event.id, filled.map((item) => item.draft));
      return reply.redirect(`/concerns/events/${event.id}/results?saved=${ids.length}`, 303);
    } catch (error) {
      if (!(error instanceof EntryProblems)) throw error;
      // recordWorkshopResults counts the filled rows; say the form's row numbers
      return page(400, error.problems.map((problem) => ({ ...problem, row: problem.row === undefined ? 1 : filled[problem.row - 1]?.row ?? problem.row })), rows);
    }
  });
}
