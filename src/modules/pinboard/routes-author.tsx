import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { multipartCsrfMatches } from '../../http/context.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { readMultipart } from '../imports/index.js';
import { createPost, markMatched, renewPost, updatePost, withdrawPost, type Outcome, type Picture } from './commands/posts.js';
import { checkImage, formInputOf, matchSchema, parsePostForm, parseWith, type FormError, type FormInput } from './form.js';
import { authorRoles, mayEdit, type Viewer } from './policy.js';
import { postsOfOrganisations, type Post } from './queries.js';
import { topics } from './vocabulary.js';
import { districtNames, postIdParams, readablePost, showPost, viewerOrFail } from './routes.js';
import { MinePage, NoOrganisationPage, PostFormPage } from './views/post-form.js';

/**
 * What a representative does with their organisation's posts: write one
 * (it waits for staff), edit it (back to the queue), renew it, mark it as
 * matched, withdraw it; and the list of their organisations' posts.
 */

const noticeQuery = z.object({ done: z.string().max(40).optional().catch(undefined), lang: z.string().optional() });

type Representative = Extract<Viewer, { kind: 'representative' }>;

async function representativeOrFail(request: FastifyRequest): Promise<Representative> {
  const viewer = await viewerOrFail(request);
  if (viewer.kind !== 'representative') throw new HttpProblem(403, 'forbidden');
  return viewer;
}

/** The post the representative may edit, or 404 (another organisation's) / 409 (withdrawn). */
async function editablePost(request: FastifyRequest, id: number): Promise<{ viewer: Representative; post: Post }> {
  const { viewer, post } = await readablePost(request, id);
  if (viewer.kind !== 'representative' || !viewer.organisations.some((organisation) => organisation.id === post.organisation_id)) throw new HttpProblem(404, 'notFound');
  if (!mayEdit(viewer, post)) throw new HttpProblem(409, 'badRequest');
  return { viewer, post };
}

/** The post form's fields and picture, from a multipart form (with its CSRF field checked) or a plain one. */
async function readPostForm(request: FastifyRequest): Promise<{ input: FormInput; picture: Picture | null; errors: FormError[] }> {
  if (!request.isMultipart()) return { input: formInputOf(request.body), picture: null, errors: [] };
  const form = await readMultipart(request, 'image');
  if (!multipartCsrfMatches(request, form.fields._csrf)) throw new HttpProblem(403, 'csrf');
  if (form.truncated) return { input: form.fields, picture: null, errors: [{ field: 'image', code: 'imageUnreadable' }] };
  if (!form.file && !form.tooLarge) return { input: form.fields, picture: null, errors: [] };
  const checked = checkImage({ name: form.file?.name ?? '', bytes: form.file?.bytes ?? new Uint8Array(), tooLarge: form.tooLarge });
  if (!checked.ok) return { input: form.fields, picture: null, errors: checked.errors };
  return { input: form.fields, picture: { bytes: form.file!.bytes, type: checked.value }, errors: [] };
}

const inputOfPost = (post: Post): FormInput => ({
  organisation_id: String(post.organisation_id), kind: post.kind, lang: post.lang, title: post.title, body: post.body, district: post.district ?? '',
  room_size: post.room_size === null ? '' : String(post.room_size), accessible: post.accessible === null ? '' : post.accessible ? 'yes' : 'no',
  available_when: post.available_when ?? '', fair_name: post.fair_name ?? '',
  ...Object.fromEntries(post.topics.filter((topic) => (topics as readonly string[]).includes(topic)).map((topic) => [`topic_${topic}`, 'yes'])),
});

