import { cachedJson } from '../../http/page-cache.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentTime } from './clock.js';
import { berlinDay } from './freshness.js';
import {
  hsdsVersion, organizationObjects, page, publicServiceIds, serviceAtLocationObjects, serviceListObjects, serviceObjects, taxonomyObjects, taxonomyTermObjects,
} from './hsds.js';
import { publicOrganizationIds, publicServiceExists } from './api-queries.js';
import { apiLanguageOf, langProblem, translateServices } from './api-language.js';
import { fieldsOf } from '../../http/validation.js';

/**
 * The Wegweiser as Open Referral HSDS 3.0 (schema/openapi.json of the
 * specification, docs/exchange.md "Wegweiser: HSDS 3.0 API"): public,
 * read-only, only published and confirmed entries that are not hidden for
 * being overdue. Kept out of Mosaik's own OpenAPI document (/api/docs): it
 * follows Open Referral's.
 */

const uuid = z.string().uuid();
const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(500).default(50),
};
const servicesQuery = z.object({
  ...paging,
  search: z.string().max(200).optional(),
  taxonomy_term_id: uuid.optional(),
  organization_id: uuid.optional(),
  modified_after: z.string().datetime({ offset: true }).or(z.string().date()).optional(),
  // not in HSDS 3.0: the language of the texts (api-language.ts)
  lang: z.string().max(40).optional(),
});
const pagingQuery = z.object({ ...paging, lang: z.string().max(40).optional() }).passthrough();
const languageQuery = z.object({ lang: z.string().max(40).optional() }).passthrough();
const idParams = z.object({ id: z.string() });
const hsds = { access: 'public' as const };
/** `?lang=` as sent (the hook runs before each route's schema), or undefined. */
const langOf = (query: unknown) => {
  const lang = fieldsOf(query).lang;
  return typeof lang === 'string' ? lang : undefined;
};
const notFound = { error: 'notFound', message: 'Kein veröffentlichter Eintrag mit dieser id.', message_en: 'No published entry with this id.' };

export async function hsdsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const today = () => berlinDay(currentTime());

  // every answer says its language; a cache must keep one copy per Accept-Language
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/hsds/')) return;
    const language = apiLanguageOf(langOf(request.query), request.headers['accept-language']);
    if (!language.ok) return reply.code(400).send(langProblem(language.given));
    reply.header('content-language', language.language).header('vary', 'Accept-Language');
  });
  const languageOf = (request: { query: unknown; headers: { 'accept-language'?: string } }) => {
    const language = apiLanguageOf(langOf(request.query), request.headers['accept-language']);
    return language.ok ? language.language : 'de';
  };

  app.get('/api/hsds/', { config: hsds, schema: { hide: true } }, async () => ({
    version: hsdsVersion,
    profile: 'https://docs.openreferral.org/en/latest/hsds/',
    openapi_url: 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json',
  }));

  app.get('/api/hsds/services', { config: hsds, schema: { hide: true, querystring: servicesQuery } }, async (request, reply) => {
    const query = request.query;
    const language = languageOf(request);
    // once per change of the data, address, language and day (src/http/page-cache.tsx)
    const json = await cachedJson(request, language, async () => {
      const { ids, total } = await publicServiceIds(app.db, today(), {
        search: query.search, taxonomyTermId: query.taxonomy_term_id, organizationId: query.organization_id,
        modifiedAfter: query.modified_after ? new Date(query.modified_after) : undefined, page: query.page, perPage: query.per_page,
      });
      return page(await translateServices(app.db, await serviceListObjects(app.db, ids), language), total, query.page, query.per_page);
    }, { day: today() });
    return reply.type('application/json; charset=utf-8').send(json);
  });

  app.get('/api/hsds/services/:id', { config: hsds, schema: { hide: true, params: idParams, querystring: languageQuery } }, async (request, reply) => {
    const id = request.params.id;
    if (!uuid.safeParse(id).success || !(await publicServiceExists(app.db, id, today()))) return reply.code(404).send(notFound);
    const [service] = await translateServices(app.db, await serviceObjects(app.db, [id]), languageOf(request));
    return service;
  });

  app.get('/api/hsds/organizations', { config: hsds, schema: { hide: true, querystring: pagingQuery } }, async (request) => {
    const { page: pageNumber, per_page: perPage } = request.query;
    const ids = await publicOrganizationIds(app.db, today());
    const slice = ids.slice((pageNumber - 1) * perPage, pageNumber * perPage);
    return page(await organizationObjects(app.db, slice), ids.length, pageNumber, perPage);
  });

  app.get('/api/hsds/organizations/:id', { config: hsds, schema: { hide: true, params: idParams, querystring: languageQuery } }, async (request, reply) => {
    const id = request.params.id;
    const ids = uuid.safeParse(id).success ? await publicOrganizationIds(app.db, today(), id) : [];
    if (ids.length === 0) return reply.code(404).send(notFound);
    const [organization] = await organizationObjects(app.db, ids);
    const { ids: serviceIds } = await publicServiceIds(app.db, today(), { organizationId: id, page: 1, perPage: 1000 });
    return { ...organization, services: await translateServices(app.db, await serviceListObjects(app.db, serviceIds), languageOf(request)) };
  });

  app.get('/api/hsds/taxonomies', { config: hsds, schema: { hide: true, querystring: pagingQuery } }, async (request) => {
    const all = await taxonomyObjects(app.db);
    const { page: pageNumber, per_page: perPage } = request.query;
    return page(all.slice((pageNumber - 1) * perPage, pageNumber * perPage), all.length, pageNumber, perPage);
  });

  app.get('/api/hsds/taxonomy_terms', { config: hsds, schema: { hide: true, querystring: pagingQuery } }, async (request) => {
    const all = await taxonomyTermObjects(app.db);
    const { page: pageNumber, per_page: perPage } = request.query;
    return page(all.slice((pageNumber - 1) * perPage, pageNumber * perPage), all.length, pageNumber, perPage);
  });

  app.get('/api/hsds/service_at_locations', { config: hsds, schema: { hide: true, querystring: pagingQuery } }, async (request) => {
    const { page: pageNumber, per_page: perPage } = request.query;
    const { items, total } = await serviceAtLocationObjects(app.db, today(), pageNumber, perPage);
    return page(await translateServices(app.db, items, languageOf(request)), total, pageNumber, perPage);
  });
}
