import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { showPortalPage } from '../modules/portal/index.js';

export async function homeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/health', { config: { access: 'public' } }, async () => ({ status: 'ok' }));

  app.get('/', { config: { access: 'public' } }, async (request, reply) => {
    // a representative may not see the dashboard: their home is "Mein Bereich"
    if (request.account) return reply.redirect(request.account.role === 'representative' ? '/my' : '/dashboard', 303);
    // visitors see the portal's home page (src/modules/portal), written by the centre's staff
    return showPortalPage(fastify, request, reply, 'home');
  });
}
