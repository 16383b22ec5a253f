import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { barrierQueue, markBarrierAnswered, reportBarrier, type BarrierInput } from './barriers.js';
import { pageEditors } from './policy.js';
import { showPortalPage } from './routes-public.js';
import { BarrierForm, BarrierQueue } from './views/barriers.js';

const statementQuery = z.object({ gemeldet: z.literal('1').optional() });
const reportBody = z.object({ description: z.string().default(''), pageAddress: z.string().default(''), name: z.string().default(''), email: z.string().default('') });
const idParams = z.object({ id: z.coerce.number().int().positive() });
const answerBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const emptyReport: BarrierInput = { description: '', pageAddress: '', name: '', email: '' };

/** The accessibility statement with its form for reported barriers, and the staff queue of reports. */
export async function barrierRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const answerWeeks = () => app.settings.MOSAIK_BARRIER_ANSWER_WEEKS;

  app.get('/barrierefreiheit', { config: { access: 'public' }, schema: { querystring: statementQuery, hide: true } }, async (request, reply) =>
    showPortalPage(fastify, request, reply, 'accessibility', <BarrierForm t={request.t} csrfToken={request.csrfToken} input={emptyReport} errors={[]} sent={request.query.gemeldet === '1'} answerWeeks={answerWeeks()} />),
  );

  // rate-limited: the form needs no account, so it must not become a way to flood the queue
  app.post(
    '/barrierefreiheit/barriere-melden',
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } }, schema: { body: reportBody, hide: true } },
    async (request, reply) => {
      const outcome = await reportBarrier(app.db, request.body, { language: request.language, now: new Date() });
      if (outcome.kind === 'received') return reply.redirect('/barrierefreiheit?gemeldet=1#barrier-form', 303);
      reply.code(400);
      const errors = outcome.errors.map((error) => ({ field: error.field, message: request.t(`portal.barriers.errors.${error.code}`) }));
      return showPortalPage(fastify, request, reply, 'accessibility', <BarrierForm t={request.t} csrfToken={request.csrfToken} input={request.body} errors={errors} sent={false} answerWeeks={answerWeeks()} />);
    },
  );

  app.get('/admin/barriers', { config: { access: pageEditors }, schema: { hide: true } }, async (request, reply) =>
    renderPage(request, reply, {
      title: request.t('portal.barriers.queueTitle'),
      body: <BarrierQueue t={request.t} language={request.language} csrfToken={request.csrfToken} reports={await barrierQueue(app.db, { now: new Date(), answerWeeks: answerWeeks() })} answerWeeks={answerWeeks()} />,
    }),
  );

  app.post('/admin/barriers/:id/answered', { config: { access: pageEditors }, schema: { params: idParams, body: answerBody, hide: true } }, async (request, reply) => {
    const note = request.body[`note-${request.params.id}`];
    const done = await markBarrierAnswered(app.db, { accountId: request.account!.id }, { id: request.params.id, note: typeof note === 'string' ? note : '' }, new Date());
    if (!done) throw new HttpProblem(404, 'notFound');
    return reply.redirect('/admin/barriers', 303);
  });
}
