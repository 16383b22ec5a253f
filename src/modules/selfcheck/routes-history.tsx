import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { auditRead, randomToken } from '../identity/index.js';
import { fillerRoles, mayFillFor } from './policy.js';
import { differenceOf } from './present.js';
import { consultationsOf, organisationHistory, organisationOf } from './queries.js';
import { fillerOrFail } from './routes.js';
import { HistoryPage } from './views/history.js';

/**
 * An organisation's Vereins-Checks over time, for its representatives and
 * the centre's advisers (the organisations module has no extension point on
 * its profile yet, so the history is this page, linked from the check's result
 * and the staff's start page). Staff start a check with the organisation here.
 */

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).catch(0) });

export async function selfcheckHistoryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/selfcheck/organisations/:id', { config: { access: fillerRoles }, schema: { params: idParams, querystring: anyFields, hide: true } }, async (request, reply) => {
    const filler = await fillerOrFail(request);
    const organisation = request.params.id > 0 ? await organisationOf(app.db, request.params.id) : undefined;
    if (!organisation || !mayFillFor(filler, organisation.id)) throw new HttpProblem(404, 'notFound');
    if (filler.kind === 'staff') await auditRead(app.db, filler.accountId, 'selfcheck_history', organisation.id);
    const history = await organisationHistory(app.db, organisation.id);
    const [latest, previous] = history.checks;
    return renderPage(request, reply, {
      title: request.t('selfcheck.history.title', { organisation: organisation.name }),
      body: HistoryPage({
        t: request.t, language: request.language, csrfToken: request.csrfToken, organisation, checks: history.checks, areas: history.areas,
        difference: latest && previous ? differenceOf(history.areas, previous.answers, latest.answers) : null, draftId: history.draftId,
        adviser: filler.kind === 'staff' ? { token: randomToken(), consultations: await consultationsOf(app.db, organisation.id) } : null,
        ownToken: filler.kind === 'representative' ? randomToken() : null,
      }),
    });
  });
}
