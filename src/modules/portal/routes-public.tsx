import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HttpProblem } from '../../http/errors.js';
import { cachedBody } from '../../http/page-cache.js';
import { renderPage } from '../../http/render.js';
import { DefaultHome, HomeActions, PortalPage } from './views/public.js';
import { EasyReadSection } from './views/easy-read.js';
import { easyReadTexts } from './easy-read.js';
import { signLanguageVideos } from './sign-language.js';
import { pageKeys, pagePaths, sourceLanguage, type PageKey } from './pages.js';
import { publishedVersion } from './queries.js';
import { plainText } from './content.js';
import type { Language } from '../../i18n/index.js';
import type { ComponentChildren } from 'preact';

/** The published version in the visitor's language, else the German one (marked as such on the page). */
async function visibleVersion(fastify: FastifyInstance, pageKey: PageKey, language: Language) {
  return (await publishedVersion(fastify.db, pageKey, language)) ?? (language === sourceLanguage ? undefined : await publishedVersion(fastify.db, pageKey, sourceLanguage));
}

/**
 * Sends a published portal page; src/http/home.tsx calls it for `/`. The home
 * page falls back to the installation's name and tagline until staff publish
 * one; any other page unpublished is not found.
 */
export async function showPortalPage(fastify: FastifyInstance, request: FastifyRequest, reply: FastifyReply, pageKey: PageKey, extra?: ComponentChildren) {
  const t = request.t;
  const version = await visibleVersion(fastify, pageKey, request.language);
  if (!version) {
    if (pageKey !== 'home') throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, { title: t('app.name'), body: <><DefaultHome t={t} /><EasyReadSection t={t} language={request.language} texts={await easyReadTexts(fastify.db)} videos={await signLanguageVideos(fastify.db)} /></> });
  }
  const page = async () => (
    <PortalPage t={t} language={request.language} version={version}>
      {pageKey === 'home' && <HomeActions t={t} />}
      {pageKey === 'home' && <EasyReadSection t={t} language={request.language} texts={await easyReadTexts(fastify.db)} videos={await signLanguageVideos(fastify.db)} />}
      {extra}
    </PortalPage>
  );
  return renderPage(request, reply, {
    title: version.title,
    description: version.description || plainText(version.body).slice(0, 160),
    // once per change of the data, address and language (src/http/page-cache.tsx); a page with a
    // form of this visit in it (the accessibility statement's barrier form) is rendered each time
    body: extra === undefined ? await cachedBody(request, page) : await page(),
  });
}

export async function publicPageRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // the home page is served by src/http/home.tsx (it also sends signed-in accounts to their start page),
  // the accessibility statement with its barrier form by routes-barriers.tsx
  for (const pageKey of pageKeys.filter((key) => key !== 'home' && key !== 'accessibility')) {
    app.get(pagePaths[pageKey], { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => showPortalPage(fastify, request, reply, pageKey));
  }
}
