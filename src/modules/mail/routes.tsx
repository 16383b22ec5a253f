import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { pageText } from '../../http/validation.js';
import { countFailedMails, findOutboxMail, listOutbox, outboxStatuses } from './outbox.js';
import { OutboxMailPage, OutboxPage } from './views.js';

/**
 * The outbox page: every mail, queued or sent, newest first. Mails name
 * persons and carry manage links, so only centre staff see them.
 */

const pageSize = 200;

export async function mailRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/outbox', { config: { access: centreStaff }, schema: { querystring: z.object({ status: pageText }) } }, async (request, reply) => {
    const wanted = request.query.status;
    const status = outboxStatuses.find((candidate) => candidate === wanted);
    const [mails, failed] = await Promise.all([listOutbox(app.db, { status, limit: pageSize }), countFailedMails(app.db)]);
    return renderPage(request, reply, {
      title: request.t('mail.outbox.title'),
      body: <OutboxPage t={request.t} language={request.language} mails={mails} status={status} limit={pageSize} failed={failed} />,
    });
  });

  app.get('/outbox/:id', { config: { access: centreStaff }, schema: { params: z.object({ id: z.string() }) } }, async (request, reply) => {
    const id = Number(request.params.id);
    const mail = Number.isSafeInteger(id) && id > 0 ? await findOutboxMail(app.db, id) : undefined;
    if (!mail) throw new HttpProblem(404, 'notFound');
    // the body may hold a manage link: never leak it through the Referer header
    reply.header('referrer-policy', 'no-referrer');
    return renderPage(request, reply, { title: mail.subject, body: <OutboxMailPage t={request.t} language={request.language} mail={mail} /> });
  });
}
