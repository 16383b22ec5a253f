import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { multipartCsrfMatches } from '../../http/context.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { formTexts } from '../../http/validation.js';
import { berlinDay } from '../../ui/dates.js';
import type { FieldError } from '../../ui/forms.js';
import { DomainError } from '../domain-error.js';
import { allMaterials } from '../materials/index.js';
import {
  addDocumentationPhoto,
  documentationPhotoFile,
  documentationPhotoLimits,
  findDocumentation,
  publicDocumentation,
  removeDocumentationPhoto,
  saveDocumentation,
  setDocumentationPublished,
} from './documentation.js';
import { DocumentationStaffPage, PublicDocumentationPage, type DocumentationFormValues } from './documentation-views.js';
import { findEvent } from './queries.js';

/**
 * A meeting's documentation (issue 11): staff of the centre write it on
 * /events/:id/documentation; the public reads it on /calendar/:id/documentation,
 * linked from the event's page and the calendar, once published.
 */

const staff = { access: centreStaff };
const id = z.coerce.number().int().positive().max(2 ** 31 - 1);
const eventParams = z.object({ id });
const photoParams = z.object({ id, photoId: id });
const noticeQuery = z.object({ done: z.enum(['saved', 'photo', 'removed', 'published', 'withdrawn']).optional() });

const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join('\n') : (value ?? ''));

