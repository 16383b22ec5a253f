import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isLanguage, translator, type Language } from '../../i18n/index.js';
import { formatDay } from '../../ui/dates.js';
import { eventsInOrder, todayInBerlin } from '../events/index.js';
import { registeredModules } from '../registry.js';
import { atomXml, sitemapXml, tagUri } from './feeds.js';
import { plainText } from './content.js';
import { publishedNews } from './news.js';
import { portalSitemap } from './sitemap.js';

const feedQuery = z.object({ lang: z.string().max(5).optional() });

/**
 * A feed reader sends no cookie and no browser language: a feed is German
 * unless its address says ?lang=, so that it reads the same for everyone.
 */
const feedLanguage = (lang: string | undefined): Language => (isLanguage(lang) ? lang : 'de');

export async function feedRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const baseUrl = () => app.settings.baseUrl;

  app.get('/sitemap.xml', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const today = await todayInBerlin(app.db);
    const events = await eventsInOrder(app.db, { upcomingFrom: today });
    const news = await publishedNews(app.db, { today, language: 'de', limit: 1000 });
    // the portal's pages first, then every other module of src/modules/registry.ts
    const others = await Promise.all(registeredModules().filter((module) => module.name !== 'portal' && module.sitemap).map((module) => module.sitemap!(app.db)));
    const entries = [
      ...(await portalSitemap(app.db)),
      { path: '/calendar' },
      ...events.filter((event) => !event.cancelled_at).map((event) => ({ path: `/calendar/${event.id}`, lastModified: new Date(event.updated_at).toISOString() })),
      ...(news.length > 0 ? [{ path: '/aktuelles' }] : []),
      ...news.map((post) => ({ path: `/aktuelles/${post.id}`, lastModified: new Date(post.updated_at).toISOString() })),
      ...others.flat(),
    ];
    return reply.type('application/xml; charset=utf-8').send(sitemapXml(baseUrl(), entries));
  });

  app.get('/feeds/news.atom', { config: { access: 'public' }, schema: { querystring: feedQuery, hide: true } }, async (request, reply) => {
    const language = feedLanguage(request.query.lang);
    const t = translator(language);
    const news = await publishedNews(app.db, { today: await todayInBerlin(app.db), language, limit: 30 });
    const xml = atomXml(baseUrl(), {
      id: tagUri(baseUrl(), `news/${language}`),
      title: `${t('portal.news.title')} – ${t('app.name')}`,
      selfPath: `/feeds/news.atom?lang=${language}`,
      pagePath: `/aktuelles?lang=${language}`,
      language,
      emptyUpdated: new Date('2026-01-01T00:00:00Z'),
      entries: news.map((post) => ({
        id: tagUri(baseUrl(), `news/${post.id}`),
        title: post.title,
        path: `/aktuelles/${post.id}?lang=${language}`,
        updated: new Date(post.updated_at),
        published: new Date(`${post.published_on}T00:00:00Z`),
        summary: post.summary || plainText(post.body).slice(0, 300),
      })),
    });
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });

  app.get('/feeds/events.atom', { config: { access: 'public' }, schema: { querystring: feedQuery, hide: true } }, async (request, reply) => {
    const language = feedLanguage(request.query.lang);
    const t = translator(language);
    const events = await eventsInOrder(app.db, { upcomingFrom: await todayInBerlin(app.db) }, 200);
    const xml = atomXml(baseUrl(), {
      id: tagUri(baseUrl(), `events/${language}`),
      title: `${t('events.public.title')} – ${t('app.name')}`,
      selfPath: `/feeds/events.atom?lang=${language}`,
      pagePath: `/calendar?lang=${language}`,
      language,
      emptyUpdated: new Date('2026-01-01T00:00:00Z'),
      entries: events.map((event) => ({
        id: tagUri(baseUrl(), `event/${event.event_key}`),
        title: event.cancelled_at ? `${t('events.ical.cancelledPrefix')}${event.title}` : event.title,
        path: `/calendar/${event.id}?lang=${language}`,
        updated: new Date(event.updated_at),
        summary: [formatDay(event.start_date, language, 'full'), event.starts_at, [event.place, event.municipality].filter(Boolean).join(', '), event.description ?? ''].filter(Boolean).join(' · '),
      })),
    });
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });
}
