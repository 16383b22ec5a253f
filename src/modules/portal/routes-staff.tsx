import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { publicLanguages, type Language } from '../../i18n/index.js';
import { publishPageVersion, savePageVersion, type PageDraft } from './commands.js';
import { pageKeys, sourceLanguage, type PageKey } from './pages.js';
import { pageEditors } from './policy.js';
import { latestVersion, pagesOverview, translationStatus, versionHistory, type PageVersion } from './queries.js';
import { EditPage, PagesList, previewBanner } from './views/staff.js';
import { PortalPage } from './views/public.js';

const editors = { access: pageEditors };
const pageParams = z.object({ page: z.enum(pageKeys), language: z.enum(publicLanguages) });
const editQuery = z.object({ saved: z.coerce.number().int().optional(), cleaned: z.literal('1').optional(), published: z.coerce.number().int().optional() });
const saveBody = z.object({
  title: z.string().default(''),
  description: z.string().default(''),
  body: z.string().default(''),
  minor: z.union([z.string(), z.array(z.string())]).optional(),
  baseRevision: z.coerce.number().int().min(0).default(0),
});
const publishBody = z.object({ revision: z.coerce.number().int().min(1) });

const draftOf = (version: PageVersion | undefined): PageDraft => ({
  title: version?.title ?? '',
  description: version?.description ?? '',
  body: version?.body ?? '',
  minor: false,
  baseRevision: version?.revision ?? 0,
});

/** Staff write, preview and publish the portal's pages (/admin/pages). */
export async function staffPageRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  async function showEditor(
    request: FastifyRequest,
    reply: FastifyReply,
    page: { pageKey: PageKey; language: Language },
    form: { draft?: PageDraft; errors?: { field: string; code: string }[]; notices?: string[]; conflict?: PageVersion } = {},
  ) {
    const t = request.t;
    const latest = await latestVersion(app.db, page.pageKey, page.language);
    const german = page.language === sourceLanguage ? latest : await latestVersion(app.db, page.pageKey, sourceLanguage);
    const draft = form.draft ?? draftOf(latest);
    return renderPage(request, reply, {
      title: t('portal.staff.editTitle', { page: t(`portal.pageNames.${page.pageKey}`), language: t(`portal.languages.${page.language}`) }),
      body: (
        <EditPage
          t={t}
          language={request.language}
          csrfToken={request.csrfToken}
          pageKey={page.pageKey}
          pageLanguage={page.language}
          draft={draft}
          latest={latest}
          german={german}
          status={page.language === sourceLanguage ? null : translationStatus(german, latest)}
          history={await versionHistory(app.db, page.pageKey, page.language)}
          errors={(form.errors ?? []).map((error) => ({ field: error.field, message: t(`portal.errors.${error.code}`) }))}
          notices={form.notices ?? []}
          conflict={form.conflict}
        />
      ),
    });
  }

  app.get('/admin/pages', { config: editors, schema: { hide: true } }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('portal.staff.title'), body: <PagesList t={request.t} pages={await pagesOverview(app.db)} /> }),
  );

  app.get('/admin/pages/:page/:language', { config: editors, schema: { params: pageParams, querystring: editQuery, hide: true } }, async (request, reply) => {
    const { page, language } = request.params;
    const t = request.t;
    const notices = [
      ...(request.query.saved ? [t('portal.staff.saved', { revision: request.query.saved })] : []),
      ...(request.query.cleaned ? [t('portal.staff.cleaned')] : []),
      ...(request.query.published ? [t('portal.staff.publishedNotice', { revision: request.query.published })] : []),
    ];
    return showEditor(request, reply, { pageKey: page, language }, { notices });
  });

  app.post('/admin/pages/:page/:language', { config: editors, schema: { params: pageParams, body: saveBody, hide: true } }, async (request, reply) => {
    const { page, language } = request.params;
    const { minor, ...fields } = request.body;
    const draft: PageDraft = { ...fields, minor: minor !== undefined };
    const outcome = await savePageVersion(app.db, { accountId: request.account!.id }, { pageKey: page, language }, draft);
    if (outcome.kind === 'saved') {
      return reply.redirect(`/admin/pages/${page}/${language}?saved=${outcome.revision}${outcome.cleaned ? '&cleaned=1' : ''}`, 303);
    }
    if (outcome.kind === 'invalid') {
      reply.code(400);
      return showEditor(request, reply, { pageKey: page, language }, { draft, errors: outcome.errors });
    }
    // the editor's text stays in the form, now based on the revision they have seen
    reply.code(409);
    return showEditor(request, reply, { pageKey: page, language }, { draft: { ...draft, baseRevision: outcome.current.revision }, conflict: outcome.current });
  });

  app.get('/admin/pages/:page/:language/preview', { config: editors, schema: { params: pageParams, hide: true } }, async (request, reply) => {
    const { page, language } = request.params;
    const latest = await latestVersion(app.db, page, language);
    if (!latest) throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, {
      title: latest.title,
      navigation: false,
      body: <PortalPage t={request.t} language={request.language} version={latest} preview={previewBanner(request.t, page, language, latest.revision)} />,
    });
  });

  app.post('/admin/pages/:page/:language/publish', { config: editors, schema: { params: pageParams, body: publishBody, hide: true } }, async (request, reply) => {
    const { page, language } = request.params;
    const done = await publishPageVersion(app.db, { accountId: request.account!.id }, { pageKey: page, language, revision: request.body.revision }, new Date());
    if (!done) throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/admin/pages/${page}/${language}?published=${request.body.revision}`, 303);
  });
}
