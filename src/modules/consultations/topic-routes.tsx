import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { renderPage } from '../../http/render.js';
import { pageText } from '../../http/validation.js';
import { addTopic, listTopics, moveTopic, renameTopic, setTopicActive } from './topics.js';
import { TopicsPage } from './topic-views.js';

/** The consultation topics staff maintain: add, rename, reorder, switch off (a used topic is never deleted). */

const topicLabels = z.object({ de: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });
const topicAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add') }).extend(topicLabels.shape),
  z.object({ action: z.literal('rename'), key: z.string().max(60) }).extend(topicLabels.shape),
  z.object({ action: z.enum(['activate', 'deactivate', 'up', 'down']), key: z.string().max(60) }),
]);

export async function consultationTopicRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const staffOnly = { access: centreStaff };

  app.get('/consultations/topics', { config: staffOnly, schema: { querystring: z.object({ saved: pageText }), hide: true } }, async (request, reply) => {
    const saved = request.query.saved === '1';
    return renderPage(request, reply, {
      title: request.t('consultations.topics.title'),
      body: TopicsPage({ t: request.t, csrfToken: request.csrfToken, topics: await listTopics(app.db), saved, error: false }),
    });
  });

  app.post('/consultations/topics', { config: staffOnly, schema: { hide: true } }, async (request, reply) => {
    const form = topicAction.safeParse(request.body ?? {});
    let changed = false;
    if (form.success) {
      const action = form.data;
      if (action.action === 'add') changed = Boolean(await addTopic(app.db, { de: action.de, en: action.en }));
      else if (action.action === 'rename') changed = await renameTopic(app.db, action.key, { de: action.de, en: action.en });
      else if (action.action === 'up' || action.action === 'down') changed = await moveTopic(app.db, action.key, action.action);
      else changed = await setTopicActive(app.db, action.key, action.action === 'activate');
    }
    if (changed) return reply.redirect('/consultations/topics?saved=1', 303);
    reply.code(400);
    return renderPage(request, reply, {
      title: request.t('consultations.form.errorPrefix', { title: request.t('consultations.topics.title') }),
      body: TopicsPage({ t: request.t, csrfToken: request.csrfToken, topics: await listTopics(app.db), saved: false, error: true }),
    });
  });
}