export async function authorRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  function showForm(request: FastifyRequest, reply: FastifyReply, viewer: Representative, options: { post?: Post; input: FormInput; errors: FormError[] }) {
    if (options.errors.length) reply.code(400);
    const title = request.t(options.post ? 'pinboard.form.editTitle' : 'pinboard.form.newTitle');
    return renderPage(request, reply, {
      title: options.errors.length ? request.t('pinboard.errorPrefix', { title }) : title,
      body: PostFormPage({
        t: request.t, language: request.language, csrfToken: request.csrfToken, postId: options.post?.id ?? null, hasImage: Boolean(options.post?.image_type),
        published: options.post?.state === 'published', input: options.input, errors: options.errors, organisations: viewer.organisations, districts: districtNames(),
      }),
    });
  }

  /** Reads, checks and either stores the post or shows the form again with every problem; the organisation must be one the account represents. */
  async function save(request: FastifyRequest, reply: FastifyReply, viewer: Representative, post?: Post) {
    const { input, picture, errors: pictureErrors } = await readPostForm(request);
    const parsed = parsePostForm(input, districtNames());
    const errors = [...(parsed.ok ? [] : parsed.errors), ...pictureErrors];
    if (parsed.ok && !viewer.organisations.some((organisation) => organisation.id === parsed.value.organisation_id)) errors.unshift({ field: 'organisation_id', code: 'organisation' });
    if (!parsed.ok || errors.length > 0) return showForm(request, reply, viewer, { post, input, errors });
    if (!post) {
      const id = await createPost(app.db, viewer.accountId, parsed.value, picture);
      return reply.redirect(`/pinboard/${id}?done=submitted`, 303);
    }
    const outcome = await updatePost(app.db, viewer.accountId, post.id, parsed.value, picture ?? (input.remove_image === 'yes' ? null : 'keep'));
    if (!outcome.ok) throw new HttpProblem(outcome.code === 'notFound' ? 404 : 409, outcome.code === 'notFound' ? 'notFound' : 'badRequest');
    return reply.redirect(`/pinboard/${post.id}?done=resubmitted`, 303);
  }

  app.get('/pinboard/mine', { config: { access: authorRoles }, schema: { querystring: noticeQuery, hide: true } }, async (request, reply) => {
    const viewer = await representativeOrFail(request);
    const posts = await postsOfOrganisations(app.db, viewer.organisations.map((organisation) => organisation.id));
    return renderPage(request, reply, { title: request.t('pinboard.actions.mine'), body: MinePage({ t: request.t, language: request.language, posts, done: request.query.done }) });
  });

  app.get('/pinboard/new', { config: { access: authorRoles }, schema: { querystring: noticeQuery, hide: true } }, async (request, reply) => {
    const viewer = await representativeOrFail(request);
    if (viewer.organisations.length === 0) return renderPage(request, reply, { title: request.t('pinboard.form.newTitle'), body: NoOrganisationPage({ t: request.t }) });
    return showForm(request, reply, viewer, { input: { lang: request.language }, errors: [] });
  });

  app.post('/pinboard/new', { config: { access: authorRoles, csrfInMultipart: true }, schema: { hide: true } }, async (request, reply) => {
    // without an organisation the form's check names the field (pinboard.errors.organisation)
    return save(request, reply, await representativeOrFail(request));
  });

  app.get('/pinboard/:id/edit', { config: { access: authorRoles }, schema: { params: postIdParams, querystring: noticeQuery, hide: true } }, async (request, reply) => {
    const { viewer, post } = await editablePost(request, request.params.id);
    return showForm(request, reply, viewer, { post, input: inputOfPost(post), errors: [] });
  });

  app.post('/pinboard/:id/edit', { config: { access: authorRoles, csrfInMultipart: true }, schema: { params: postIdParams, hide: true } }, async (request, reply) => {
    const { viewer, post } = await editablePost(request, request.params.id);
    return save(request, reply, viewer, post);
  });

  async function act(request: FastifyRequest, reply: FastifyReply, id: number, run: (viewer: Representative, post: Post) => Promise<Outcome>, done: string) {
    const { viewer, post } = await editablePost(request, id);
    const outcome = await run(viewer, post);
    if (!outcome.ok) return showPost(request, reply, viewer, post, { errors: [{ field: 'state', code: 'notNow' }], status: 409 });
    return reply.redirect(`/pinboard/${post.id}?done=${done}`, 303);
  }

  app.post('/pinboard/:id/renew', { config: { access: authorRoles }, schema: { params: postIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    return act(request, reply, request.params.id, (viewer, post) => renewPost(app.db, viewer.accountId, post.id, new Date()), 'renewed');
  });

  app.post('/pinboard/:id/matched', { config: { access: authorRoles }, schema: { params: postIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { viewer, post } = await editablePost(request, request.params.id);
    const input = formInputOf(request.body);
    const parsed = parseWith(matchSchema, input);
    if (!parsed.ok) return showPost(request, reply, viewer, post, { input, errors: parsed.errors });
    return act(request, reply, post.id, (actor) => markMatched(app.db, actor.accountId, post.id, parsed.value.note, new Date()), 'matched');
  });

  app.post('/pinboard/:id/withdraw', { config: { access: authorRoles }, schema: { params: postIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    return act(request, reply, request.params.id, (viewer, post) => withdrawPost(app.db, viewer.accountId, post.id), 'withdrawn');
  });
}
