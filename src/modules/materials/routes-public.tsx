import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { cachedBody } from '../../http/page-cache.js';
import { renderPage } from '../../http/render.js';
import { LibraryPage, MaterialPage } from './public-views.js';
import { findMaterial, libraryMaterials, materialFile } from './queries.js';
import { extensionOf } from './sniff.js';
import { fileFormats } from './tables.js';
import { isChecklistKey, isMaterialLanguage, isTopic } from './vocabulary.js';

/** The public library: the list with filters, a handout's page, and its stable download address. */

const optionalChoice = (allowed: (value: unknown) => boolean) => z.string().optional().catch(undefined).transform((value) => (allowed(value) ? value : undefined));
const libraryQuery = z.object({
  topic: optionalChoice(isTopic),
  language: optionalChoice(isMaterialLanguage),
  format: optionalChoice((value) => value === 'link' || fileFormats.includes(value as never)),
  item: optionalChoice(isChecklistKey),
  lang: z.string().optional(),
});
const materialParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });

/** A file name for the Content-Disposition header: ASCII fallback plus the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string, mediaType: string): string {
  const base = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const name = `${base}.${extensionOf(mediaType)}`;
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || `handout.${extensionOf(mediaType)}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function publicMaterialRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/handouts', { config: { access: 'public' }, schema: { querystring: libraryQuery } }, async (request, reply) => {
    const { lang: _lang, ...filters } = request.query;
    // once per change of the data, address and language (src/http/page-cache.tsx)
    const body = await cachedBody(request, async () => <LibraryPage t={request.t} language={request.language} materials={await libraryMaterials(app.db, filters)} filters={filters} />);
    return renderPage(request, reply, { title: request.t('materials.public.title'), body });
  });

  app.get('/handouts/:id', { config: { access: 'public' }, schema: { params: materialParams } }, async (request, reply) => {
    const material = await findMaterial(app.db, request.params.id, { publishedOnly: true });
    if (!material) throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, { title: material.title, body: <MaterialPage t={request.t} language={request.language} material={material} /> });
  });

  // The stable address of a handout: always its newest version (a link handout forwards to the form's address).
  app.get('/handouts/:id/download', { config: { access: 'public' }, schema: { params: materialParams } }, async (request, reply) => {
    const material = await findMaterial(app.db, request.params.id, { publishedOnly: true });
    if (!material) throw new HttpProblem(404, 'notFound');
    if (material.kind === 'link') return reply.redirect(material.link_url!, 303);
    const file = await materialFile(app.db, material.id);
    if (!file) throw new HttpProblem(404, 'notFound');
    return reply
      .type(file.media_type)
      .header('content-disposition', contentDisposition(file.file_name, file.media_type))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-cache')
      .send(file.content);
  });
}
