import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { confirmClaim, pendingClaims, rejectClaim, type DecisionOutcome } from './claims.js';
import { ClaimsPage, type ClaimProblem, type ClaimsDone } from './claims-views.js';

/** /claims: centre staff confirm or reject representatives' organisation claims. */

const claimId = z.coerce.number().int().positive().max(2_147_483_647);
const cell = z.preprocess((value) => (Array.isArray(value) ? value[0] : value ?? ''), z.string());
const confirmForm = z.object({ existing: cell.pipe(z.string().trim().max(300)).catch('') });
const rejectForm = z.object({ note: cell.pipe(z.string().trim().max(2000)) });
const doneQuery = z.object({ done: z.enum(['confirmed', 'rejected']).optional().catch(undefined) });

const parseId = (request: FastifyRequest) => {
  const parsed = z.object({ id: claimId }).safeParse(request.params);
  if (!parsed.success) throw new HttpProblem(404, 'notFound');
  return parsed.data.id;
};

export async function claimsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: centreStaff };
  const myLink = () => `${app.settings.baseUrl}/my`;

  async function showQueue(request: FastifyRequest, reply: FastifyReply, options: { done?: ClaimsDone; problem?: ClaimProblem } = {}) {
    if (options.problem) reply.code(400);
    const title = request.t('accounts.queue.title');
    return renderPage(request, reply, {
      title: options.problem ? request.t('accounts.form.errorPrefix', { title }) : title,
      body: ClaimsPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, claims: await pendingClaims(app.db), done: options.done, problem: options.problem }),
    });
  }

  /** The outcome as the queue shows it: back to the queue, or the queue with the problem at that claim. */
  function answer(request: FastifyRequest, reply: FastifyReply, id: number, outcome: DecisionOutcome, done: ClaimsDone) {
    if (outcome.ok) return reply.redirect(`/claims?done=${done}`, 303);
    if (outcome.problem === 'notFound') throw new HttpProblem(404, 'notFound');
    const message =
      outcome.problem === 'nameTaken'
        ? request.t('accounts.queue.errors.nameTaken', { name: outcome.organisationName })
        : request.t(`accounts.queue.errors.${outcome.problem}`);
    // a claim decided meanwhile is no longer in the queue: say so at the top
    if (outcome.problem === 'notPending') return showQueue(request, reply, { problem: { claimId: id, field: 'note', message } });
    return showQueue(request, reply, { problem: { claimId: id, field: 'existing', message } });
  }

  app.get('/claims', { config, schema: { querystring: doneQuery, hide: true } }, async (request, reply) => showQueue(request, reply, request.query));

  app.post('/claims/:id/confirm', { config, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const form = confirmForm.parse(request.body);
    const outcome = await confirmClaim(app.db, id, { actorId: request.account!.id, note: null, myLink: myLink(), existingName: form.existing || undefined });
    return answer(request, reply, id, outcome, 'confirmed');
  });

  app.post('/claims/:id/reject', { config, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const form = rejectForm.safeParse(request.body);
    if (!form.success || form.data.note === '') {
      return showQueue(request, reply, { problem: { claimId: id, field: 'note', message: request.t(form.success ? 'accounts.queue.errors.noteRequired' : 'accounts.queue.errors.noteTooLong') } });
    }
    const outcome = await rejectClaim(app.db, id, { actorId: request.account!.id, note: form.data.note, myLink: myLink() });
    return answer(request, reply, id, outcome, 'rejected');
  });
}
