import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderPage } from '../../http/render.js';
import { publicEntries } from './meeting-queries.js';
import { SaidDonePage } from './views/public.js';

/** The public page "Sie haben gesagt – wir haben getan" (linked from the portal's menu, in the sitemap). */
export async function publicConcernRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/sie-haben-gesagt', { config: { access: 'public' }, schema: { querystring: z.object({ lang: z.string().optional() }), hide: true } }, async (request, reply) =>
    renderPage(request, reply, {
      title: request.t('concerns.public.title'),
      description: request.t('concerns.public.intro'),
      body: <SaidDonePage t={request.t} language={request.language} entries={await publicEntries(app.db)} />,
    }),
  );
}
