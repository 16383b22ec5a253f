import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { cachedBody } from '../../http/page-cache.js';
import { renderPage } from '../../http/render.js';
import { DomainError } from '../domain-error.js';
import { recordFaqFeedback } from './commands.js';
import { FaqEntryPage, FaqPage } from './public-views.js';
import { findPublishedEntry, publishedFaq } from './queries.js';
import { isFaqTopic } from './vocabulary.js';

/** The public FAQ: list by topic with search, an entry's page, and "did this help?" (no account, rate-limited). */

const faqQuery = z.object({
  q: z.string().max(200).optional().catch(undefined),
  topic: z.string().optional().catch(undefined).transform((value) => (isFaqTopic(value) ? value : undefined)),
  lang: z.string().optional(),
});
const entryParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const entryQuery = z.object({ thanks: z.string().optional(), lang: z.string().optional() });
const feedbackBody = z.object({ helpful: z.enum(['yes', 'no']).catch('yes'), question: z.string().max(5000).optional(), _csrf: z.string().optional() });

export async function publicFaqRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/faq', { config: { access: 'public' }, schema: { querystring: faqQuery } }, async (request, reply) => {
    const query = request.query.q ?? '';
    // once per change of the data, address and language (src/http/page-cache.tsx)
    const body = await cachedBody(request, async () => (
      <FaqPage t={request.t} language={request.language} entries={await publishedFaq(app.db, request.language, { topic: request.query.topic, query })} query={query} topic={request.query.topic} />
    ));
    return renderPage(request, reply, { title: request.t('faq.public.title'), body });
  });

  app.get('/faq/:id', { config: { access: 'public' }, schema: { params: entryParams, querystring: entryQuery } }, async (request, reply) => {
    const entry = await findPublishedEntry(app.db, request.params.id, request.language);
    if (!entry) throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, {
      title: entry.question,
      body: <FaqEntryPage t={request.t} language={request.language} entry={entry} csrfToken={request.csrfToken} thanks={request.query.thanks === '1'} />,
    });
  });

  app.post(
    '/faq/:id/feedback',
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { params: entryParams, body: feedbackBody, hide: true } },
    async (request, reply) => {
      try {
        await recordFaqFeedback(app.db, { entryId: request.params.id, helpful: request.body.helpful === 'yes', question: request.body.question ?? null, language: request.language });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'notFound') throw new HttpProblem(404, 'notFound');
        throw error;
      }
      return reply.redirect(`/faq/${request.params.id}?lang=${request.language}&thanks=1`, 303);
    },
  );
}
