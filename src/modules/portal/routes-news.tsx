import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { publicLanguages, type Language } from '../../i18n/index.js';
import { todayInBerlin } from '../events/index.js';
import { newsForStaff, newsPost, publishedNews, saveNewsPost, type NewsInput } from './news.js';
import { sourceLanguage } from './pages.js';
import { pageEditors } from './policy.js';
import { NewsArticle, NewsForm, NewsList, StaffNewsList } from './views/news.js';

const editors = { access: pageEditors };
const idParams = z.object({ id: z.coerce.number().int().positive() });
const textParams = idParams.extend({ language: z.enum(publicLanguages) });
const newsBody = z.object({ title: z.string().default(''), summary: z.string().default(''), body: z.string().default(''), publishedOn: z.string().max(20).optional() });
const savedQuery = z.object({ saved: z.literal('1').optional(), cleaned: z.literal('1').optional() });

/** News posts: public list and pages, and the staff forms that write them. */
export async function newsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/aktuelles', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const news = await publishedNews(app.db, { today: await todayInBerlin(app.db), language: request.language });
    return renderPage(request, reply, { title: request.t('portal.news.title'), body: <NewsList t={request.t} language={request.language} news={news} /> });
  });

  app.get('/aktuelles/:id', { config: { access: 'public' }, schema: { params: idParams, hide: true } }, async (request, reply) => {
    const [item] = await publishedNews(app.db, { today: await todayInBerlin(app.db), language: request.language, postId: request.params.id });
    if (!item) throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, { title: item.title, description: item.summary || undefined, body: <NewsArticle t={request.t} language={request.language} item={item} /> });
  });

  app.get('/admin/news', { config: editors, schema: { hide: true } }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('portal.news.staffTitle'), body: <StaffNewsList t={request.t} language={request.language} posts={await newsForStaff(app.db)} /> }),
  );

  const showForm = (request: Parameters<typeof renderPage>[0], reply: Parameters<typeof renderPage>[1], options: { action: string; textLanguage: Language; input: NewsInput; errors?: { field: string; code: string }[]; notices?: string[] }) =>
    renderPage(request, reply, {
      title: request.t('portal.news.editTitle', { language: request.t(`portal.languages.${options.textLanguage}`) }),
      body: (
        <NewsForm
          t={request.t}
          language={request.language}
          csrfToken={request.csrfToken}
          action={options.action}
          textLanguage={options.textLanguage}
          input={options.input}
          errors={(options.errors ?? []).map((error) => ({ field: error.field, message: request.t(`portal.errors.${error.code}`) }))}
          notices={options.notices ?? []}
        />
      ),
    });

  app.get('/admin/news/new', { config: editors, schema: { hide: true } }, async (request, reply) =>
    showForm(request, reply, { action: '/admin/news/new', textLanguage: sourceLanguage, input: { title: '', summary: '', body: '', publishedOn: '' } }),
  );

  app.post('/admin/news/new', { config: editors, schema: { body: newsBody, hide: true } }, async (request, reply) => {
    const input = { ...request.body, publishedOn: request.body.publishedOn ?? '' };
    const outcome = await saveNewsPost(app.db, { accountId: request.account!.id }, { postId: null, language: sourceLanguage }, input);
    if (outcome.kind === 'saved') return reply.redirect(`/admin/news/${outcome.postId}/de?saved=1${outcome.cleaned ? '&cleaned=1' : ''}`, 303);
    reply.code(400);
    return showForm(request, reply, { action: '/admin/news/new', textLanguage: sourceLanguage, input, errors: outcome.errors });
  });

  app.get('/admin/news/:id/:language', { config: editors, schema: { params: textParams, querystring: savedQuery, hide: true } }, async (request, reply) => {
    const { id, language } = request.params;
    const post = await newsPost(app.db, id);
    if (!post) throw new HttpProblem(404, 'notFound');
    const text = post.texts.find((candidate) => candidate.language === language);
    const input: NewsInput = { title: text?.title ?? '', summary: text?.summary ?? '', body: text?.body ?? '', ...(language === sourceLanguage ? { publishedOn: post.published_on ?? '' } : {}) };
    const notices = [...(request.query.saved ? [request.t('portal.news.saved')] : []), ...(request.query.cleaned ? [request.t('portal.staff.cleaned')] : [])];
    return showForm(request, reply, { action: `/admin/news/${id}/${language}`, textLanguage: language, input, notices });
  });

  app.post('/admin/news/:id/:language', { config: editors, schema: { params: textParams, body: newsBody, hide: true } }, async (request, reply) => {
    const { id, language } = request.params;
    if (!(await newsPost(app.db, id))) throw new HttpProblem(404, 'notFound');
    const input: NewsInput = { ...request.body, publishedOn: language === sourceLanguage ? (request.body.publishedOn ?? '') : undefined };
    const outcome = await saveNewsPost(app.db, { accountId: request.account!.id }, { postId: id, language }, input);
    if (outcome.kind === 'saved') return reply.redirect(`/admin/news/${id}/${language}?saved=1${outcome.cleaned ? '&cleaned=1' : ''}`, 303);
    reply.code(400);
    return showForm(request, reply, { action: `/admin/news/${id}/${language}`, textLanguage: language, input, errors: outcome.errors });
  });
}
