import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { cachedBody } from '../../http/page-cache.js';
import { renderPage } from '../../http/render.js';
import { districtsOfHessen, hessenMap } from '../places/index.js';
import { mapModel, topics, type MapFilters } from './present.js';
import { publicPhoto, publicPortrait, releasedAssociations } from './queries.js';
import { MapPage } from './views/map.js';
import { PortraitList, PortraitPage } from './views/public.js';

/**
 * Public pages: the list of released portraits, each portrait with its photo,
 * and the map of Hessen with the same content as a list. Six languages
 * (?lang=). Everything reads released_at on each request, so a withdrawal is
 * seen at once.
 */

const pageSize = 50;
const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const listQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });
const mapQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  topic: z.enum(topics).optional().catch(undefined),
  district: z.string().regex(/^06\d{3}$/).optional().catch(undefined),
});
const looseQuery = z.record(z.string(), z.unknown());

const asset = (name: string) => readFileSync(new URL(`../../../src/modules/portraits/assets/${name}`, import.meta.url), 'utf8');
let assets: { js: string; css: string } | undefined;

export async function publicPortraitRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'public' as const };

  app.get('/portraits', { config, schema: { querystring: listQuery.passthrough() } }, async (request, reply) => {
    const all = await releasedAssociations(app.db);
    const pages = Math.max(1, Math.ceil(all.length / pageSize));
    const page = Math.min(request.query.page, pages);
    return renderPage(request, reply, {
      title: request.t('portraits.list.title'),
      body: <PortraitList t={request.t} language={request.language} associations={all.slice((page - 1) * pageSize, page * pageSize)} page={page} pages={pages} />,
    });
  });

  app.get('/portraits/:id', { config, schema: { params: idParams, querystring: looseQuery } }, async (request, reply) => {
    const portrait = await publicPortrait(app.db, request.params.id);
    if (!portrait) throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, { title: portrait.name, body: <PortraitPage t={request.t} language={request.language} portrait={portrait} /> });
  });

  app.get('/portraits/:id/photo', { config, schema: { params: idParams } }, async (request, reply) => {
    const photo = await publicPhoto(app.db, request.params.id);
    if (!photo) throw new HttpProblem(404, 'notFound');
    return reply.type(photo.type).header('x-content-type-options', 'nosniff').send(photo.bytes);
  });

  app.get('/map', { config, schema: { querystring: mapQuery.passthrough() } }, async (request, reply) => {
    const { page, ...chosen } = request.query;
    const filters: MapFilters = { year: chosen.year, topic: chosen.topic, district: chosen.district };
    // once per change of the data, address and language (src/http/page-cache.tsx)
    const body = await cachedBody(request, async () => {
      const model = mapModel(await releasedAssociations(app.db), filters);
      return <MapPage t={request.t} language={request.language} map={hessenMap()} model={model} filters={filters} districts={districtsOfHessen()} page={page} pageSize={pageSize} />;
    });
    return renderPage(request, reply, { title: request.t('portraits.map.title'), body });
  });

  // The map's script and style: files of this module, served by it (no inline code under the CSP).
  app.get('/map/map.js', { config }, async (_request, reply) => {
    assets ??= { js: asset('map.js'), css: asset('map.css') };
    return reply.type('text/javascript; charset=utf-8').send(assets.js);
  });
  app.get('/map/map.css', { config }, async (_request, reply) => {
    assets ??= { js: asset('map.js'), css: asset('map.css') };
    return reply.type('text/css; charset=utf-8').send(assets.css);
  });
}
