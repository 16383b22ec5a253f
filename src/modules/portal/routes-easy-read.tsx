import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderPage } from '../../http/render.js';
import { easyReadTexts, easyReadTopics, saveEasyRead, type EasyReadInput } from './easy-read.js';
import { pageEditors } from './policy.js';
import { signLanguageVideos } from './sign-language.js';
import { EasyReadForm, EasyReadList, SignLanguageVideoForm } from './views/easy-read.js';

const editors = { access: pageEditors };
const topicParams = z.object({ topic: z.enum(easyReadTopics) });
const easyReadBody = z.object({ title: z.string().default(''), body: z.string().default(''), checkedBy: z.string().default(''), checkedOn: z.string().max(20).default('') });
const videoOutcomes = ['saved', 'removed', 'videoType', 'durationMissing', 'videoTooLarge', 'videoMissing', 'unreadableForm'] as const;
const savedQuery = z.object({ saved: z.literal('1').optional(), cleared: z.literal('1').optional(), video: z.enum(videoOutcomes).optional().catch(undefined) });

/** Staff write the start page's Leichte Sprache explanations and set their "geprüft" mark. */
export async function easyReadRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/admin/leichte-sprache', { config: editors, schema: { hide: true } }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('portal.easyRead.staffTitle'), body: <EasyReadList t={request.t} language={request.language} texts={await easyReadTexts(app.db)} /> }),
  );

  app.get('/admin/leichte-sprache/:topic', { config: editors, schema: { params: topicParams, querystring: savedQuery, hide: true } }, async (request, reply) => {
    const text = (await easyReadTexts(app.db)).find((candidate) => candidate.topic === request.params.topic);
    const input: EasyReadInput = { title: text?.title ?? '', body: text?.body ?? '', checkedBy: text?.checked_by ?? '', checkedOn: text?.checked_on ?? '' };
    const notices = [...(request.query.saved ? [request.t('portal.easyRead.saved')] : []), ...(request.query.cleared ? [request.t('portal.easyRead.cleared')] : [])];
    const video = (await signLanguageVideos(app.db)).get(request.params.topic);
    const outcome = request.query.video;
    if (outcome && outcome !== 'saved' && outcome !== 'removed') reply.code(400);
    return renderPage(request, reply, {
      title: request.t(`portal.easyRead.topics.${request.params.topic}`),
      body: (
        <>
          <EasyReadForm t={request.t} language={request.language} csrfToken={request.csrfToken} topic={request.params.topic} input={input} errors={[]} notices={notices} />
          <SignLanguageVideoForm t={request.t} language={request.language} csrfToken={request.csrfToken} topic={request.params.topic} video={video} outcome={outcome} />
        </>
      ),
    });
  });

  app.post('/admin/leichte-sprache/:topic', { config: editors, schema: { params: topicParams, body: easyReadBody, hide: true } }, async (request, reply) => {
    const outcome = await saveEasyRead(app.db, { accountId: request.account!.id }, request.params.topic, request.body);
    if (outcome.kind === 'saved') return reply.redirect(`/admin/leichte-sprache/${request.params.topic}?saved=1${outcome.checkCleared ? '&cleared=1' : ''}`, 303);
    reply.code(400);
    const errors = outcome.errors.map((error) => ({ field: error.field, message: request.t(`portal.errors.${error.code}`) }));
    return renderPage(request, reply, {
      title: request.t(`portal.easyRead.topics.${request.params.topic}`),
      body: <EasyReadForm t={request.t} language={request.language} csrfToken={request.csrfToken} topic={request.params.topic} input={request.body} errors={errors} notices={[]} />,
    });
  });
}
