import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderPage } from './render.js';

export async function homeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/health', { config: { access: 'public' } }, async () => ({ status: 'ok' }));

  app.get('/', { config: { access: 'public' } }, async (request, reply) => {
    // a representative may not see the dashboard: their home is "Mein Bereich"
    if (request.account) return reply.redirect(request.account.role === 'representative' ? '/my' : '/dashboard', 303);
    const t = request.t;
    return renderPage(request, reply, {
      title: t('app.name'),
      body: (
        <div class="kern-stack-md">
          <h1 class="kern-heading-x-large">{t('app.name')}</h1>
          <p class="kern-body--large">{t('app.tagline')}</p>
          <p class="mosaik-actions">
            <a class="kern-btn kern-btn--primary" href="/calendar">
              <span class="kern-label">{t('nav.calendar')}</span>
            </a>{' '}
            <a class="kern-btn kern-btn--secondary" href="/sign-in">
              <span class="kern-label">{t('nav.signIn')}</span>
            </a>
          </p>
        </div>
      ),
    });
  });
}
