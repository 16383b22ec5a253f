import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { formTexts } from '../../http/validation.js';
import { carryOpenItemsToNeeds } from './commands/needs.js';
import { staffRoles } from './policy.js';
import { loadCheckHead } from './queries.js';

/**
 * Staff carry a check's open items into the needs log (the form on the
 * result page, views/needs.tsx); back on the result, it says how many were
 * recorded and how many had been before.
 */

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).catch(0) });
const itemKey = z.string().regex(/^[a-z_]{1,40}\.[a-z_]{1,40}$/);

export async function selfcheckNeedsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post('/selfcheck/checks/:id/needs', { config: { access: staffRoles }, schema: { params: idParams, body: formTexts, hide: true } }, async (request, reply) => {
    const head = request.params.id > 0 ? await loadCheckHead(app.db, request.params.id) : null;
    if (!head) throw new HttpProblem(404, 'notFound');
    // the checkboxes: one value or several; anything that is not an item key is no item
    const chosen = [request.body.item ?? []].flat().filter((value) => itemKey.safeParse(value).success);
    const { recorded, already } = await carryOpenItemsToNeeds(app.db, head, chosen, request.account!.id);
    return reply.redirect(`/selfcheck/checks/${head.id}?done=needs-${recorded}-${already}`, 303);
  });
}
