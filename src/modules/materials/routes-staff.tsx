import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { multipartCsrfMatches } from '../../http/context.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import type { FieldError } from '../../ui/forms.js';
import { DomainError } from '../domain-error.js';
import { addMaterialVersion, createFileMaterial, createLinkMaterial, setMaterialPublished, updateMaterial } from './commands.js';
import { formText, materialBody, parseLinkUrl, parseMaterialFields, type MaterialBody } from './form.js';
import { allMaterials, brokenLinks, findMaterial, materialFile, versionsOf } from './queries.js';
import { contentDisposition } from './routes-public.js';
import { MaterialStaffPage, NewMaterialPage, StaffListPage, type MaterialFormValues } from './staff-views.js';
import { readMaterialUpload, type MaterialUpload } from './upload.js';

/** The staff side of the library: list, new handout (file or link), versions, PDF check, publishing, broken links. */

const access = { access: centreStaff };
const materialParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const versionParams = materialParams.extend({ version: z.coerce.number().int().positive().max(100000) });
const newQuery = z.object({ kind: z.enum(['file', 'link']).catch('file') });
const publishBody = z.object({ published: z.enum(['yes', 'no']), _csrf: z.string().optional() });
const detailQuery = z.object({ saved: z.string().optional() });

export async function staffMaterialRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const t = (request: FastifyRequest) => request.t;

  /** The problems of the form and of the file, named by field, in the page's language. */
  function uploadErrors(request: FastifyRequest, form: MaterialUpload): FieldError[] {
    if (form.tooLarge) return [{ field: 'file', message: t(request)('materials.errors.tooLarge') }];
    if (form.unreadable) return [{ field: 'file', message: t(request)('materials.errors.unreadableForm') }];
    if (!form.file) return [{ field: 'file', message: t(request)('materials.errors.chooseFile') }];
    return [];
  }
  const domainFieldError = (request: FastifyRequest, error: DomainError): FieldError => ({ field: error.field ?? 'file', message: error.in(request.t) });

  async function showMaterial(request: FastifyRequest, reply: FastifyReply, id: number, extra: { errors?: FieldError[]; values?: Partial<MaterialFormValues>; notice?: string } = {}) {
    const material = await findMaterial(app.db, id, { publishedOnly: false });
    if (!material) throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, {
      title: material.title,
      body: <MaterialStaffPage t={request.t} language={request.language} csrfToken={request.csrfToken} material={material} versions={await versionsOf(app.db, id)} errors={extra.errors ?? []} values={extra.values} notice={extra.notice} />,
    });
  }

  app.get('/materials', { config: access }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('materials.staff.title'), body: <StaffListPage t={request.t} language={request.language} materials={await allMaterials(app.db)} title={request.t('materials.staff.title')} /> }),
  );

  app.get('/materials/links', { config: access }, async (request, reply) =>
    renderPage(request, reply, {
      title: request.t('materials.staff.brokenLinks'),
      body: <StaffListPage t={request.t} language={request.language} materials={await brokenLinks(app.db)} title={request.t('materials.staff.brokenLinks')} intro={request.t('materials.staff.brokenLinksIntro')} />,
    }),
  );

  app.get('/materials/new', { config: access, schema: { querystring: newQuery } }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('materials.staff.newFile'), body: <NewMaterialPage t={request.t} csrfToken={request.csrfToken} kind={request.query.kind} values={{}} errors={[]} /> }),
  );

  app.post('/materials', { config: { ...access, csrfInMultipart: true }, schema: { hide: true } }, async (request, reply) => {
    const form = await readMaterialUpload(request);
    if (!form.unreadable && !multipartCsrfMatches(request, formText(form.fields, '_csrf'))) throw new HttpProblem(403, 'csrf');
    const kind = formText(form.fields, 'kind') === 'link' ? 'link' : 'file';
    const { fields, problems } = parseMaterialFields(form.fields);
    const errors: FieldError[] = problems.map((problem) => ({ field: problem.field, message: request.t(`materials.errors.${problem.code}`) }));
    const url = kind === 'link' ? parseLinkUrl(formText(form.fields, 'url')) : null;
    if (kind === 'link' && !url) errors.push({ field: 'url', message: request.t('materials.errors.urlInvalid') });
    if (kind === 'file') errors.push(...uploadErrors(request, form));
    const again = (list: FieldError[]) => {
      reply.code(form.tooLarge ? 413 : 400);
      return renderPage(request, reply, { title: request.t('materials.staff.newFile'), body: <NewMaterialPage t={request.t} csrfToken={request.csrfToken} kind={kind} values={{ ...fields, url: formText(form.fields, 'url') }} errors={list} /> });
    };
    if (errors.length > 0) return again(errors);
    try {
      const id = kind === 'link' ? await createLinkMaterial(app.db, request.account!.id, fields, url!) : await createFileMaterial(app.db, request.account!.id, fields, form.file!);
      return reply.redirect(`/materials/${id}?saved=created`, 303);
    } catch (error) {
      if (error instanceof DomainError) return again([domainFieldError(request, error)]);
      throw error;
    }
  });

  app.get('/materials/:id', { config: access, schema: { params: materialParams, querystring: detailQuery } }, async (request, reply) => {
    const saved = request.query.saved;
    const notice = saved && ['created', 'version', 'updated', 'published', 'unpublished'].includes(saved) ? request.t(`materials.staff.saved.${saved}`) : undefined;
    return showMaterial(request, reply, request.params.id, { notice });
  });

  app.post('/materials/:id/edit', { config: access, schema: { params: materialParams, body: materialBody, hide: true } }, async (request, reply) => {
    const body: MaterialBody = request.body;
    const { fields, problems } = parseMaterialFields(body);
    const errors: FieldError[] = problems.map((problem) => ({ field: problem.field, message: request.t(`materials.errors.${problem.code}`) }));
    const material = await findMaterial(app.db, request.params.id, { publishedOnly: false });
    if (!material) throw new HttpProblem(404, 'notFound');
    const url = material.kind === 'link' ? parseLinkUrl(formText(body, 'url')) : undefined;
    if (url === null) errors.push({ field: 'url', message: request.t('materials.errors.urlInvalid') });
    if (errors.length > 0) {
      reply.code(400);
      return showMaterial(request, reply, material.id, { errors, values: { ...fields, url: formText(body, 'url') } });
    }
    await updateMaterial(app.db, request.account!.id, material.id, fields, url ?? undefined);
    return reply.redirect(`/materials/${material.id}?saved=updated`, 303);
  });

  app.post('/materials/:id/publish', { config: access, schema: { params: materialParams, body: publishBody, hide: true } }, async (request, reply) => {
    const published = request.body.published === 'yes';
    try {
      await setMaterialPublished(app.db, request.account!.id, request.params.id, published);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'notFound') throw new HttpProblem(404, 'notFound');
      throw error;
    }
    return reply.redirect(`/materials/${request.params.id}?saved=${published ? 'published' : 'unpublished'}`, 303);
  });

  app.post('/materials/:id/versions', { config: { ...access, csrfInMultipart: true }, schema: { params: materialParams, hide: true } }, async (request, reply) => {
    const form = await readMaterialUpload(request);
    if (!form.unreadable && !multipartCsrfMatches(request, formText(form.fields, '_csrf'))) throw new HttpProblem(403, 'csrf');
    const id = request.params.id;
    const errors = uploadErrors(request, form);
    try {
      if (errors.length === 0) {
        await addMaterialVersion(app.db, request.account!.id, id, form.file!, formText(form.fields, 'note'));
        return reply.redirect(`/materials/${id}?saved=version`, 303);
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'notFound') throw new HttpProblem(404, 'notFound');
      errors.push(domainFieldError(request, error));
    }
    reply.code(form.tooLarge ? 413 : 400);
    return showMaterial(request, reply, id, { errors });
  });

  // Any version, for staff: the history stays while the public address serves the newest.
  app.get('/materials/:id/versions/:version/download', { config: access, schema: { params: versionParams } }, async (request, reply) => {
    const file = await materialFile(app.db, request.params.id, request.params.version);
    if (!file) throw new HttpProblem(404, 'notFound');
    return reply.type(file.media_type).header('content-disposition', contentDisposition(file.file_name, file.media_type)).header('x-content-type-options', 'nosniff').send(file.content);
  });
}