export async function documentationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  async function eventOr404(eventId: number) {
    const event = await findEvent(app.db, eventId);
    if (!event) throw new HttpProblem(404, 'notFound');
    return event;
  }

  async function staffPage(request: FastifyRequest, reply: FastifyReply, eventId: number, extra: { errors?: FieldError[]; values?: DocumentationFormValues; notice?: string } = {}) {
    const event = await eventOr404(eventId);
    const documentation = await findDocumentation(app.db, eventId);
    const values = extra.values ?? { programme: documentation?.programme ?? '', talks: documentation?.talks ?? '', results: documentation?.results ?? '', downloadIds: documentation?.downloadIds ?? [] };
    const materials = (await allMaterials(app.db)).filter((material) => material.published);
    if (extra.errors?.length) reply.code(400);
    return renderPage(request, reply, {
      title: request.t('events.documentation.title', { title: event.title }),
      body: <DocumentationStaffPage t={request.t} language={request.language} csrfToken={request.csrfToken} event={event} documentation={documentation} values={values} materials={materials} errors={extra.errors ?? []} notice={extra.notice} />,
    });
  }

  const domainError = (request: FastifyRequest, error: unknown, fallbackField: string): FieldError[] => {
    if (!(error instanceof DomainError)) throw error;
    // a text's message names its field by the label the form shows
    const field = error.field ?? fallbackField;
    return [{ field, message: request.t(error.key, { ...error.parameters, field: request.t(`events.documentation.sections.${field}`) }) }];
  };

  app.get('/events/:id/documentation', { config: staff, schema: { params: eventParams, querystring: noticeQuery, hide: true } }, async (request, reply) =>
    staffPage(request, reply, request.params.id, { notice: request.query.done ? request.t(`events.documentationStaff.done.${request.query.done}`) : undefined }),
  );

  app.post('/events/:id/documentation', { config: staff, schema: { params: eventParams, body: formTexts, hide: true } }, async (request, reply) => {
    const body = request.body;
    const values: DocumentationFormValues = {
      programme: text(body.programme),
      talks: text(body.talks),
      results: text(body.results),
      downloadIds: list(body.downloads).map(Number).filter((value) => Number.isSafeInteger(value) && value > 0 && value < 2 ** 31),
    };
    await eventOr404(request.params.id);
    try {
      await saveDocumentation(app.db, { accountId: request.account!.id }, request.params.id, values);
    } catch (error) {
      return staffPage(request, reply, request.params.id, { values, errors: domainError(request, error, 'programme') });
    }
    return reply.redirect(`/events/${request.params.id}/documentation?done=saved`, 303);
  });

  app.post('/events/:id/documentation/photos', { config: { ...staff, csrfInMultipart: true }, schema: { params: eventParams, hide: true } }, async (request, reply) => {
    await eventOr404(request.params.id);
    const form = await readPhotoForm(request);
    if (!form.unreadable && !multipartCsrfMatches(request, form.fields._csrf)) throw new HttpProblem(403, 'csrf');
    const limits = { max: documentationPhotoLimits.bytes / 1024 / 1024, side: documentationPhotoLimits.side, megapixels: documentationPhotoLimits.megapixels };
    const refuse = (field: string, code: string) => staffPage(request, reply, request.params.id, { errors: [{ field, message: request.t(`events.errors.documentation.${code}`, limits) }] });
    if (form.unreadable) return refuse('photo', 'photoUnreadableForm');
    if (form.tooLarge) return refuse('photo', 'tooLarge');
    if (!form.photo) return refuse('photo', 'photoMissing');
    const added = await addDocumentationPhoto(app.db, { accountId: request.account!.id }, request.params.id, { bytes: form.photo, caption: form.fields.caption ?? '' });
    if (!added.ok) return refuse(added.problem === 'captionMissing' ? 'caption' : 'photo', added.problem);
    return reply.redirect(`/events/${request.params.id}/documentation?done=photo`, 303);
  });

  app.post('/events/:id/documentation/photos/:photoId/delete', { config: staff, schema: { params: photoParams, body: formTexts, hide: true } }, async (request, reply) => {
    if (!(await removeDocumentationPhoto(app.db, { accountId: request.account!.id }, request.params.id, request.params.photoId))) throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/events/${request.params.id}/documentation?done=removed`, 303);
  });

  app.post('/events/:id/documentation/publish', { config: staff, schema: { params: eventParams, body: formTexts, hide: true } }, async (request, reply) => {
    await eventOr404(request.params.id);
    const published = request.body.published === 'yes';
    try {
      await setDocumentationPublished(app.db, { accountId: request.account!.id }, request.params.id, published, berlinDay(new Date()));
    } catch (error) {
      return staffPage(request, reply, request.params.id, { errors: domainError(request, error, 'published') });
    }
    return reply.redirect(`/events/${request.params.id}/documentation?done=${published ? 'published' : 'withdrawn'}`, 303);
  });

  // the editor's view of a photo and its thumbnail, published or not
  for (const thumbnail of [false, true]) {
    app.get(`/events/:id/documentation/photos/:photoId${thumbnail ? '/thumbnail' : ''}`, { config: staff, schema: { params: photoParams, hide: true } }, async (request, reply) => {
      const photo = await documentationPhotoFile(app.db, request.params.id, request.params.photoId, { publishedOnly: false, thumbnail });
      if (!photo) throw new HttpProblem(404, 'notFound');
      return reply.type(photo.media_type).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store').send(Buffer.from(photo.bytes));
    });
  }

  app.get('/calendar/:id/documentation', { config: { access: 'public' }, schema: { params: eventParams } }, async (request, reply) => {
    const event = await eventOr404(request.params.id);
    const documentation = await publicDocumentation(app.db, event.id);
    if (!documentation) throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, {
      title: request.t('events.documentation.title', { title: event.title }),
      body: <PublicDocumentationPage t={request.t} language={request.language} event={event} documentation={documentation} />,
    });
  });

  for (const thumbnail of [false, true]) {
    app.get(`/calendar/:id/documentation/photos/:photoId${thumbnail ? '/thumbnail' : ''}`, { config: { access: 'public' }, schema: { params: photoParams } }, async (request, reply) => {
      const photo = await documentationPhotoFile(app.db, request.params.id, request.params.photoId, { publishedOnly: true, thumbnail });
      if (!photo) throw new HttpProblem(404, 'notFound');
      return reply.type(photo.media_type).header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=3600').send(Buffer.from(photo.bytes));
    });
  }
}

/** The photo form (multipart): its caption and token, and the photo read up to its limit. */
async function readPhotoForm(request: FastifyRequest) {
  const form: { fields: Record<string, string>; photo?: Buffer; tooLarge: boolean; unreadable: boolean } = { fields: {}, tooLarge: false, unreadable: !request.isMultipart() };
  if (form.unreadable) return form;
  // throwFileSizeLimit is read per call by @fastify/multipart but missing from its types
  const options = { limits: { fileSize: documentationPhotoLimits.bytes, files: 1, fields: 10 }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0];
  try {
    for await (const part of request.parts(options)) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') form.fields[part.fieldname] = part.value;
        continue;
      }
      const bytes = await part.toBuffer();
      if (!part.filename && bytes.length === 0) continue; // a file input left empty
      if (part.file.truncated) form.tooLarge = true;
      else if (part.fieldname === 'photo') form.photo = bytes;
    }
  } catch (error) {
    request.log.info({ err: error }, 'documentation photo form unreadable');
    form.unreadable = true;
  }
  return form;
}
