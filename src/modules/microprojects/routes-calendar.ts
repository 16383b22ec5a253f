import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarFileName, dueDatesCalendar } from './calendar.js';
import { currentTime } from './clock.js';
import { projectRoles } from './policy.js';
import { projectIdParams, readableDossier } from './routes.js';

/**
 * A project's due dates as an iCalendar file, for the association's and the
 * adviser's own calendars. The same access as the project record
 * (policy.ts: the organisation's representatives, centre staff,
 * coordinators of its district; anyone else gets 404), in the reader's
 * language (?lang= as on the project page, which links here with it).
 */

const calendarQuery = z.object({ lang: z.string().optional() });

export async function calendarRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/microprojects/:id/due-dates.ics', { config: { access: projectRoles }, schema: { params: projectIdParams, querystring: calendarQuery, hide: true } }, async (request, reply) => {
    const now = currentTime();
    const { dossier } = await readableDossier(request, request.params.id);
    const text = dueDatesCalendar(dossier, { t: request.t, baseUrl: app.settings.baseUrl, now });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${calendarFileName(dossier.project.id)}"`)
      .header('cache-control', 'private, no-store')
      .send(text);
  });
}
